import type { SourceSpan } from '../diag/types.ts';
import type { ChartBox } from '../charts/types.ts';
import type { SectionKind } from '../load/types.ts';
import type { Insets, Pt } from '../util/geometry.ts';

export type { FontKey } from '../model/types.ts';
import type { FontKey } from '../model/types.ts';

/** A run of text in one font, size and colour; the unit the line breaker measures and pdf/ draws. */
export interface StyledRun {
  readonly text: string;
  readonly font: FontKey;
  readonly sizePt: Pt;
  /** CSS hex colour, e.g. "#154273". */
  readonly color: string;
  /** OpenType features to apply when shaping and drawing, e.g. ["kern", "liga", "tnum"]. */
  readonly features: readonly string[];
  /** Clickable http(s) link target. */
  readonly link?: string;
  /** Set on the superscript marker run of a footnote reference. */
  readonly footnoteId?: string;
  /** Baseline shift in points (positive = up), for superscript footnote markers. */
  readonly risePt?: Pt;
  /** Part of an inline passage in another language, `[text]{lang=en}`: hyphenated in it and tagged as its Span. */
  readonly passage?: Passage;
}

/** An inline passage in another language; `id` numbers the passages of one paragraph (one Span element each). */
export interface Passage {
  readonly lang: string;
  readonly id: number;
}

/** A paragraph ready for the line breaker. */
export interface ParagraphSpec {
  readonly runs: readonly StyledRun[];
  readonly align: 'justify' | 'left' | 'right' | 'center';
  readonly leadingPt: Pt;
  readonly hyphenate: boolean;
  readonly firstLineIndentPt: Pt;
  /** Ragged lines of even length (the style's `balance`): the same number of lines, the last one not a lone word. */
  readonly balance?: boolean;
  /** BCP 47 language the paragraph is hyphenated in (absent: the report's); runs of a passage have their own. */
  readonly lang?: string;
  /** Where the paragraph came from, for warnings (overfull lines, forced widows). */
  readonly source?: SourceSpan;
}

/** Box decoration from the template. */
export interface BoxStyle {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidthPt?: Pt;
  /** Coloured bar on the left edge (quotes, key figures). */
  readonly barColor?: string;
  readonly barWidthPt?: Pt;
  readonly padding: Insets;
  readonly spaceBeforePt: Pt;
  readonly spaceAfterPt: Pt;
}

/**
 * A styled block of an article; flow/ turns it into lines and boxes. `lang`: a block in another language than the
 * report's (its structure element gets /Lang).
 */
export type Block = { readonly lang?: string } & (
  | {
      readonly kind: 'paragraph';
      /** First-line indent as in content order (after a paragraph); flow corrects it where a float moved away or in. */
      readonly para: ParagraphSpec;
      readonly spaceBeforePt: Pt;
      readonly spaceAfterPt: Pt;
      /** The template's first-line indent, on body paragraphs of a template that indents: flow decides by what precedes the paragraph on the page. */
      readonly indentPt?: Pt;
      readonly source: SourceSpan;
    }
  | { readonly kind: 'heading'; readonly para: ParagraphSpec; readonly spaceBeforePt: Pt; readonly spaceAfterPt: Pt; readonly anchor?: string; readonly source: SourceSpan }
  | { readonly kind: 'quote'; readonly text: ParagraphSpec; readonly by?: ParagraphSpec; readonly box: BoxStyle; readonly source: SourceSpan }
  | {
      readonly kind: 'facts';
      readonly title: ParagraphSpec;
      readonly items: readonly { readonly label: ParagraphSpec; readonly value: ParagraphSpec }[];
      readonly box: BoxStyle;
      readonly source: SourceSpan;
    }
  | { readonly kind: 'keyFigure'; readonly value: ParagraphSpec; readonly text: ParagraphSpec; readonly box: BoxStyle; readonly source: SourceSpan }
  | {
      readonly kind: 'list';
      readonly title?: ParagraphSpec;
      /** Marker text per item ("1.", "•"), set in markerRun's style. */
      readonly markers: readonly StyledRun[];
      readonly items: readonly ParagraphSpec[];
      readonly indentPt: Pt;
      readonly box: BoxStyle;
      readonly source: SourceSpan;
    }
  /** A video reference: linked label, and the URL printed (urlPara, one run) beside a QR code of it. */
  | { readonly kind: 'video'; readonly label: ParagraphSpec; readonly url: string; readonly urlPara: ParagraphSpec; readonly box: BoxStyle; readonly source: SourceSpan }
  | {
      readonly kind: 'image';
      /** Raster images (with their width in pixels); SVG images are drawn as vectors from `svg`. */
      readonly png?: Uint8Array;
      readonly widthPx?: number;
      readonly svg?: string;
      /** Height / width of the image. */
      readonly aspect: number;
      readonly alt: string;
      readonly caption?: ParagraphSpec;
      readonly box: BoxStyle;
      readonly anchor?: string;
      readonly source: SourceSpan;
    }
  | { readonly kind: 'chart'; readonly chart: ChartBox; readonly caption?: ParagraphSpec; readonly size: 'column' | 'full'; readonly box: BoxStyle; readonly anchor?: string; readonly source: SourceSpan }
  | {
      readonly kind: 'table';
      readonly title?: ParagraphSpec;
      readonly header: readonly ParagraphSpec[];
      /** One cell per column, except group rows: one cell spanning the table. */
      readonly rows: readonly (readonly ParagraphSpec[])[];
      /** Per row: ordinary, group (bold, rule above) or totals (bold, rule above); indent of its first cell. */
      readonly rowKinds: readonly { readonly kind: 'body' | 'group' | 'total'; readonly indentPt: Pt }[];
      /** Per column; `decimal` columns are right-aligned on `decimalMark` (the end of the integer part). */
      readonly aligns: readonly ('left' | 'right' | 'center' | 'decimal')[];
      readonly decimalMark: string;
      /** Relative column widths (sum 1). */
      readonly widths: readonly number[];
      /** Never split between columns (a short table). */
      readonly keepWhole: boolean;
      /** "Bron: …" line under the table. */
      readonly sourceLine?: ParagraphSpec;
      readonly note?: ParagraphSpec;
      readonly headerFill: string;
      readonly ruleColor: string;
      readonly rowPaddingPt: Pt;
      readonly box: BoxStyle;
      /** Named destination for page references and the outline. */
      readonly anchor?: string;
      readonly source: SourceSpan;
    }
  | { readonly kind: 'signature'; readonly name: ParagraphSpec; readonly role?: ParagraphSpec; readonly spaceBeforePt: Pt; readonly source: SourceSpan }
);

/** A section with its opener parts and body blocks, styled by the template. */
export interface StyledSection {
  readonly id: string;
  readonly kind: SectionKind;
  /** Plain title for TOC, outline and running heads. */
  readonly title: string;
  readonly shortTitle: string;
  readonly label?: string;
  readonly opener: {
    readonly label?: ParagraphSpec;
    readonly title: ParagraphSpec;
    readonly lead?: ParagraphSpec;
  };
  readonly blocks: readonly Block[];
  /** Footnote paragraphs by id (marker included in the text). */
  readonly footnotes: ReadonlyMap<string, ParagraphSpec>;
  /** Number of text columns for this section's body (from the template's page type). */
  readonly columns: 1 | 2;
  /** The whole section's language when it differs from the report's: its Sect and contents entry get /Lang. */
  readonly lang?: string;
  readonly source: SourceSpan;
}
