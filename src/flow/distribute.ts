import { fillColumn, type ColumnResult, type ColumnSpec } from './columns.ts';
import { footnoteItems } from './footnotes.ts';
import { columnWidth, EPS, snapUp } from './geometry.ts';
import { tooTall } from './messages.ts';
import { lineItems, translateItem } from './translate.ts';
import type { FlowItem, PlacedItem } from './types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { Pt } from '../util/geometry.ts';

/** The part of a page the body flows into, below the opener or continuation marker. */
export interface Region {
  readonly x: Pt;
  readonly y: Pt;
  readonly width: Pt;
  readonly height: Pt;
  readonly columns: number;
  readonly gutter: Pt;
}

/** Where the flow resumes: next item, floats waiting for a column top, page-wide floats waiting for a page top. */
export interface FlowState {
  readonly next: number;
  readonly deferred: readonly number[];
  readonly pageDeferred: readonly number[];
}

/** One page's fill: the page-wide floats on top, then each column's result. */
export interface PageFill {
  readonly spanning: readonly { readonly index: number; readonly y: Pt }[];
  readonly columnTop: Pt;
  readonly columns: readonly ColumnResult[];
  readonly state: FlowState;
  readonly warnings: readonly Diagnostic[];
  readonly forced: boolean;
}

/** The column fill inputs shared by every column of a region. */
export type FlowSpec = Omit<ColumnSpec, 'heightPt' | 'maxTextPt'>;

/** True when nothing is left to place. */
export const isFinished = (spec: FlowSpec, st: FlowState): boolean =>
  st.next >= spec.items.length && st.deferred.length === 0 && st.pageDeferred.length === 0;

/** Variations of a page fill. */
export interface FillOptions {
  /** Caps every column's text (balancing the last page). */
  readonly maxTextPt?: number;
  /** Shortens all columns equally (a short page, so the next page is not left with a float alone). */
  readonly cutPt?: number;
  /** Notes referenced in the page head (opener lead): set at the bottom of the first column. */
  readonly headNotes?: readonly string[];
  /** Floats anchored on this page that must wait for the next page (so text flows up and the last page fills). */
  readonly holdFloats?: ReadonlySet<number>;
}

/** Fills a page region: waiting page-wide floats across the top, then the columns left to right. */
export function fillPage(spec: FlowSpec, region: Region, state: FlowState, opts: FillOptions = {}): PageFill {
  const { maxTextPt = Infinity, cutPt = 0, headNotes = [], holdFloats } = opts;
  const warnings: Diagnostic[] = [];
  const spanning: { index: number; y: Pt }[] = [];
  let next = state.next;
  const queue = [...state.pageDeferred];
  const head = spec.items[next];
  if (head?.kind === 'block' && head.span === 'page') queue.push(next++);
  let cursor = 0;
  while (queue.length > 0) {
    const it = spec.items[queue[0]!]! as Extract<FlowItem, { kind: 'block' }>;
    if (cursor > 0 && cursor + it.box.heightPt > region.height + EPS) break;
    if (it.box.heightPt > region.height + EPS) warnings.push(tooTall('a box', it.box.heightPt, region.height, it.source));
    spanning.push({ index: queue.shift()!, y: cursor });
    cursor = snapUp(cursor + it.box.heightPt + it.spaceAfterPt, spec.gridPt);
  }
  const columnTop = Math.min(cursor, region.height);
  const heightPt = region.height - columnTop;
  const columns: ColumnResult[] = [];
  let deferred = state.deferred;
  const pageDeferred = [...queue];
  let forced = false;
  for (let c = 0; c < region.columns; c++) {
    const r = fillColumn({ ...spec, heightPt, maxTextPt: Math.min(heightPt - cutPt, maxTextPt), ...(holdFloats ? { holdFloats } : {}) }, next, deferred, c === 0 ? headNotes : []);
    columns.push(r);
    warnings.push(...r.warnings);
    forced ||= r.forced;
    next = r.next;
    deferred = r.deferred;
    pageDeferred.push(...r.pageDeferred);
  }
  return { spanning, columnTop, columns, state: { next, deferred, pageDeferred }, warnings, forced };
}

/** Order given to footnotes so they follow the page's text in the item list. */
const NOTE_ORDER = 1e9;

/** Converts a page fill into frame items in page coordinates, tagged with content order. */
export function fillItems(spec: FlowSpec, region: Region, fill: PageFill, ruleColor: string): PlacedItem[] {
  const out: PlacedItem[] = [];
  const colW = columnWidth(region.width, region.columns, region.gutter);
  for (const s of fill.spanning) {
    const it = spec.items[s.index]! as Extract<FlowItem, { kind: 'block' }>;
    if (it.anchor) out.push({ item: { kind: 'anchor', name: it.anchor, y: region.y + s.y }, order: it.order });
    for (const item of it.box.items) out.push({ item: translateItem(item, region.x, region.y + s.y), order: it.order });
  }
  fill.columns.forEach((col, c) => {
    const x = region.x + c * (colW + region.gutter);
    for (const p of col.placements) {
      const it = spec.items[p.index]!;
      const top = region.y + fill.columnTop + p.y;
      // a repeated header sorts just before its row
      const order = p.box ? it.order - 0.5 : it.order;
      const box = p.box ?? (it.kind === 'block' ? it.box : undefined);
      const frame = box ? box.items.map((f) => translateItem(f, x, top)) : it.kind === 'line' ? lineItems(it.line, x, top, it) : [];
      // a repeated table header is not the table's start: only the item itself carries the anchor
      if (it.anchor && !p.box) out.push({ item: { kind: 'anchor', name: it.anchor, y: top }, order });
      for (const item of frame) out.push({ item, order });
    }
    const notes = footnoteItems(col.notes, spec.notes, x, region.y + region.height, spec.footnoteGapPt, ruleColor);
    for (const item of notes) out.push({ item, order: NOTE_ORDER + c });
  });
  return out;
}
