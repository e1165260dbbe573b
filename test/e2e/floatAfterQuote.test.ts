/**
 * Issue 11 item 5: a float that does not fit after a quote leaves no hole; the text that follows fills the column,
 * and the page before a section's last page is never shortened by more than a line or two to feed that last page.
 * Oracles from the template's numbers (rijksoverheid: page height, bottom margin, the 13.2 pt body grid, the
 * quote box's space after, the leading model's 0.75 × leading ascent) and positions read back from the PDF:
 * baselines of the text and the quote's bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { readTextObjects, type TextObject } from '../helpers/pdfGlyphs.ts';
import { paintedShapes, type Shape } from '../helpers/pdfPaint.ts';
import { makeContent } from '../load/fixture.ts';

const template = parse(readFileSync(resolve(import.meta.dirname, '../../templates/rijksoverheid/template.yaml'), 'utf8'));
const GRID: number = template.text.body.leading;
const TEXT_BOTTOM: number = template.page.height - template.page.margin.bottom;
const DESCENT = 0.25 * GRID;
const ASCENT = GRID - DESCENT;
const QUOTE_AFTER: number = template.boxes.quote.spaceAfter;
const QUOTE_BAR: string = template.colors.accentSoft;
const BAR_WIDTH: number = template.boxes.quote.barWidth;
/** A page other than a section's last may run this many lines short: two cut for the last page, one for a widow. */
const SHORT_LINES = 3;

const PARA = 'Dit is een gewone alinea met genoeg woorden om een paar regels te vullen in de kolom, zodat het citaat precies op de juiste plek komt te staan en de grafiek daarna niet meer past.';
const paras = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `  - p: Alinea${from + i}. ${PARA}\n`).join('');
// Seven paragraphs put the quote low in the left column: the 260 pt chart after it does not fit there.
const SECTION = `kind: article\ntitle: Citaat en grafiek\nblocks:\n${paras(1, 7)}  - quote: { text: "Wij hebben in dit jaar veel geleerd over samenwerken op afstand.", by: Een medewerker }\n  - chart: { spec: charts/hoog.vl.yaml, caption: Een hoge grafiek }\n${paras(8, 20)}`;
const CHART = 'data: { name: reeks }\nheight: 260\nmark: bar\nencoding:\n  x: { field: jaar, type: ordinal }\n  y: { field: aantal, type: quantitative }\n';

let pages: TextObject[][];
let shapes: Shape[][];

beforeAll(async () => {
  const dir = makeContent({
    'report.yaml': 'title: Proef\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n',
    'figures.yaml': 'figures:\n  reeks: { "2017": 10, "2018": 14, "2019": 12, "2020": 9 }\ndatasets:\n  reeks: { from: reeks, columns: [jaar, aantal] }\n',
    'charts/hoog.vl.yaml': CHART,
    'sections/a.yaml': SECTION,
  });
  const { pdf } = await buildReport({ contentDir: dir });
  pages = await readTextObjects(pdf);
  shapes = await paintedShapes(pdf);
}, 60_000);

/** Body lines (9.4 pt serif text of the paragraphs) of a page, per column (left edge below or above the middle). */
function columns(page: readonly TextObject[]): TextObject[][] {
  const body = page.filter((o) => Math.abs(o.size - template.text.body.size) < 0.01);
  const mid = template.page.width / 2;
  return [body.filter((o) => o.x < mid), body.filter((o) => o.x >= mid)].map((c) => c.sort((a, b) => a.y - b.y));
}

describe('a float that does not fit after a quote', () => {
  it('is followed by the next paragraph at the template spacing, within a baseline step', () => {
    const p = pages.findIndex((objs) => objs.some((o) => o.text.startsWith('Wij hebben')));
    const quoteLine = pages[p]!.find((o) => o.text.startsWith('Wij hebben'))!;
    const bar = shapes[p]!.find((s) => s.paint === 'fill' && s.color === QUOTE_BAR && Math.abs(s.width - BAR_WIDTH) < 0.01 && s.y < quoteLine.y && s.y + s.height > quoteLine.y)!;
    expect(bar).toBeDefined();
    const barBottom = bar.y + bar.height;
    const next = columns(pages[p]!).flat().filter((o) => Math.abs(o.x - bar.x) < 20 && o.y > barBottom).sort((a, b) => a.y - b.y)[0]!;
    expect(next.text).toMatch(/^Alinea8\./);
    // the line's top is the quote's space after below the box, rounded up to the grid
    const gap = next.y - barBottom;
    expect(gap).toBeGreaterThanOrEqual(QUOTE_AFTER + ASCENT - 0.01);
    expect(gap).toBeLessThanOrEqual(QUOTE_AFTER + ASCENT + GRID + 0.01);
  });

  it('leaves no hole at the foot of the columns of the page before the last', () => {
    const last = pages.length - 1;
    const before = pages[last - 1]!;
    expect(before.some((o) => o.text.startsWith('Wij hebben'))).toBe(true);
    for (const col of columns(before)) {
      const first = col[0]!.y;
      // the lowest baseline of the column's grid whose descent stays inside the text area
      const lowest = first + Math.floor((TEXT_BOTTOM - DESCENT - first) / GRID + 1e-6) * GRID;
      const end = col[col.length - 1]!.y;
      expect(lowest - end).toBeLessThanOrEqual(SHORT_LINES * GRID + 0.01);
    }
  });
});
