import { beforeAll, describe, expect, test } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { createLineBreaker } from '../../src/text/breakLines.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { itemize } from '../../src/text/itemize.ts';
import { lineStats } from '../../src/text/stats.ts';
import { readFontTables } from '../helpers/fontTables.ts';
import type { BreakLinesFn } from '../../src/flow/types.ts';
import { para, run, texts } from './fakeFonts.ts';

const FILES = { serif: 'SourceSerif4_400Regular.ttf', 'serif-bold': 'SourceSerif4_700Bold.ttf' };
const fonts = createFontStore('fonts', FILES);
/** The oracle: advances and pair kerning read from the font files' own tables (test/helpers/fontTables.ts). */
const tables = { serif: readFontTables(`fonts/${FILES.serif}`), 'serif-bold': readFontTables(`fonts/${FILES['serif-bold']}`) };
const table = (font: string) => tables[font as keyof typeof tables];
const FEATURES = ['kern', 'liga'];
/** Body text of the rijksoverheid template: 9.4 pt serif in a 232.6 pt column (A4, two columns). */
const COLUMN = 232.6;
const body = (text: string, extra = {}) => para([run(text, { sizePt: 9.4, features: FEATURES })], { leadingPt: 13.2, ...extra });
const TEXT =
  'Daarover had de Europese Commissie aanbevelingen gedaan, waaraan Nederland zich moest houden. Van Elzakker: ' +
  '“Wij hebben als Grenskantoor een bemiddelende rol gespeeld en advies gegeven over de vraag wie kon reizen en ' +
  'wie niet. Reizen was bijvoorbeeld toegestaan om afscheid te nemen van een familielid dat terminaal ziek was of ' +
  'om een begrafenis bij te wonen: dringende familieomstandigheden dus. De ruimte was alleen helaas klein.”';

let breakLines: BreakLinesFn;
beforeAll(async () => {
  breakLines = createLineBreaker({ fonts, hyphenator: await createHyphenator() });
});

describe('Source Serif 4 body text', () => {
  test('justified lines end exactly at the column edge; run widths match the shaped run text', () => {
    const lines = breakLines(body(TEXT), COLUMN);
    expect(lines.length).toBeGreaterThan(6);
    // no f-ligatures in the sample, so advances plus pair kerning are the shaped widths
    expect(TEXT).not.toMatch(/f[fil]/);
    for (const l of lines) {
      for (const r of l.runs) {
        // drawn as one shaped run (kerning across spaces too), each space widened by the line's extra, all scaled
        const t = table(r.font);
        const spaces = [...r.text].filter((ch) => /\s/u.test(ch)).length;
        const drawn = (t.kernedWidth(r.text, r.sizePt) + spaces * r.wordSpacingPt) * (r.scale ?? 1);
        expect(drawn, r.text).toBeCloseTo(r.widthPt, 6);
      }
    }
    for (const l of lines.slice(0, -1)) expect(l.runs[0].xPt + l.widthPt).toBeCloseTo(COLUMN, 6);
    const stats = lineStats(lines);
    expect(stats.overfull).toBe(0);
    expect(stats.maxConsecutiveHyphens).toBeLessThanOrEqual(2);
    for (const r of stats.spaceRatios) expect(r).toBeGreaterThanOrEqual(0.66);
    for (const r of stats.spaceRatios) expect(r).toBeLessThanOrEqual(1.5);
  });

  test('pieces of a hyphenated word add up to the shaped word (kerning and ligatures kept)', () => {
    // a word without ligatures: its width is its advances plus pair kerning, from the font file's tables
    const { items: plain } = itemize(body('naturalisatieverzoeken x'), { fonts, hyphenator: { hyphenate: () => [2, 4, 6, 8] }, widthPt: COLUMN, ragged: false });
    const pieces = plain.filter((i) => i.kind === 'box' && 'naturalisatieverzoeken'.includes(i.text) && i.text.length > 0);
    expect(pieces.map((b) => (b.kind === 'box' ? b.text : '')).join('')).toBe('naturalisatieverzoeken');
    expect(pieces.reduce((s, b) => s + b.width, 0)).toBeCloseTo(tables.serif.kernedWidth('naturalisatieverzoeken', 9.4), 6);
    const word = 'officieel naturalisatieverzoeken';
    const { items } = itemize(body(`${word} x`), {
      fonts, hyphenator: { hyphenate: (w) => (w === 'officieel' ? [2, 4] : [2, 4, 6, 8]) }, widthPt: COLUMN, ragged: false,
    });
    const boxes = items.filter((i) => i.kind === 'box');
    expect(boxes.length).toBeGreaterThan(4);
    const first = boxes.filter((b) => 'officieel'.includes(b.text) && b.text.length < 9);
    expect(first.map((b) => b.text)).toEqual(['of', 'fi', 'cieel']);
    // as the whole word is shaped: o, the ffi ligature (U+FB03 in the font's cmap), cieel, with pair kerning
    expect(first.reduce((s, b) => s + b.width, 0)).toBeCloseTo(tables.serif.kernedWidth('o\ufb03cieel', 9.4), 6);
  });

  test('"IND’ers" with a bold IND: each run measured in its own face', () => {
    const lines = breakLines(para([run('De '), run('IND', { font: 'serif-bold' }), run('’ers werken thuis.')], { align: 'left' }), COLUMN);
    expect(texts(lines)).toEqual(['De IND’ers werken thuis.']);
    const [de, ind, rest] = lines[0].runs;
    expect(ind.xPt).toBeCloseTo(tables.serif.kernedWidth('De ', 10), 6);
    expect(ind.widthPt).toBeCloseTo(tables['serif-bold'].kernedWidth('IND', 10), 6);
    // the bold face's own advances, not the regular's
    expect(tables['serif-bold'].kernedWidth('IND', 10)).not.toBeCloseTo(tables.serif.kernedWidth('IND', 10), 2);
    expect(rest.xPt).toBeCloseTo(de.widthPt + ind.widthPt, 9);
  });

  test('ragged-right text keeps natural spaces and glyph widths', () => {
    const ragged = breakLines(body(TEXT, { align: 'left' }), COLUMN);
    expect(ragged.length).toBeGreaterThan(6);
    expect(ragged.every((l) => l.runs.every((r) => r.wordSpacingPt === 0 && r.scale === undefined) && l.widthPt <= COLUMN)).toBe(true);
    const justified = breakLines(body(TEXT), COLUMN);
    expect(justified.slice(0, -1).some((l) => l.runs[0]!.scale !== undefined)).toBe(true);
  });
});
