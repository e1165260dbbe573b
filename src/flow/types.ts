import type { SectionFlowCache } from './sectionCache.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import type { ContentTag } from '../model/tags.ts';
import type { FrameItem } from '../model/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { Block, ParagraphSpec } from '../style/types.ts';
import type { Line } from '../text/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Breaks a paragraph into lines at a width; the one replaceable line breaker (text/breakLines). */
export type BreakLinesFn = (para: ParagraphSpec, widthPt: Pt) => readonly Line[];

/** What layout needs besides the blocks: measuring fonts and the line breaker. */
export interface LayoutEnv {
  readonly fonts: FontStore;
  readonly breakLines: BreakLinesFn;
  /** Baseline grid (the body leading); composed boxes round their outer height up to a multiple of it. */
  readonly gridPt?: Pt;
  /** Most pages the document may have (report.yaml limits.pages); more stops the build with an error. */
  readonly maxPages?: number;
  /** Where that limit is set, for its error. */
  readonly maxPagesSpan?: SourceSpan;
  /** Flowed sections of earlier layouts (sectionCache.ts); absent: every section is flowed. */
  readonly sections?: SectionFlowCache;
  /** QR codes' SVGs by colour and text (build context `qrCodes`, boxes/qr.ts); absent: each code is made anew. */
  readonly qrCodes?: Map<string, string>;
}

/** A composed, unbreakable rectangle of content; items are relative to its top-left corner. */
export interface Box {
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  readonly items: readonly FrameItem[];
  readonly source?: SourceSpan;
  /**
   * Space the box wants above it (not part of heightPt; flow may drop it at a column top). Set by flow/boxes:
   * spaceBeforePt + heightPt + spaceAfterPt is a multiple of LayoutEnv.gridPt when that is set.
   */
  readonly spaceBeforePt?: Pt;
  /** Space the box wants below it (not part of heightPt): the template's space after plus the grid rounding. */
  readonly spaceAfterPt?: Pt;
  /** Footnotes referenced inside the box, in order, so flow can place their texts on the same page. */
  readonly footnoteIds?: readonly string[];
}

/** A table composed for pagination: it may split between rows, repeating its header. */
export interface ComposedTable {
  readonly title?: Box;
  readonly header: Box;
  readonly rows: readonly Box[];
  readonly sourceLine?: Box;
  readonly note?: Box;
}

/** The box composers of flow/boxes, injectable so layout can be tested with fake boxes. */
export interface ComposeFns {
  composeBlock(block: Block, widthPt: Pt, env: LayoutEnv): Box;
  composeTable(block: Extract<Block, { kind: 'table' }>, widthPt: Pt, env: LayoutEnv): ComposedTable;
}

/** LayoutEnv plus optional composers (defaults: flow/boxes). */
export interface FlowEnv extends LayoutEnv {
  readonly compose?: ComposeFns;
}

/** Fields every flow item has: spacing (collapsed, dropped at column tops) and content order. */
interface FlowItemBase {
  readonly spaceBeforePt: Pt;
  readonly spaceAfterPt: Pt;
  /** Never end a column after this item (headings, table headers). */
  readonly keepWithNext: boolean;
  /** Start this item on a body-leading grid line (first lines, boxes); table rows stay flush. */
  readonly snapBefore: boolean;
  /** Round the column cursor up to the body-leading grid after this item. */
  readonly snapAfter: boolean;
  /** Content order within the section; placed items are listed in this order. */
  readonly order: number;
  /** Footnote ids referenced by this item: their notes go to the bottom of the same column. */
  readonly footnotes: readonly string[];
  /** Named destination placed at the item's top (a heading, chart, image or table a page reference names). */
  readonly anchor?: string;
  readonly source?: SourceSpan;
  /** Lines: the paragraph's structure element and content order (boxes carry tags on their items). */
  readonly struct?: ContentTag;
}

/** One set line of a paragraph or heading; `index`/`count` drive the widow and orphan rules. */
export interface FlowLine extends FlowItemBase {
  readonly kind: 'line';
  /** Named destination at the line's top (first line of a heading: its outline entry). */
  readonly anchor?: string;
  readonly line: Line;
  readonly para: number;
  /** Index of its block in the section when that is a paragraph (not a heading): the first-line indent rule. */
  readonly paragraphBlock?: number;
  readonly index: number;
  readonly count: number;
}

/** An unbreakable box: a float (facts, quote, chart…), a table part or a signature. */
export interface FlowBlock extends FlowItemBase {
  readonly kind: 'block';
  readonly box: Box;
  /** May move to the top of the next column while the following text fills the hole. */
  readonly float: boolean;
  /** 'page' = spans all columns (full-width chart); placed at the top of a page. */
  readonly span: 'column' | 'page';
  /**
   * Table part: id (per section), row 0 = title + header, rows 1…rows = body rows; a body row starting a column
   * repeats `repeat` (continued title + header) above itself.
   */
  readonly table?: { readonly id: number; readonly row: number; readonly rows: number; readonly repeat?: Box; readonly whole?: boolean };
}

/** What flow/ distributes into columns. */
export type FlowItem = FlowLine | FlowBlock;

/** A note set at a column's width, placed at the bottom of the column that references it. */
export interface FootnoteBody {
  readonly id: string;
  /** Named destination at the note's first line (`sectionId^id`), the target of `{page:^id}` and `{ref:^id}`. */
  readonly anchor?: string;
  /** The Note element, placed in content order after the block that references it first. */
  readonly struct?: ContentTag;
  readonly lines: readonly Line[];
  readonly heightPt: Pt;
}

/** A frame item tagged with its content order, so pages list items in reading order. */
export interface PlacedItem {
  readonly item: FrameItem;
  readonly order: number;
}

/** One laid-out page before page furniture (running heads, folio) is added. */
export interface PageFrame {
  /** Printed page number = PDF page index + 1. */
  readonly number: number;
  readonly master: string;
  readonly sectionId: string;
  /** Section short title for the running head. */
  readonly runningTitle: string;
  readonly textArea: { readonly x: Pt; readonly y: Pt; readonly width: Pt; readonly height: Pt };
  readonly items: readonly PlacedItem[];
}

/** Output of runFlow: body pages and warnings (pushed by the caller for the final pass only). */
export interface FlowResult {
  readonly frames: readonly PageFrame[];
  readonly warnings: readonly Diagnostic[];
}
