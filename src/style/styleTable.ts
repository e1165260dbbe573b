import type { BoundBlock } from '../bind/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';
import type { FootnoteNumberer } from './inline.ts';
import { boxStyle, styledPara, textStyle } from './paragraphs.ts';
import type { Block, ParagraphSpec } from './types.ts';
import type { BoundText } from '../bind/types.ts';

/** Measures a run's advance; FontStore.measure has this shape. */
export type MeasureFn = (text: string, font: string, sizePt: Pt, features?: readonly string[]) => Pt;

/** Fallback advance per character in em when no fonts are given (Source Sans 3 averages ≈0.48 em; digits 0.5 em). */
const ESTIMATE_EM_PER_CHAR = 0.5;

/** Estimates widths from character counts; used when resolveStyles gets no FontStore. */
export const estimateMeasure: MeasureFn = (text, _font, sizePt) => text.length * sizePt * ESTIMATE_EM_PER_CHAR;

type TableInput = Extract<BoundBlock, { type: 'table' }>;
type TableBlock = Extract<Block, { kind: 'table' }>;
type Align = TableBlock['aligns'][number];

/** Tables with at most this many rows are kept in one column (issue 11: short tables are never split). */
const KEEP_WHOLE_ROWS = 8;

/**
 * A cell that reads as a number: optional sign and currency, digits with group/decimal marks, optional unit
 * (%, ‰, "mln"). A column of such cells defaults to decimal alignment.
 */
const NUMERIC_CELL = /^[+\-\u2212]?\s?(€\s?)?\d[\d.,\u00a0\u202f ]*(\s?(%|‰|mln|mld|miljoen|miljard|million|billion))?$/;
/** Cells that stand for "no value" and do not make a column textual. */
const PLACEHOLDER_CELL = /^([-\u2013\u2014x*]|n\.v\.t\.|n\/a)?$/i;

/**
 * Styles a table: header in tableHead, cells in tableCell, group and totals rows bold (or the template's
 * tableGroup / tableTotal styles), each column aligned as declared or, for columns of numbers, on the decimal
 * mark; widths fixed where the editor gave them, else from content.
 */
export function styleTable(
  b: TableInput,
  theme: ResolvedTheme,
  footnote: FootnoteNumberer,
  availablePt: Pt,
  measure: MeasureFn,
  decimalMark = ',',
): TableBlock {
  const aligns = b.columns.map((c, i): Align => c.align ?? (isNumericColumn(b, i) ? 'decimal' : 'left'));
  const paraAlign = (a: Align) => (a === 'decimal' ? 'right' : a);
  const header = b.columns.map((c, i) => styledPara(c.label, theme, 'tableHead', footnote, { align: paraAlign(aligns[i]!) }));
  const indentPt = theme.table.indent ?? textStyle(theme, 'tableCell').size;
  const rows = b.rows.map((row) =>
    row.kind === 'group'
      ? [rowPara(row.cells[0]!, theme, 'tableGroup', footnote, 'left')]
      : row.cells.map((cell, i) => rowPara(cell, theme, row.kind === 'total' ? 'tableTotal' : 'tableCell', footnote, paraAlign(aligns[i] ?? 'left'))),
  );
  const rowKinds = b.rows.map((r) => ({ kind: r.kind, indentPt: r.indent * indentPt }));
  const padPt = theme.table.rowPadding;
  const measured = rows.filter((_, i) => b.rows[i]!.kind !== 'group');
  const sourceWord = theme.words.tableSource;
  return {
    kind: 'table',
    ...(b.title ? { title: styledPara(b.title, theme, 'boxTitle', footnote) } : {}),
    header,
    rows,
    rowKinds,
    aligns,
    decimalMark,
    widths: fixWidths(columnWidths([header, ...measured], aligns.map((a) => (a === 'left' ? 'left' : 'right')), availablePt, padPt, measure), b.columns, availablePt),
    keepWhole: b.rows.length <= (theme.table.keepWhole ?? KEEP_WHOLE_ROWS),
    ...(b.sourceLine ? { sourceLine: styledPara({ ...b.sourceLine, text: sourceWord.replace('{source}', b.sourceLine.text) }, theme, 'caption', footnote) } : {}),
    ...(b.note ? { note: styledPara(b.note, theme, 'caption', footnote) } : {}),
    headerFill: theme.table.headerFill,
    ruleColor: theme.table.rule,
    rowPaddingPt: padPt,
    box: boxStyle(theme, 'table'),
    source: b.source,
  };
}

/** A cell in `styleName` if the template has it, else in tableCell with its bold font (group and totals rows). */
function rowPara(cell: BoundText, theme: ResolvedTheme, styleName: string, footnote: FootnoteNumberer, align: ParagraphSpec['align']): ParagraphSpec {
  if (styleName === 'tableCell' || theme.text[styleName]) return styledPara(cell, theme, styleName, footnote, { align });
  const para = styledPara(cell, theme, 'tableCell', footnote, { align });
  const bold = textStyle(theme, 'tableCell').bold;
  return bold ? { ...para, runs: para.runs.map((r) => (r.footnoteId ? r : { ...r, font: bold })) } : para;
}

/** True when every non-empty body and totals cell of column `i` is a number and at least one is. */
export function isNumericColumn(b: Pick<TableInput, 'rows'>, i: number): boolean {
  let numbers = 0;
  for (const row of b.rows) {
    if (row.kind === 'group') continue;
    const text = (row.cells[i]?.text ?? '').replace(/\*\*/g, '').trim();
    if (NUMERIC_CELL.test(text)) numbers++;
    else if (!PLACEHOLDER_CELL.test(text)) return false;
  }
  return numbers > 0;
}

/**
 * The editor's fixed widths (pt or fraction of the table) replace the computed ones; the columns without one
 * share what is left in proportion to their computed widths.
 */
export function fixWidths(auto: readonly number[], columns: TableInput['columns'], availablePt: Pt): number[] {
  const fixed = columns.map((c) => (!c.width ? undefined : 'pt' in c.width ? c.width.pt / availablePt : c.width.fraction));
  if (fixed.every((f) => f === undefined)) return [...auto];
  const taken = fixed.reduce<number>((s, f) => s + (f ?? 0), 0);
  const freeAuto = auto.reduce((s, w, i) => s + (fixed[i] === undefined ? w : 0), 0);
  const rest = Math.max(0, 1 - taken);
  const widths = auto.map((w, i) => fixed[i] ?? (freeAuto > 0 ? (w / freeAuto) * rest : 0));
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => w / total);
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
