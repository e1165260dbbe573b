/**
 * Issue 11 item 5: a paragraph's first-line indent follows what precedes it on the page. The template
 * (rijksoverheid: paragraph.indent 11 pt, body 9.4/13.2) indents a paragraph after a paragraph and not after a
 * float; when a chart that does not fit moves to the next column, the paragraph written after it now follows a
 * paragraph (indented), and one the carried chart now stands above is not. Oracle: glyph positions read back from
 * the PDF — for every paragraph's first line, what is drawn just above it in its column (or at the foot of the
 * column before), and the line's left edge against the column's.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { readTextObjects, type TextObject } from '../helpers/pdfGlyphs.ts';
import { makeContent } from '../load/fixture.ts';

const template = parse(readFileSync(resolve(import.meta.dirname, '../../templates/rijksoverheid/template.yaml'), 'utf8'));
const BODY_SIZE: number = template.text.body.size;
const GRID: number = template.text.body.leading;
const INDENT: number = template.paragraph.indent;
const MID: number = template.page.width / 2;
/** The text area's top and foot: running heads and folios lie outside it. */
const TOP: number = template.page.margin.top;
const FOOT: number = template.page.height - template.page.margin.bottom;

const PARA = 'Dit is een gewone alinea met genoeg woorden om een paar regels te vullen in de kolom, zodat de grafiek daarna soms niet meer past.';
const CHART = 'data: { name: reeks }\nheight: 200\nmark: bar\nencoding:\n  x: { field: jaar, type: ordinal }\n  y: { field: aantal, type: quantitative }\n';

/** n paragraphs, a chart, then 14 paragraphs: with n from 8 on the chart no longer fits under the n-th. */
function content(n: number): string {
  const p = (i: number) => `  - p: Alinea${i}. ${PARA}\n`;
  const before = Array.from({ length: n }, (_, i) => p(i + 1)).join('');
  const after = Array.from({ length: 14 }, (_, i) => p(n + i + 1)).join('');
  return `kind: article\ntitle: Alinea's en een grafiek\nblocks:\n${before}  - chart: { spec: charts/c.vl.yaml, caption: Een grafiek }\n${after}`;
}

interface Start {
  readonly n: number;
  readonly name: string;
  /** What stands just above the line: another paragraph's line, or something else (a chart, a caption, the opener). */
  readonly afterParagraph: boolean;
  readonly indent: number;
}

/** Every paragraph's first line ("AlineaN.") with what precedes it in reading order and its indent. */
function paragraphStarts(n: number, pages: readonly TextObject[][]): Start[] {
  const out: Start[] = [];
  let lastOfColumn: TextObject | undefined;
  for (const page of pages) {
    for (const left of [true, false]) {
      const col = page.filter((o) => o.x < MID === left && o.y > TOP && o.y < FOOT).sort((a, b) => a.y - b.y || a.x - b.x);
      const body = col.filter((o) => Math.abs(o.size - BODY_SIZE) < 0.01);
      if (body.length === 0) continue;
      const edge = Math.min(...body.map((o) => o.x));
      // what lies between the previous body line of the column and this one (charts are drawn as text too)
      col.forEach((o, i) => {
        const m = /^Alinea(\d+)\./.exec(o.text);
        if (!m || Math.abs(o.size - BODY_SIZE) > 0.01) return;
        const above = i > 0 ? col[i - 1] : lastOfColumn;
        const afterParagraph = !!above && Math.abs(above.size - BODY_SIZE) < 0.01 && (i === 0 || Math.abs(o.y - above.y - GRID) < 0.1);
        out.push({ n, name: m[0], afterParagraph, indent: Math.round((o.x - edge) * 10) / 10 });
      });
      lastOfColumn = col[col.length - 1];
    }
  }
  return out;
}

let starts: Start[] = [];

beforeAll(async () => {
  for (const n of [6, 8, 9, 10, 11, 12]) {
    const dir = makeContent({
      'report.yaml': 'title: Proef\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n',
      'figures.yaml': 'figures:\n  reeks: { "2017": 10, "2018": 14, "2019": 12, "2020": 9 }\ndatasets:\n  reeks: { from: reeks, columns: [jaar, aantal] }\n',
      'charts/c.vl.yaml': CHART,
      'sections/a.yaml': content(n),
    });
    const { pdf } = await buildReport({ contentDir: dir });
    // body pages only: the cover and contents have no "AlineaN." lines
    starts.push(...paragraphStarts(n, await readTextObjects(pdf)));
  }
}, 120_000);

describe('first-line indents after floats that moved', () => {
  it('indent every paragraph that follows a paragraph on the page, and no other', () => {
    expect(starts.length).toBeGreaterThan(6 * 14);
    for (const s of starts) expect({ ...s, indent: s.indent }).toEqual({ ...s, indent: s.afterParagraph ? INDENT : 0 });
  });

  it('include the paragraph written after a chart that moved on: it follows a paragraph and is indented', () => {
    // with 8 paragraphs before it the chart does not fit under the 8th (checked: Alinea9 is indented)
    const moved = starts.filter((s) => s.name === `Alinea${s.n + 1}.` && s.afterParagraph);
    expect(moved.length).toBeGreaterThan(0);
  });

  it('include a paragraph written after a paragraph that a carried chart now stands above: not indented', () => {
    const under = starts.filter((s) => s.name !== `Alinea${s.n + 1}.` && s.name !== 'Alinea1.' && !s.afterParagraph);
    expect(under.length).toBeGreaterThan(0);
  });
});
