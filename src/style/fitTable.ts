/**
 * Fitting a table into its column (issue 12): column widths by the CSS automatic table layout (every column wants
 * its longest cell and needs its longest word), then, when the longest words do not fit side by side, first a
 * smaller type size down to the template's `table.minSize`, then breaking the longest words inside their cells:
 * the columns with short words keep their longest word, only the columns with the longest words give up width
 * (water-filling), never below MIN_COLUMN_EM. A table that cannot be fitted even so is refused.
 */
import type { Pt } from '../util/geometry.ts';
import type { ParagraphSpec } from './types.ts';

/** Measures a run's advance; FontStore.measure has this shape. */
export type MeasureFn = (text: string, font: string, sizePt: Pt, features?: readonly string[]) => Pt;

/**
 * Narrowest column whose words may be broken, in ems of its type: room for four or five letters of a broken word
 * per line, still readable; narrower is the "one letter per line" column the issue forbids.
 */
export const MIN_COLUMN_EM = 3;
/** Room left beside a column's longest word for rounding in the line breaker (composeTable uses the same). */
const MEASURE_SLACK_PT = 0.5;
/** Type sizes chosen when shrinking a table are rounded down to quarter points (a size a designer would name). */
const SIZE_STEP_PT = 0.25;

/** Per column, content widths without padding: the longest word (min) and the whole longest cell on one line (max). */
export interface ColumnMeasures {
  readonly min: readonly Pt[];
  readonly max: readonly Pt[];
}

/** How a table fits: the factor its cell type is scaled by, relative column widths (sum 1), broken words or not. */
export type TableFit =
  | { readonly ok: true; readonly scale: number; readonly widths: readonly number[]; readonly breaksWords: boolean }
  | { readonly ok: false; readonly neededPt: Pt; readonly scale: number };

/** Widths of the longest word and of the whole cell, per column, of `rows` (group rows left out by the caller). */
export function measureColumns(rows: readonly (readonly ParagraphSpec[])[], n: number, measure: MeasureFn): ColumnMeasures {
  const max = new Array<number>(n).fill(0);
  const min = new Array<number>(n).fill(0);
  for (const row of rows) {
    row.slice(0, n).forEach((cell, i) => {
      max[i] = Math.max(max[i]!, cellWidth(cell, measure, false));
      min[i] = Math.max(min[i]!, cellWidth(cell, measure, true));
    });
  }
  return { min, max };
}

/** Width of a cell on one line, or of its longest word when `longestWord`. */
function cellWidth(cell: ParagraphSpec, measure: MeasureFn, longestWord: boolean): Pt {
  if (!longestWord) return sum(cell.runs.map((r) => measure(r.text, r.font, r.sizePt, r.features)));
  let best = 0;
  for (const r of cell.runs) {
    for (const word of r.text.split(/[ \u2013-]/)) best = Math.max(best, measure(word, r.font, r.sizePt, r.features));
  }
  return best;
}

/**
 * The widths at full size when the longest words fit (`autoWidths`); else the scale that makes them fit if it is
 * at least `minScale` (sizes rounded down to SIZE_STEP_PT of `sizePt`); else words broken at full size or, if the
 * columns would get narrower than MIN_COLUMN_EM, at `minScale`; else refused with the narrowest width it needs.
 * Text widths scale with the type size; padding does not.
 */
export function fitTable(m: ColumnMeasures, aligns: readonly ('left' | 'right')[], availablePt: Pt, padPt: Pt, sizePt: Pt, minScale: number): TableFit {
  const n = m.min.length;
  const text = availablePt - 2 * padPt * n;
  const sumMin = sum(m.min);
  if (sumMin <= text) return { ok: true, scale: 1, widths: autoWidths(m, aligns, availablePt, padPt), breaksWords: false };
  const exact = text / sumMin;
  if (exact >= minScale) {
    const scale = Math.max(minScale, Math.floor((sizePt * exact) / SIZE_STEP_PT + 1e-9) * SIZE_STEP_PT / sizePt);
    const scaled = scaleMeasures(m, scale);
    return { ok: true, scale, widths: autoWidths(scaled, aligns, availablePt, padPt), breaksWords: false };
  }
  // words broken at full size or in the smallest type, whichever breaks the words of fewer columns
  let best: { scale: number; widths: Pt[]; broken: number } | undefined;
  for (const scale of minScale < 1 ? [1, minScale] : [1]) {
    const min = scaleMeasures(m, scale).min;
    const widths = waterFill(min, text - n * MEASURE_SLACK_PT, MIN_COLUMN_EM * sizePt * scale);
    if (!widths) continue;
    const broken = widths.filter((w, i) => w < min[i]!).length;
    if (!best || broken < best.broken) best = { scale, widths, broken };
  }
  if (best) return { ok: true, scale: best.scale, widths: best.widths.map((w) => (w + MEASURE_SLACK_PT + 2 * padPt) / availablePt), breaksWords: true };
  const floor = MIN_COLUMN_EM * sizePt * minScale;
  return { ok: false, scale: minScale, neededPt: sum(m.min.map((w) => Math.min(w * minScale, floor) + 2 * padPt)) };
}

function scaleMeasures(m: ColumnMeasures, s: number): ColumnMeasures {
  return { min: m.min.map((w) => w * s), max: m.max.map((w) => w * s) };
}

/**
 * Content widths summing to `total`: columns keep their longest word, and the columns with the longest words
 * share what is left equally (a level C with Σ min(minᵢ, C) = total). Undefined when C would be below `floor`.
 */
export function waterFill(min: readonly Pt[], total: Pt, floor: Pt): Pt[] | undefined {
  const sorted = [...min].sort((a, b) => a - b);
  let rest = total;
  for (let k = 0; k < sorted.length; k++) {
    const level = rest / (sorted.length - k);
    if (level <= sorted[k]!) {
      if (level < floor) return undefined;
      return min.map((w) => Math.min(w, level));
    }
    rest -= sorted[k]!;
  }
  return [...min];
}

/**
 * Relative column widths (sum 1) by the CSS automatic table layout: each column wants its longest cell (max)
 * and needs its longest word (min), both plus `padPt` on either side. When every max fits in `availablePt` the
 * slack goes to the left-aligned (text) columns, so number columns stay snug; otherwise each column gets its min
 * and the rest is shared in proportion to max − min.
 */
export function autoWidths(m: ColumnMeasures, aligns: readonly ('left' | 'right')[], availablePt: Pt, padPt: Pt): number[] {
  const max = m.max.map((w) => w + 2 * padPt);
  const min = m.min.map((w) => w + 2 * padPt);
  const sumMax = sum(max);
  let widths: number[];
  if (sumMax <= availablePt) {
    const flexible = aligns.map((a) => a === 'left');
    const flexSum = sum(max.filter((_, i) => flexible[i]));
    const slack = availablePt - sumMax;
    widths = flexSum > 0 ? max.map((w, i) => (flexible[i] ? w + (slack * w) / flexSum : w)) : max.map((w) => w + (slack * w) / sumMax);
  } else {
    const sumMin = sum(min);
    const spare = Math.max(0, availablePt - sumMin);
    const want = sum(max.map((w, i) => w - min[i]!));
    widths = sumMin >= availablePt ? min : min.map((w, i) => w + (want > 0 ? (spare * (max[i]! - w)) / want : 0));
  }
  const total = sum(widths) || 1;
  return widths.map((w) => w / total);
}

/** A paragraph with its type (sizes, rises, leading) scaled by `s`. */
export function scalePara(p: ParagraphSpec, s: number): ParagraphSpec {
  if (s === 1) return p;
  return {
    ...p,
    leadingPt: p.leadingPt * s,
    runs: p.runs.map((r) => ({ ...r, sizePt: r.sizePt * s, ...(r.risePt !== undefined ? { risePt: r.risePt * s } : {}) })),
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
