/**
 * Nothing is drawn outside its frame (issue 12, item 4), read back from the PDF: the hostile cases with words and
 * tables that do not fit are built, every glyph's position is read from the content streams (helpers/pdfGlyphs.ts)
 * and compared with the text columns computed here from the template's own numbers (page size, margins, gutter,
 * columns; the inner margin on the binding side) and, inside a table, with the template's cell padding: a cell's
 * text keeps rowPadding from the column's edges and 2 × rowPadding from its neighbours'.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { expectInsideColumns as insideColumns, templateNumbers, textAreaLines, TOL, type AreaLine } from '../helpers/frames.ts';
import type { TextObject } from '../helpers/pdfGlyphs.ts';

const CASES = join(import.meta.dirname, 'cases');
const { tpl, columnsOf } = templateNumbers();
const PAD = tpl.table.rowPadding as number;
const BODY = tpl.text.body.size as number;
const TABLE = tpl.text.tableCell.size as number;

interface Built {
  /** Text objects of the pages with a number, in the text area, with that number. */
  readonly lines: readonly AreaLine[];
}

async function build(name: string): Promise<Built> {
  const r = await buildReport({ contentDir: join(CASES, name) });
  return { lines: await textAreaLines(r.pdf, r.document.pages.map((p) => p.number)) };
}

/** Every line set smaller than the opener's title lies inside one text column. */
function expectInsideColumns(b: Built): void {
  expect(b.lines.filter(({ t }) => t.size <= BODY + 0.01).length).toBeGreaterThan(0);
  insideColumns(b.lines, BODY);
}

/**
 * Table lines (from the table's first header on, type no larger than tableCell): inside their column by rowPadding, and each cell's lines (grouped by
 * where they start) end 2 × rowPadding before the next cell's text on any baseline they share.
 */
function expectInsideCells(b: Built, firstHead: string): TextObject[] {
  const head = b.lines.find(({ t }) => t.text.trim() === firstHead);
  expect(head, firstHead).toBeDefined();
  const cells = b.lines.filter(({ n, t }) => n === head!.n && t.y >= head!.t.y - 0.1 && t.size <= TABLE + 0.01);
  for (const { n, t } of cells) {
    const inside = columnsOf(n).some(([l, r]) => t.x >= l + PAD - TOL && t.endX <= r - PAD + TOL);
    expect(inside, `"${t.text}" keeps the cell padding from the column's edges`).toBe(true);
  }
  const ts = cells.map((c) => c.t);
  const starts = [...new Set(ts.map((t) => Math.round(t.x * 10) / 10))];
  for (const x of starts) {
    const column = ts.filter((t) => Math.abs(t.x - x) < 0.1);
    const baselines = new Set(column.map((t) => Math.round(t.y * 10)));
    const right = ts.filter((u) => u.x > x + 0.5 && baselines.has(Math.round(u.y * 10)));
    if (right.length === 0) continue;
    const next = Math.min(...right.map((u) => u.x));
    for (const t of column) expect(t.endX, `"${t.text}" ends ${2 * PAD} pt before the next cell`).toBeLessThanOrEqual(next - 2 * PAD + TOL);
  }
  return ts;
}

describe('nothing is drawn outside its frame', () => {
  it('a 300-character word is broken inside the measure', async () => {
    const b = await build('text-long-word');
    expectInsideColumns(b);
    // the word is spread over several lines, each starting at the column's left edge
    const pieces = b.lines.filter(({ t }) => /^x{20,}/.test(t.text));
    expect(pieces.length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('a cell with one long word: the word is broken inside its cell, the other columns keep their words', async () => {
    const b = await build('table-long-word');
    expectInsideColumns(b);
    const ts = expectInsideCells(b, 'Soort');
    const texts = ts.map((t) => t.text.trim());
    // no column squeezed to a letter per line: every short word is one line of its own
    for (const w of ['Soort', 'Omschrijving', 'Aantal', 'Totaal', 'Asiel', 'Studie', 'Werk', 'Kort', '1.234']) expect(texts, w).toContain(w);
    const word = 'XYZVERBLIJFSVERGUNNINGAANVRAAGBEHANDELINGSPROCEDUREVOORSCHRIFTENBUNDEL';
    const pieces = ts.filter((t) => /^[A-Z]{6,}$/.test(t.text.trim()));
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    // broken between characters, nothing lost or added (no hyphen)
    expect(pieces.map((t) => t.text.trim()).join('')).toBe(word);
  }, 60_000);

  it('a table too wide at full size is set smaller and stays inside its cells', async () => {
    const b = await build('table-smaller-type');
    expectInsideColumns(b);
    const ts = expectInsideCells(b, 'Jaar');
    expect(Math.max(...ts.map((t) => t.size))).toBeLessThan(TABLE);
    expect(Math.min(...ts.map((t) => t.size))).toBeGreaterThanOrEqual(tpl.table.minSize - 0.01);
    for (const w of ['Beslissingen', 'Inwilligingen', 'Bezwaarschriften']) expect(ts.map((t) => t.text.trim())).toContain(w);
  }, 60_000);
});
