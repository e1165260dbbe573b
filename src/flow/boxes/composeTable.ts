import type { FrameItem } from '../../model/types.ts';
import type { Block, ParagraphSpec } from '../../style/types.ts';
import type { Pt } from '../../util/geometry.ts';
import type { Box, ComposedTable, LayoutEnv } from '../types.ts';
import { finishBox, node, placePara, tagPara, type PlacedPara, type Spacing } from './place.ts';

/** Gap between a table's title and its header, and between the last row and the note. */
const TABLE_GAP_PT = 4;
/** Weight of the hairlines between rows (0.5pt is the thinnest rule that survives office printers). */
const ROW_RULE_PT = 0.5;
/** Rounding allowance when checking that a word fits its column. */
const MEASURE_SLACK_PT = 0.5;
/** Weight of the accent rule under the header. */
const HEADER_RULE_PT = 0.8;

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * A table as separate boxes (title, header, rows, note) so flow can split it between rows and repeat the header.
 * The title box carries the table's space before and the last box its space after, rounded so the whole
 * table, unsplit, is a multiple of the grid. Cells have rowPaddingPt on all sides; columns follow block.widths.
 */
export function composeTable(b: TableBlock, widthPt: Pt, env: LayoutEnv): ComposedTable {
  const xs = columnEdges(fitWidths(b, widthPt, env), widthPt);
  const zero: Spacing = { spaceBeforePt: 0, spaceAfterPt: 0 };
  const before = b.box.spaceBeforePt;
  const title = b.title ? textBox(b.title, widthPt, { spaceBeforePt: before, spaceAfterPt: 0 }, 0, TABLE_GAP_PT, b, env) : undefined;
  const headerSpacing = title ? zero : { spaceBeforePt: before, spaceAfterPt: 0 };
  const header = rowBox(b.header, xs, widthPt, headerSpacing, b, env, true);
  const tails = decimalTails(b, env);
  const rows = b.rows.map((r, i) => rowBox(r, xs, widthPt, zero, b, env, false, i, tails));
  const sourceLine = b.sourceLine ? textBox(b.sourceLine, widthPt, zero, TABLE_GAP_PT, 0, b, env) : undefined;
  const note = b.note ? textBox(b.note, widthPt, zero, sourceLine ? 0 : TABLE_GAP_PT, 0, b, env) : undefined;
  // Grid rounding: give the last part the space after plus whatever brings the unsplit table onto the grid.
  const parts = [title, header, ...rows, sourceLine, note].filter((p): p is Box => p !== undefined);
  const total = parts.reduce((h, p) => h + (p.spaceBeforePt ?? 0) + p.heightPt + (p.spaceAfterPt ?? 0), 0);
  const last = parts[parts.length - 1];
  const outer = snap(total + b.box.spaceAfterPt, env.gridPt);
  const fixed: Box = { ...last, spaceAfterPt: (last.spaceAfterPt ?? 0) + outer - total };
  const swap = (p: Box | undefined): Box | undefined => (p === last ? fixed : p);
  return {
    ...(title ? { title: swap(title) } : {}),
    header: swap(header) as Box,
    rows: rows.map((r) => swap(r) as Box),
    ...(sourceLine ? { sourceLine: swap(sourceLine) } : {}),
    ...(note ? { note: swap(note) } : {}),
  };
}

function snap(h: Pt, grid?: Pt): Pt {
  return grid && grid > 0 ? Math.ceil(h / grid - 1e-6) * grid : h;
}

/**
 * The style stage's relative widths, widened where a column is narrower than its longest word (+ padding) as
 * measured now; the width comes from columns with room to spare. Guards against estimated widths.
 */
export function fitWidths(b: TableBlock, widthPt: Pt, env: LayoutEnv): number[] {
  const min = b.widths.map((_, i) => {
    const body = b.rows.filter((_, r) => b.rowKinds[r]?.kind !== 'group').map((r) => r[i]);
    const cells = [b.header[i], ...body].filter((c): c is ParagraphSpec => c !== undefined);
    const longest = Math.max(0, ...cells.flatMap((c) => c.runs.flatMap((r) => r.text.split(' ').map((w) => env.fonts.measure(w, r.font, r.sizePt, r.features)))));
    return longest + 2 * b.rowPaddingPt + MEASURE_SLACK_PT;
  });
  const pts = b.widths.map((w) => w * widthPt);
  // the style stage broke the longest words (their columns cannot all hold them): its widths stand
  if (min.reduce((a, w) => a + w, 0) > widthPt) return [...b.widths];
  const deficit = pts.reduce((d, w, i) => d + Math.max(0, min[i] - w), 0);
  const spare = pts.reduce((s, w, i) => s + Math.max(0, w - min[i]), 0);
  if (deficit <= 0 || spare <= 0) return [...b.widths];
  const take = Math.min(1, deficit / spare);
  return pts.map((w, i) => (w < min[i] ? min[i] : w - (w - min[i]) * take) / widthPt);
}

/** Left edges of the columns plus the right edge of the table. */
export function columnEdges(widths: readonly number[], widthPt: Pt): Pt[] {
  const xs = [0];
  for (const w of widths) xs.push(xs[xs.length - 1] + w * widthPt);
  return xs;
}

function rowBox(
  cells: readonly ParagraphSpec[],
  xs: readonly Pt[],
  widthPt: Pt,
  spacing: Spacing,
  b: TableBlock,
  env: LayoutEnv,
  head: boolean,
  row = -1,
  tails: readonly Pt[] = [],
): Box {
  const pad = b.rowPaddingPt;
  const kind = head ? 'head' : (b.rowKinds[row]?.kind ?? 'body');
  const indent = b.rowKinds[row]?.indentPt ?? 0;
  // a group row is one cell across the table; other rows have one cell per column
  const edges = kind === 'group' ? [0, widthPt] : xs;
  // header cells are column headers (TH /Scope /Column), body cells TD; a group row's one cell spans the table
  const span = edges.length === 2 && xs.length > 2 ? { colSpan: xs.length - 1 } : {};
  const cell = (i: number) => (head ? node('TH', `c${i}`, { scope: 'Column' }) : node('TD', `c${i}`, span));
  const placed: PlacedPara[] = cells.slice(0, edges.length - 1).map((c, i) => {
    const left = edges[i]! + pad + (i === 0 ? indent : 0);
    const inset = !head && kind !== 'group' && b.aligns[i] === 'decimal' ? (tails[i] ?? 0) - tailWidth(c, b.decimalMark, env) : 0;
    return tagPara(placePara(c, left, pad, edges[i + 1]! - left - pad - inset, env, b.source), cell(i), i);
  });
  const heightPt = Math.max(0, ...placed.map((p) => p.heightPt)) + 2 * pad;
  const deco: FrameItem[] = head
    ? [{ kind: 'rect', x: 0, y: 0, width: widthPt, height: heightPt, fill: b.headerFill }]
    : [{ kind: 'rule', x1: 0, y1: heightPt, x2: widthPt, y2: heightPt, color: b.ruleColor, widthPt: ROW_RULE_PT }];
  if (head) deco.push({ kind: 'rule', x1: 0, y1: heightPt, x2: widthPt, y2: heightPt, color: headerRuleColor(b), widthPt: HEADER_RULE_PT });
  // group and totals rows open with a heavier rule in the header's colour
  if (kind === 'group' || kind === 'total') deco.push({ kind: 'rule', x1: 0, y1: 0, x2: widthPt, y2: 0, color: headerRuleColor(b), widthPt: HEADER_RULE_PT });
  const items = [...deco, ...placed.flatMap((p) => p.items)];
  return finishBox(widthPt, heightPt, items, spacing, { ...env, gridPt: undefined }, b.source, placed.flatMap((p) => p.footnoteIds));
}

/**
 * Width of what follows a number's integer part: from the decimal mark on ("," + "5%"), or the unit after its
 * last digit ("%"). Right-aligning each cell `maxTail − tail` short of the edge lines up the integer parts.
 */
export function tailWidth(cell: ParagraphSpec, decimalMark: string, env: LayoutEnv): Pt {
  const text = cell.runs.map((r) => r.text).join('');
  const start = tailStart(text, decimalMark);
  let w = 0;
  let offset = 0;
  for (const r of cell.runs) {
    const from = Math.max(start, offset) - offset;
    if (from < r.text.length) w += env.fonts.measure(r.text.slice(from), r.font, r.sizePt, r.features);
    offset += r.text.length;
  }
  return w;
}

/** Index where a number's integer part ends: at a decimal mark between digits, else after the last digit. */
export function tailStart(text: string, decimalMark: string): number {
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === decimalMark && /\d/.test(text[i - 1]!) && /\d/.test(text[i + 1]!)) return i;
  }
  for (let i = text.length - 1; i >= 0; i--) if (/\d/.test(text[i]!)) return i + 1;
  return text.length;
}

/** Per decimal column, the widest tail among body and totals rows (0 for other columns). */
function decimalTails(b: TableBlock, env: LayoutEnv): Pt[] {
  return b.aligns.map((a, i) => {
    if (a !== 'decimal') return 0;
    let max = 0;
    b.rows.forEach((r, j) => {
      if (b.rowKinds[j]?.kind !== 'group' && r[i]) max = Math.max(max, tailWidth(r[i]!, b.decimalMark, env));
    });
    return max;
  });
}

/** The header rule takes the header text's colour (the template's accent). */
function headerRuleColor(b: TableBlock): string {
  return b.header[0]?.runs[0]?.color ?? b.ruleColor;
}

function textBox(para: ParagraphSpec, widthPt: Pt, spacing: Spacing, gapAbove: Pt, gapBelow: Pt, b: TableBlock, env: LayoutEnv): Box {
  const p = placePara(para, 0, gapAbove, widthPt, env, b.source);
  return finishBox(widthPt, gapAbove + p.heightPt + gapBelow, p.items, spacing, { ...env, gridPt: undefined }, b.source, p.footnoteIds);
}
