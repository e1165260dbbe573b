import { breakViolation, canBreakBefore } from './breaks.ts';
import { notesHeight } from './footnotes.ts';
import { EPS, snapUp } from './geometry.ts';
import { forcedBreak, footnoteTooLong, tooTall } from './messages.ts';
import type { Box, FlowItem, FootnoteBody } from './types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Where one item landed in a column: `y` is its top relative to the column top; `box` overrides (repeated header). */
export interface Placement {
  readonly index: number;
  readonly y: Pt;
  readonly box?: Box;
}

/** The fixed inputs of a column fill. */
export interface ColumnSpec {
  readonly items: readonly FlowItem[];
  readonly notes: ReadonlyMap<string, FootnoteBody>;
  /** Full column height: text plus notes must fit. */
  readonly heightPt: Pt;
  /** Text must end above this (lower when balancing the last page). */
  readonly maxTextPt: Pt;
  readonly gridPt: Pt;
  readonly footnoteGapPt: Pt;
  /** Floats (item indices) this column must not place: they wait for the next page (last-page tuning). */
  readonly holdFloats?: ReadonlySet<number>;
}

/** The outcome of one column: placed items, its notes, where the flow resumes and which floats wait. */
export interface ColumnResult {
  readonly placements: readonly Placement[];
  readonly notes: readonly string[];
  readonly next: number;
  /** Column floats waiting for the next column top, in content order. */
  readonly deferred: readonly number[];
  /** Page-wide floats met in this column, for the next page top. */
  readonly pageDeferred: readonly number[];
  readonly warnings: readonly Diagnostic[];
  /** A break violated a rule (the balancer rejects such trials). */
  readonly forced: boolean;
  /** The last item the fill looked at (the break rules look ahead of where it ends): what it depends on (keptFills.ts). */
  readonly reach: number;
}

interface State {
  placements: Placement[];
  notes: string[];
  deferred: number[];
  pageDeferred: number[];
  cursor: Pt;
  pending: Pt;
  atTop: boolean;
  /** Item placed last: a line that does not follow it directly (a float came between) goes back to the grid. */
  lastIndex: number;
}

const heightOf = (it: FlowItem): Pt => (it.kind === 'line' ? it.line.heightPt : it.box.heightPt);

/**
 * Fills one column from items[start]: carried floats first, then a repeated table header, then lines and boxes
 * while they fit. A box that does not fit is deferred to the next column and the following text fills the hole;
 * a line that does not fit ends the column at the last break allowed by the widow, orphan and keep rules.
 */
export function fillColumn(spec: ColumnSpec, start: number, carried: readonly number[], headNotes: readonly string[] = []): ColumnResult {
  const { items, notes } = spec;
  const s: State = { placements: [], notes: [...headNotes], deferred: [], pageDeferred: [], cursor: 0, pending: 0, atTop: true, lastIndex: -1 };
  const warnings: Diagnostic[] = [];
  const place = (index: number, top: Pt, it: FlowItem, box?: Box) => {
    s.placements.push(box ? { index, y: top, box } : { index, y: top });
    s.cursor = top + (box ? box.heightPt : heightOf(it));
    if (it.snapAfter && !box) s.cursor = snapUp(s.cursor, spec.gridPt);
    s.pending = box ? 0 : it.spaceAfterPt;
    s.atTop = false;
    // a repeated header is followed flush by its row
    s.lastIndex = box ? index - 1 : index;
    if (!box) for (const f of it.footnotes) if (!s.notes.includes(f)) s.notes.push(f);
  };
  const topFor = (it: FlowItem, i: number) => {
    const raw = s.atTop ? s.cursor : s.cursor + Math.max(s.pending, it.spaceBeforePt);
    return it.snapBefore || s.lastIndex !== i - 1 ? snapUp(raw, spec.gridPt) : raw;
  };
  const fits = (top: Pt, h: Pt, ids: readonly string[]) =>
    top + h <= spec.maxTextPt + EPS && top + h + notesHeight(ids, notes, spec.footnoteGapPt) <= spec.heightPt + EPS;

  // 1. floats carried from the previous column, in order
  const queue = [...carried];
  while (queue.length > 0) {
    if (spec.holdFloats?.has(queue[0]!)) break;
    const it = items[queue[0]!]!;
    const top = topFor(it, queue[0]!);
    if (!s.atTop && !fits(top, heightOf(it), s.notes)) break;
    if (s.atTop && heightOf(it) > spec.heightPt + EPS) warnings.push(tooTall('a box', heightOf(it), spec.heightPt, it.source));
    place(queue.shift()!, top, it);
  }
  s.deferred.push(...queue);
  // 2. a table continuing from the previous column repeats its header
  const first = items[start];
  if (first?.kind === 'block' && first.table?.repeat && start > 0) place(start, topFor(first, start), first, first.table.repeat);
  // 3. lines and boxes; the last two break opportunities are kept (the second for a column ending mid-word)
  let snap: Snapshot | null = null;
  let prevSnap: Snapshot | null = null;
  for (let i = start; i < items.length; i++) {
    const it = items[i]!;
    if (!s.atTop && canBreakBefore(items, i, start)) {
      // the older snapshot's object is taken again: one is made per column fill, not per line
      const reuse = prevSnap;
      prevSnap = snap;
      snap = snapshot(s, i, reuse);
    }
    if (it.kind === 'block' && it.span === 'page') {
      s.pageDeferred.push(i);
      continue;
    }
    if (it.kind === 'block' && it.float && (s.deferred.length > 0 || spec.holdFloats?.has(i))) {
      s.deferred.push(i); // keep boxes in content order
      continue;
    }
    const top = topFor(it, i);
    const ids = it.footnotes.length === 0 ? s.notes : [...s.notes, ...it.footnotes.filter((f) => !s.notes.includes(f))];
    if (fits(top, heightOf(it), ids)) {
      place(i, top, it);
      continue;
    }
    if (s.atTop) {
      // nothing placed yet: an oversize item goes here anyway rather than loop forever
      if (it.footnotes.length > 0 && it.kind === 'line') warnings.push(footnoteTooLong(it.footnotes[0]!, it.source));
      else warnings.push(tooTall(it.kind === 'line' ? 'a line' : 'a box', heightOf(it), spec.maxTextPt, it.source));
      place(i, top, it);
      return done(s, i + 1, warnings, false, i);
    }
    if (it.kind === 'block' && it.float && !items[i - 1]?.keepWithNext) {
      s.deferred.push(i);
      continue;
    }
    if (canBreakBefore(items, i, start)) {
      // A column that would end on a hyphenated word ends one line earlier when the rules allow it
      // (TeX's \brokenpenalty): the reader should not turn the page in the middle of a word.
      const last = items[i - 1];
      if (last?.kind === 'line' && last.line.hyphenated && prevSnap?.i === i - 1 && snap?.i === i) return done(restore(s, prevSnap), i - 1, warnings, false, i);
      return done(s, i, warnings, false, i);
    }
    if (snap) return done(restore(s, snap), snap.i, warnings, false, i);
    warnings.push(forcedBreak(breakViolation(items, i, start)!, it.source));
    return done(s, i, warnings, true, i);
  }
  return done(s, items.length, warnings, false, items.length - 1);
}

/**
 * The state at the break opportunity before items[i], kept as the lengths of its lists: from there on they only
 * grow (push), so the state is their prefixes. Taken at every line, it costs nothing per placed item (a copy
 * would, quadratically).
 */
interface Snapshot {
  i: number;
  placements: number;
  notes: number;
  deferred: number;
  pageDeferred: number;
  cursor: Pt;
  pending: Pt;
  atTop: boolean;
  lastIndex: number;
}

/** The state before items[i], written into `into` when given (a snapshot no longer needed). */
function snapshot(s: State, i: number, into: Snapshot | null): Snapshot {
  if (!into) return { i, placements: s.placements.length, notes: s.notes.length, deferred: s.deferred.length, pageDeferred: s.pageDeferred.length, cursor: s.cursor, pending: s.pending, atTop: s.atTop, lastIndex: s.lastIndex };
  into.i = i;
  into.placements = s.placements.length;
  into.notes = s.notes.length;
  into.deferred = s.deferred.length;
  into.pageDeferred = s.pageDeferred.length;
  into.cursor = s.cursor;
  into.pending = s.pending;
  into.atTop = s.atTop;
  into.lastIndex = s.lastIndex;
  return into;
}

/** The state as it was at `snap` (the current state's lists cut back to their lengths then). */
function restore(s: State, snap: Snapshot): State {
  return {
    placements: s.placements.slice(0, snap.placements),
    notes: s.notes.slice(0, snap.notes),
    deferred: s.deferred.slice(0, snap.deferred),
    pageDeferred: s.pageDeferred.slice(0, snap.pageDeferred),
    cursor: snap.cursor,
    pending: snap.pending,
    atTop: snap.atTop,
    lastIndex: snap.lastIndex,
  };
}

function done(s: State, next: number, warnings: Diagnostic[], forced: boolean, reach: number): ColumnResult {
  // floats deferred after the resume point are met again by the next column
  const deferred = s.deferred.filter((d) => d < next);
  return { placements: s.placements, notes: s.notes, next, deferred, pageDeferred: s.pageDeferred.filter((d) => d < next), warnings, forced, reach };
}
