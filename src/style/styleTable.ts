import type { BoundBlock } from '../bind/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';
import type { FootnoteNumberer } from './inline.ts';
import { boxStyle, styledPara } from './paragraphs.ts';
import type { Block, ParagraphSpec } from './types.ts';

/** Measures a run's advance; FontStore.measure has this shape. */
export type MeasureFn = (text: string, font: string, sizePt: Pt, features?: readonly string[]) => Pt;

/** Fallback advance per character in em when no fonts are given (Source Sans 3 averages ≈0.48 em; digits 0.5 em). */
const ESTIMATE_EM_PER_CHAR = 0.5;

/** Estimates widths from character counts; used when resolveStyles gets no FontStore. */
export const estimateMeasure: MeasureFn = (text, _font, sizePt) => text.length * sizePt * ESTIMATE_EM_PER_CHAR;

type TableInput = Extract<BoundBlock, { type: 'table' }>;

/** Styles a table: header in tableHead, cells in tableCell, each column aligned as declared, widths from content. */
export function styleTable(
  b: TableInput,
  theme: ResolvedTheme,
  footnote: FootnoteNumberer,
  availablePt: Pt,
  measure: MeasureFn,
): Extract<Block, { kind: 'table' }> {
  const header = b.columns.map((c) => styledPara(c.label, theme, 'tableHead', footnote, { align: c.align }));
  const rows = b.rows.map((row) => row.map((cell, i) => styledPara(cell, theme, 'tableCell', footnote, { align: b.columns[i]?.align ?? 'left' })));
  const padPt = theme.table.rowPadding;
  return {
    kind: 'table',
    ...(b.title ? { title: styledPara(b.title, theme, 'boxTitle', footnote) } : {}),
    header,
    rows,
    widths: columnWidths([header, ...rows], b.columns.map((c) => c.align), availablePt, padPt, measure),
    ...(b.note ? { note: styledPara(b.note, theme, 'caption', footnote) } : {}),
    headerFill: theme.table.headerFill,
    ruleColor: theme.table.rule,
    rowPaddingPt: padPt,
    box: boxStyle(theme, 'table'),
    source: b.source,
  };
}

/**
 * Relative column widths (sum 1) by the CSS automatic table layout: each column wants its longest cell
 * (max) and needs its longest word (min), both plus `padPt` on either side. When every max fits in
 * `availablePt` the slack goes to the left-aligned (text) columns, so number columns stay snug; otherwise
 * each column gets its min and the rest is shared in proportion to max − min.
 */
export function columnWidths(
  rows: readonly (readonly ParagraphSpec[])[],
  aligns: readonly ('left' | 'right')[],
  availablePt: Pt,
  padPt: Pt,
  measure: MeasureFn,
): number[] {
  const n = aligns.length;
  const max = new Array<number>(n).fill(0);
  const min = new Array<number>(n).fill(0);
  for (const row of rows) {
    row.slice(0, n).forEach((cell, i) => {
      max[i] = Math.max(max[i], cellWidth(cell, measure, false) + 2 * padPt);
      min[i] = Math.max(min[i], cellWidth(cell, measure, true) + 2 * padPt);
    });
  }
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
    const want = sum(max.map((w, i) => w - min[i]));
    widths = sumMin >= availablePt ? min : min.map((w, i) => w + (want > 0 ? (spare * (max[i] - w)) / want : 0));
  }
  const total = sum(widths) || 1;
  return widths.map((w) => w / total);
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

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
