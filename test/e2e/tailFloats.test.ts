/**
 * A section whose opener page holds all its text: the tail search must not hold the key figures and the quote
 * back for the last page (that left the opener's columns ten and more lines short and a last page of floats
 * alone), and the last page carries the end of the text beside the chart. Oracles from the template's numbers
 * (page height, bottom margin, the body grid and size, the leading model's 0.25 × leading descent) and the
 * baselines read back from the PDF.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { readTextObjects, type TextObject } from '../helpers/pdfGlyphs.ts';
import { makeContent } from '../load/fixture.ts';

const template = parse(readFileSync(resolve(import.meta.dirname, '../../templates/rijksoverheid/template.yaml'), 'utf8'));
const GRID: number = template.text.body.leading;
const TEXT_BOTTOM: number = template.page.height - template.page.margin.bottom;
const DESCENT = 0.25 * GRID;
/** A page other than a section's last may run this many lines short: two cut for the last page, one to give it text. */
const SHORT_LINES = 3;

const SENTENCE = 'Dit is een gewone zin met genoeg woorden om een regel in de kolom te vullen.';
const para = (name: string, sentences: number) => `  - p: ${name}. ${Array.from({ length: sentences }, () => SENTENCE).join(' ')}\n`;
const head = (text: string) => `  - heading: ${text}\n`;
const LEAD = 'Een inleiding van drie regels boven de kolommen, zoals een artikel in het jaarverslag die heeft, met genoeg woorden om de breedte van de pagina te vullen en nog wat meer.';
/** The section: 4 + 5 sentences, a key figure, `third` sentences, a quote, 4, a key figure, 4, and the chart. */
const section = (third: number) => `kind: article\nlabel: Artikel\ntitle: Loketten bleven open\nlead: ${LEAD}\nblocks:\n`
  + para('Eerste', 4) + head('Tweede kop') + para('Tweede', 5)
  + '  - key-figure: { value: bijna 319.000, text: klantcontacten aan de loketten ondanks corona }\n'
  + head('Derde kop') + para('Derde', third)
  + '  - quote: { text: "Verlengingen handelden we telefonisch af, vanuit huis; de klant kreeg een brief.", by: Een medewerker }\n'
  + head('Vierde kop') + para('Vierde', 4)
  + '  - key-figure: { value: ruim 38.000, text: documenten per koerier bij mensen thuis afgeleverd }\n'
  + head('Vijfde kop') + para('Vijfde', 4)
  + '  - chart: { spec: charts/kanalen.vl.yaml, caption: Contacten en koerierzendingen in 2020., size: column }\n';
const CHART = 'data: { name: kanalen }\nheight: 80\nmark: bar\nencoding:\n  y: { field: kanaal, type: nominal }\n  x: { field: aantal, type: quantitative }\n';
const FIGURES = 'figures:\n  x: 1\ndatasets:\n  kanalen:\n    columns: [kanaal, aantal]\n    rows:\n      - [Loket, 319000]\n      - [Koerier, 38000]\n';
const REPORT = 'title: Proef\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n';

async function pagesOf(third: number): Promise<TextObject[][]> {
  const dir = makeContent({ 'report.yaml': REPORT, 'figures.yaml': FIGURES, 'charts/kanalen.vl.yaml': CHART, 'sections/a.yaml': section(third) });
  return readTextObjects((await buildReport({ contentDir: dir })).pdf);
}

/**
 * 19 sentences: with the floats on the opener the text runs a few lines over, enough for the last page when the
 * opener is three lines short; 18: it takes the opener four lines short, so the chart ends the section alone.
 * Both used to leave the opener's right column 18 to 19 lines short with every float on the last page.
 */
let over: TextObject[][];
let even: TextObject[][];

beforeAll(async () => {
  over = await pagesOf(19);
  even = await pagesOf(18);
}, 120_000);

/** Body lines (the body size: paragraph text) of a page, per column (left edge left or right of the middle). */
function columns(page: readonly TextObject[]): TextObject[][] {
  const body = page.filter((o) => Math.abs(o.size - template.text.body.size) < 0.01);
  const mid = template.page.width / 2;
  return [body.filter((o) => o.x < mid), body.filter((o) => o.x >= mid)].map((c) => c.sort((a, b) => a.y - b.y));
}

/** Whole grid lines between a column's last baseline and the lowest baseline of its grid inside the text area. */
function linesShort(col: readonly TextObject[]): number {
  const first = col[0]!.y;
  const lowest = first + Math.floor((TEXT_BOTTOM - DESCENT - first) / GRID + 1e-6) * GRID;
  return Math.round((lowest - col[col.length - 1]!.y) / GRID);
}

const pageWith = (pages: TextObject[][], start: string) => pages.findIndex((p) => p.some((o) => o.text.startsWith(start)));

describe('a section opener that holds nearly all of its text', () => {
  for (const [name, third] of [['text left over', 19], ['no text left over', 18]] as const) {
    it(`sets the opener full, with the key figures and the quote (${name})`, () => {
      const pages = third === 19 ? over : even;
      const opener = pageWith(pages, 'Eerste.');
      expect(pageWith(pages, 'Contacten en koerier')).toBe(opener + 1);
      const cols = columns(pages[opener]!);
      expect(cols.map((c) => c.length > 0)).toEqual([true, true]);
      for (const col of cols) expect(linesShort(col)).toBeLessThanOrEqual(SHORT_LINES);
      const text = pages[opener]!.map((o) => o.text).join(' ');
      expect(text).toContain('319.000');
      expect(text).toContain('38.000');
      expect(text).toContain('Verlengingen');
    });
  }

  it('ends the text on the last page beside the chart when the text runs over', () => {
    const last = pageWith(over, 'Contacten en koerier');
    expect(columns(over[last]!).flat().length).toBeGreaterThanOrEqual(2);
  });
});
