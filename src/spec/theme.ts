import type { Diagnostic } from '../diag/types.ts';
import type { Insets, Pt } from '../util/geometry.ts';

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
  readonly spaceBefore: Pt;
  readonly spaceAfter: Pt;
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
  /** Font key → file name inside fonts/. */
  readonly fonts: Readonly<Record<string, string>>;
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
  };
  readonly paragraph: { readonly spaceAfter: Pt; readonly indent: Pt; readonly maxWordSpace?: number };
  readonly strings: Readonly<Record<string, string>>;
  /** Levels of bookmarks: 1 = sections, 2 = sections and headings; absent = 1. */
  readonly outlineDepth?: number;
  readonly runningHead: { readonly left: string; readonly right: string; readonly foot: string };
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
  };
}

/** The theme as one section kind sees it: its own text styles (template `sectionText`) over the shared ones. */
export function sectionTheme(theme: ResolvedTheme, kind: SectionKind): ResolvedTheme {
  const own = theme.sectionText?.[kind];
  return own ? { ...theme, text: { ...theme.text, ...own } } : theme;
}
