import type { BoundBlock } from '../bind/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';
import type { FootnoteNumberer, InlineEnv } from './inline.ts';
import { boxStyle, styledPara, textStyle } from './paragraphs.ts';
import type { Block, ParagraphSpec } from './types.ts';
import type { BoundText } from '../bind/types.ts';

import { ReportError } from '../diag/errors.ts';
import { tableTooWide } from '../diag/messages.ts';
import { autoWidths, fitTable, measureColumns, scalePara, type MeasureFn } from './fitTable.ts';

export type { MeasureFn } from './fitTable.ts';

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
  footnote: FootnoteNumberer | InlineEnv,
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
  // 1. fit the columns (smaller type down to table.minSize, then long words broken), or refuse the table
  const cellSize = textStyle(theme, 'tableCell').size;
  const minScale = Math.min(1, (theme.table.minSize ?? cellSize) / cellSize);
  const leftRight = aligns.map((a): 'left' | 'right' => (a === 'left' ? 'left' : 'right'));
  const fit = fitTable(measureColumns([header, ...measured], aligns.length, measure), leftRight, availablePt, padPt, cellSize, minScale);
  if (!fit.ok) throw new ReportError([tableTooWide(fit.neededPt, availablePt, b.columns.length, cellSize * fit.scale, b.source)]);
  const scaled = (p: ParagraphSpec) => scalePara(p, fit.scale);
  return {
    kind: 'table',
    ...(b.title ? { title: styledPara(b.title, theme, 'boxTitle', footnote) } : {}),
    header: header.map(scaled),
    rows: rows.map((r) => r.map(scaled)),
    rowKinds,
    aligns,
    decimalMark,
    widths: fixWidths([...fit.widths], b.columns, availablePt),
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
function rowPara(cell: BoundText, theme: ResolvedTheme, styleName: string, footnote: FootnoteNumberer | InlineEnv, align: ParagraphSpec['align']): ParagraphSpec {
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

/** Relative column widths (sum 1) by the CSS automatic table layout (fitTable.autoWidths) of measured cells. */
export function columnWidths(
  rows: readonly (readonly ParagraphSpec[])[],
  aligns: readonly ('left' | 'right')[],
  availablePt: Pt,
  padPt: Pt,
  measure: MeasureFn,
): number[] {
  return autoWidths(measureColumns(rows, aligns.length, measure), aligns, availablePt, padPt);
}
