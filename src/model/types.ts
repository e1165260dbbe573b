/**
 * The laid-out document model shared by flow, pages and pdf: placed page items, pages, outline.
 * A leaf module (imports no stage), so the stage that produces these types and the stages that read them
 * depend on it rather than on each other.
 */
import type { SourceSpan } from '../diag/types.ts';
import type { Insets, Pt } from '../util/geometry.ts';

/** Key of a font face declared by the template, e.g. "serif", "serif-italic", "sans-semibold". */
export type FontKey = string;

/**
 * Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that the tagged PDF uses. Headings: the report
 * title is H1 (cover), section titles H2, headings inside a section and the titles of fact boxes/key figures H3.
 */
export type StructRole =
  | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'BlockQuote' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Note' | 'Reference' | 'Link'
  | 'TOC' | 'TOCI' | 'Span';

/** One structure element on an item's path from the document root. */
export interface StructNode {
  readonly role: StructRole;
  /** Names the element among its parent's children: items whose paths agree up to here share the element. */
  readonly key: string;
  /** Alternate description (figures: the chart's generated text, the image's alt). */
  readonly alt?: string;
  /** Language of this passage when it differs from the document's (BCP 47). */
  readonly lang?: string;
  /** Table header cells: what the header applies to. */
  readonly scope?: 'Row' | 'Column';
  /** Table cells spanning several columns (group rows). */
  readonly colSpan?: number;
  /** Element ID (footnote notes), listed in the structure tree's IDTree. */
  readonly id?: string;
}

/**
 * How a page item appears in the tagged PDF. Content: its structure path (outermost first, below the
 * document root) and a content-order key compared element-wise (shorter prefix first), so the tree is built in
 * reading order whatever page or column the item landed in. Artifact: page furniture and decoration that
 * assistive technology skips. An item without a tag is drawn as a layout artifact.
 */
export type ItemTag =
  | { readonly path: readonly StructNode[]; readonly order: readonly number[] }
  | { readonly artifact: 'Pagination' | 'Layout' | 'Background'; readonly subtype?: 'Header' | 'Footer' };

/** A drawing primitive placed on a page (points, origin top-left, y down), with its structure role. */
export type FrameItem = FrameShape & { readonly tag?: ItemTag };

/** The drawing primitives themselves. */
export type FrameShape =
  | {
      readonly kind: 'glyphs';
      readonly x: Pt;
      /** Baseline position. */
      readonly y: Pt;
      readonly text: string;
      readonly font: FontKey;
      readonly sizePt: Pt;
      readonly color: string;
      readonly features: readonly string[];
      readonly wordSpacingPt: Pt;
      readonly widthPt: Pt;
      readonly link?: string;
      /** Horizontal glyph scaling (justification; absent = 1); widthPt already includes it. */
      readonly scale?: number;
      /** Extra space after every character (tracking); widthPt includes it. */
      readonly letterSpacingPt?: Pt;
      readonly source?: SourceSpan;
      /** Set on the first glyph run of each set line: facts for the typographic report. */
      readonly line?: LineTag;
      /**
       * Set on the last glyph run of a line that is not its paragraph's last: the break took a word space ('space':
       * pdf/ draws an invisible space there, so extracted text keeps the word boundary) or added a hyphen ('hyphen':
       * marked so extraction drops it and joins the word).
       */
      readonly lineEnd?: 'space' | 'hyphen';
    }
  | { readonly kind: 'rect'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly fill?: string; readonly stroke?: string; readonly strokeWidthPt?: Pt }
  | { readonly kind: 'rule'; readonly x1: Pt; readonly y1: Pt; readonly x2: Pt; readonly y2: Pt; readonly color: string; readonly widthPt: Pt }
  /** A raster image; widthPx and source let the print variant warn about images below 300 dpi where they are placed. */
  | { readonly kind: 'image'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly png: Uint8Array; readonly alt: string; readonly widthPx?: number; readonly source?: SourceSpan; readonly bleed?: Insets; readonly cmyk?: CmykRaster }
  /** An SVG drawn as vectors; `bleed` (print) widens its viewport past the trim edges it reaches, at the same scale. */
  | { readonly kind: 'svg'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly svg: string; readonly alt: string; readonly source?: SourceSpan; readonly bleed?: Insets }
  /** A chart, drawn by pdf/ from its rendered SVG (vega may still be drawing it while pages are laid out). */
  | { readonly kind: 'chart'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly chartId: string; readonly alt: string }
  /** A link area; `label` names the target for assistive technology (annotation /Contents; default: the URL). */
  | { readonly kind: 'link'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly url: string; readonly label?: string }
  /** Internal link to a named destination (TOC entries); `label` names the target (e.g. the section title). */
  | { readonly kind: 'goto'; readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt; readonly dest: string; readonly label?: string }
  /** A named destination (article starts) for the outline, TOC links and cross-references. */
  | { readonly kind: 'anchor'; readonly name: string; readonly y: Pt };

/**
 * The print variant's copy of a raster image (images/printRaster.ts): 8-bit DeviceCMYK pixels separated through the
 * press profile, with `pad` pixels added on the sides where the image runs into the bleed (its edges mirrored), and
 * the alpha channel apart (a soft mask) when the image has one.
 */
export interface CmykRaster {
  readonly data: Uint8Array;
  readonly alpha?: Uint8Array;
  /** Size including the pad. */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Pixels added on each side for the bleed. */
  readonly pad: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** What the typographic report needs to know about one set line (carried by its first glyph run). */
export interface LineTag {
  /** The line ends in a hyphen (added or the word's own). */
  readonly hyphenated: boolean;
  /** Justified lines: word-space width / the font's natural space. */
  readonly spaceRatio?: number;
  /** Text wider than its measure. */
  readonly overfull: boolean;
  /** x of this run relative to the line's left edge, so the line's column can be found from the item's x. */
  readonly offsetPt: Pt;
  /** Lines of the column flow: paragraph number (per section), line index and line count, for widows and orphans. */
  readonly para?: number;
  readonly index?: number;
  readonly count?: number;
}

/** One finished page. */
export interface Page {
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  /** Printed page number, or null for unnumbered pages (cover). */
  readonly number: number | null;
  /** Page master that produced it: cover, toc, opener, body, appendix… */
  readonly master: string;
  /** The text area; nothing but backgrounds and running heads/feet is drawn outside it. */
  readonly textArea: { readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt };
  readonly items: readonly FrameItem[];
  /**
   * How many of the items are page furniture (running heads, folio, foot text: pages/runningHeads.ts) drawn before
   * the page's own content (`head`, the first items) and after it (`foot`, the last items). pdf/ draws each part
   * as its own content stream, so a page whose number moved keeps its body's stream.
   */
  readonly furniture?: { readonly head: number; readonly foot: number };
}

/** A bookmark in the PDF outline. */
export interface OutlineEntry {
  readonly title: string;
  readonly dest: string;
  readonly children: readonly OutlineEntry[];
}

/** The laid-out document: what pdf/ draws, nothing more. */
export interface PagedDocument {
  readonly pages: readonly Page[];
  readonly outline: readonly OutlineEntry[];
  readonly meta: {
    readonly title: string;
    readonly author: string;
    readonly subject: string;
    readonly keywords: readonly string[];
    readonly language: string;
    /** ISO date used as CreationDate/ModDate so output is byte-identical. */
    readonly date: string;
  };
  /** Font files by key, as the loaded template resolves them (absolute paths: where the tool or the content lies). */
  readonly fonts: Readonly<Record<FontKey, string>>;
}
