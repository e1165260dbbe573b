import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import type { Insets, Pt } from '../util/geometry.ts';
import type { VegaLocale, Words } from '../locale/index.ts';

/** A page length as the template writes it (points or an expression, see spec/template.ts and pages/pageLength.ts). */
export type Length = number | string;

/** Where a furniture element appears. */
export interface Placement {
  readonly id?: string;
  readonly side?: 'even' | 'odd';
  readonly on?: readonly ('contents' | 'opener' | 'body')[];
}

/** A declarative page element of the template (colours resolved to hex, images read). */
export type PageElement = Placement &
  (
    | { readonly type: 'rect'; readonly x: Length; readonly y: Length; readonly width: Length; readonly height: Length; readonly fill?: string; readonly stroke?: string; readonly strokeWidth?: Pt }
    | { readonly type: 'rule'; readonly x1: Length; readonly y1: Length; readonly x2: Length; readonly y2: Length; readonly color: string; readonly width: Pt }
    | { readonly type: 'image'; readonly src: string; readonly x: Length; readonly y: Length; readonly width: Length; readonly height: Length; readonly svg?: string; readonly png?: Uint8Array }
    | {
        readonly type: 'text';
        readonly text: string;
        readonly style: string;
        readonly x: Length;
        readonly y?: Length;
        readonly baseline?: Length;
        readonly width?: Length;
        readonly align?: 'left' | 'right' | 'center' | 'inner' | 'outer';
        readonly color?: string;
      }
  );

/** The kinds of section a report has (load/types.ts SectionKind). */
export type SectionKind = 'foreword' | 'article' | 'appendix' | 'colophon';

/** A paragraph style from the template; colours already resolved to hex. */
export interface TextStyleSpec {
  readonly font: string;
  readonly italic?: string;
  readonly bold?: string;
  readonly size: Pt;
  readonly leading: Pt;
  readonly align: 'justify' | 'left' | 'right' | 'center';
  readonly hyphenate: boolean;
  readonly color: string;
  readonly features: readonly string[];
  readonly tracking: number;
  readonly uppercase: boolean;
  /** Ragged multi-line text is broken into lines of even length (titles, headings, box titles, captions). */
  readonly balance?: boolean;
  readonly spaceBefore: Pt;
  readonly spaceAfter: Pt;
  /** BCP 47 language its text is set in: the report's, or a `lang:` passage's (hyphenation, upper case, quotes). */
  readonly lang: string;
}

/** Decoration of a box-like block; colours resolved to hex. */
export interface BoxSpec {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: Pt;
  readonly barColor?: string;
  readonly barWidth?: Pt;
  readonly padding: Insets;
  readonly spaceBefore: Pt;
  readonly spaceAfter: Pt;
}

/** The template (templates/<name>/template.yaml) after validation: all of the report's look. */
export interface ResolvedTheme {
  readonly name: string;
  /** The report's BCP 47 language the theme was resolved for. */
  readonly language: string;
  readonly page: {
    readonly width: Pt;
    readonly height: Pt;
    readonly margin: { readonly top: Pt; readonly bottom: Pt; readonly inner: Pt; readonly outer: Pt };
    readonly columns: 1 | 2;
    /** Body columns per section kind; a kind not listed uses `columns`. */
    readonly sectionColumns?: Readonly<Partial<Record<SectionKind, 1 | 2>>>;
    readonly gutter: Pt;
    readonly footnoteGap: Pt;
  };
  /** Font key → file name inside fonts/ (bundled templates), or as a content-folder template wrote it. */
  readonly fonts: Readonly<Record<string, string>>;
  /** Font key → absolute path of a face a template in the content folder brought itself (the others: fonts/). */
  readonly fontFiles?: Readonly<Record<string, string>>;
  /** Where each font file is named: its line in the template that names it, else report.yaml's template. */
  readonly fontSpans?: Readonly<Record<string, SourceSpan>>;
  /** Per font key (or `default`): the faces that draw what it lacks, in order (template `fallback`). */
  readonly fallback?: Readonly<Record<string, readonly string[]>>;
  readonly colors: Readonly<Record<string, string>>;
  /** The print variant's DeviceCMYK values (percent) by hex colour, from the template's `cmyk`. */
  readonly cmyk?: ReadonlyMap<string, readonly [number, number, number, number]>;
  /** Colours the template uses without a CMYK value, each at its position: errors only for `build --print`. */
  readonly cmykProblems?: readonly Diagnostic[];
  readonly text: Readonly<Record<string, TextStyleSpec>>;
  /** Per section kind, the text styles that differ from `text` (fully resolved); see sectionTheme(). */
  readonly sectionText?: Readonly<Partial<Record<SectionKind, Readonly<Record<string, TextStyleSpec>>>>>;
  readonly boxes: Readonly<Record<string, BoxSpec>>;
  readonly table: {
    readonly headerFill: string;
    readonly rule: string;
    readonly rowPadding: Pt;
    /** Indent per sub-row level; absent = one em of the tableCell size. */
    readonly indent?: Pt;
    /** Tables with at most this many rows stay in one column; absent = 8. */
    readonly keepWhole?: number;
    /** Smallest type size of a table too wide for its column; absent = the tableCell size (never smaller). */
    readonly minSize?: Pt;
  };
  readonly paragraph: { readonly spaceAfter: Pt; readonly indent: Pt; readonly maxWordSpace?: number };
  /** Levels of bookmarks: 1 = sections, 2 = sections and headings; absent = 1. */
  readonly outlineDepth?: number;
  /** Words in the report's language: the language's built-in words, the template's, then report.yaml's. */
  readonly words: Words;
  readonly cover: readonly PageElement[];
  readonly furniture: readonly PageElement[];
  readonly opener: {
    /** Its parts top to bottom (template `opener.order`). */
    readonly order: readonly ('kicker' | 'title' | 'lead' | 'rule')[];
    readonly kickerGap: Pt;
    readonly titleGap: Pt;
    readonly rule?: { readonly color: string; readonly width: Pt; readonly gap: Pt; readonly kinds: readonly SectionKind[] };
  };
  readonly contents: {
    readonly numberColumn: Pt;
    readonly entryGap: number;
    readonly labelGap: Pt;
    readonly leaders: boolean;
    /** An entry's lines top to bottom (template `contents.entry`). */
    readonly entry: readonly ('label' | 'title')[];
  };
  readonly chart: {
    readonly font: string;
    readonly fontKeys: Readonly<Record<'normal' | 'bold' | 'semibold' | 'italic', string>>;
    readonly fontSize: Pt;
    readonly titleFontSize: Pt;
    readonly labelColor: string;
    readonly gridColor: string;
    readonly domainColor: string;
    readonly palette: readonly string[];
    readonly aspect: number;
    /** Number and time locale of the report's language (axes, labels). */
    readonly locale: VegaLocale;
    /** Language and words of generated text alternatives. */
    readonly language: string;
    readonly words: Words;
  };
}

/** The theme as one section kind sees it: its own text styles (template `sectionText`) over the shared ones. */
export function sectionTheme(theme: ResolvedTheme, kind: SectionKind): ResolvedTheme {
  const own = theme.sectionText?.[kind];
  return own ? { ...theme, text: { ...theme.text, ...own } } : theme;
}
