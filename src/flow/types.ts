import type { SourceSpan } from '../diag/types.ts';
import type { FrameItem } from '../pages/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ParagraphSpec } from '../style/types.ts';
import type { Line } from '../text/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Breaks a paragraph into lines at a width; the one replaceable line breaker (text/breakLines). */
export type BreakLinesFn = (para: ParagraphSpec, widthPt: Pt) => readonly Line[];

/** What layout needs besides the blocks: measuring fonts and the line breaker. */
export interface LayoutEnv {
  readonly fonts: FontStore;
  readonly breakLines: BreakLinesFn;
}

/** A composed, unbreakable rectangle of content; items are relative to its top-left corner. */
export interface Box {
  readonly widthPt: Pt;
  readonly heightPt: Pt;
  readonly items: readonly FrameItem[];
  readonly source?: SourceSpan;
}

/** A table composed for pagination: it may split between rows, repeating its header. */
export interface ComposedTable {
  readonly title?: Box;
  readonly header: Box;
  readonly rows: readonly Box[];
  readonly note?: Box;
}
