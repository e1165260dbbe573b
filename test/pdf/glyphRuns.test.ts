/**
 * Glyph runs drawn straight into the content stream, read back with pdf.js: the text of every run (through the
 * embedded subset's ToUnicode CMap), the position of every glyph and where each run ends, against the layout's
 * numbers: item x, item width (text/ measured it, justification and tracking included) and the measured prefix
 * widths. Within 0.01 pt.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createFontStore, type FontStore } from '../../src/fonts/fontStore.ts';
import type { FrameItem, PagedDocument } from '../../src/model/types.ts';
import { FONTS_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { readTextObjects, type TextObject } from '../helpers/pdfGlyphs.ts';
import { parsePdf } from '../helpers/pdf.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sequenceTexts } from '../helpers/structureText.ts';
import { readTagged } from '../helpers/taggedPdf.ts';
import { content, node } from '../../src/model/tags.ts';
import { hasTool, runTool } from '../helpers/pdfObjects.ts';

type Glyphs = Extract<FrameItem, { kind: 'glyphs' }>;
const FONTS = { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_600SemiBold.ttf' };
const fonts = createFontStore(FONTS_DIR, FONTS);
const TOLERANCE = 0.01;
const STRETCHABLE = /\s/u;
/**
 * The fonts draw U+00A0 (and U+202F) with the space glyph, and a PDF maps each glyph to one text: a no-break space
 * reads back as the text the glyph was first drawn for, mostly a space (as with pdfkit's own text()).
 */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** A glyph item as layout makes one: width = shaped advance + extra per space + tracking between characters, × scale. */
function item(text: string, x: number, y: number, o: { font?: string; size?: number; features?: string[]; extra?: number; scale?: number; tracking?: number; link?: string } = {}): Glyphs {
  const font = o.font ?? 'serif';
  const size = o.size ?? 9.4;
  const features = o.features ?? ['kern', 'liga', 'pnum'];
  const spaces = [...text].filter((c) => STRETCHABLE.test(c)).length;
  const width = (fonts.measure(text, font, size, features) + (o.extra ?? 0) * spaces + (o.tracking ?? 0) * ([...text].length - 1)) * (o.scale ?? 1);
  return {
    kind: 'glyphs', x, y, text, font, sizePt: size, color: '#1b1b1b', features, wordSpacingPt: o.extra ?? 0, widthPt: width,
    ...(o.scale !== undefined && { scale: o.scale }),
    ...(o.tracking !== undefined && { letterSpacingPt: o.tracking }),
    ...(o.link !== undefined && { link: o.link }),
  };
}

const ITEMS: Glyphs[] = [
  item('Tot V. Wij, AVA en “officieel” – T.o.v. 2020', 40, 60),
  item('Het aantal aanvragen lag 12,5% lager dan in 2019', 40, 80, { extra: 1.37, scale: 1.018 }),
  item('naturalisatie\u00a0verzoeken 13.670', 40, 100, { features: ['kern', 'liga', 'tnum'], extra: -0.4, scale: 0.985 }),
  item('DERDE ARTIKEL', 40, 120, { font: 'sans', size: 7.5, tracking: 0.6 }),
  item('ind.nl/jaarverslag', 40, 140, { link: 'https://ind.nl/' }),
  item('ffi fl ’s-Hertogenbosch', 40, 160, { size: 30 }),
];

function doc(items: readonly FrameItem[]): PagedDocument {
  return {
    pages: [{ widthPt: 400, heightPt: 200, number: 1, master: 'body', textArea: { x: 0, y: 0, width: 400, height: 200 }, items }],
    outline: [],
    meta: { title: 't', author: 'a', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30' },
    fonts: fonts.files,
  };
}

/** The layout's x of each glyph: item x + measured prefix width + extra per space and tracking before it, × scale. */
function expectedXs(g: Glyphs, store: FontStore = fonts): number[] {
  const run = store.shape!(g.text, g.font, g.features);
  const prefix = store.prefixWidths!(g.text, g.font, g.sizePt, g.features);
  const scale = g.scale ?? 1;
  const out: number[] = [];
  for (let i = 0; i < run.ids.length; i++) {
    const c = run.clusters[i]!;
    const spaces = [...g.text.slice(0, c)].filter((ch) => STRETCHABLE.test(ch)).length;
    out.push(g.x + (prefix[c]! + spaces * g.wordSpacingPt + i * (g.letterSpacingPt ?? 0)) * scale);
  }
  return out;
}

/** The run's drawn end: the layout's width, plus the tracking PDF's Tc also adds after the last glyph. */
const expectedEnd = (g: Glyphs, glyphs: number) => g.x + g.widthPt + (g.letterSpacingPt ?? 0) * (glyphs - ([...g.text].length - 1)) * (g.scale ?? 1);

describe('glyph runs in the content stream', () => {
  let objects: TextObject[];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writePdf(doc(ITEMS), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f) });
    objects = (await readTextObjects(bytes))[0]!;
  });

  test('one text object per item, reading back as the item\'s text', () => {
    expect(objects.map((o) => spaces(o.text))).toEqual(ITEMS.map((i) => spaces(i.text)));
  });

  test('every glyph sits where layout measured it, and every run ends at its measured width', () => {
    ITEMS.forEach((g, k) => {
      const o = objects[k]!;
      expect(Math.abs(o.y - g.y), g.text).toBeLessThan(TOLERANCE);
      const xs = expectedXs(g);
      expect(o.glyphs).toHaveLength(xs.length);
      o.glyphs.forEach((r, i) => expect(Math.abs(r.x - xs[i]!), `${g.text} glyph ${i}`).toBeLessThan(TOLERANCE));
      expect(Math.abs(o.endX - expectedEnd(g, o.glyphs.length)), g.text).toBeLessThan(TOLERANCE);
    });
  });

  test('fonts are embedded subsets with a ToUnicode map; pdf.js extracts the words', async () => {
    const parsed = await parsePdf(bytes);
    expect([...parsed.fonts.values()].every((f) => f.embedded)).toBe(true);
    const latin1 = Buffer.from(bytes).toString('latin1');
    expect(latin1.match(/\/ToUnicode/g)?.length).toBe(2);
    expect(latin1).not.toMatch(/Helvetica/);
    expect(parsed.pages[0]!.text).toContain('naturalisatie');
    expect(parsed.pages[0]!.text).toContain('officieel');
  });

  test('a link covers its run from ascender to descender', () => {
    const latin1 = Buffer.from(bytes).toString('latin1');
    const rect = latin1.match(/\/Rect \[([^\]]+)\]/)![1]!.split(' ').map(Number);
    const g = ITEMS[4]!;
    expect(rect[0]).toBeCloseTo(g.x, 2);
    expect(rect[2]! - rect[0]!).toBeCloseTo(g.widthPt, 2);
    // PDF y is from the bottom (page 200 pt high): the baseline lies inside the box
    expect(rect[1]!).toBeLessThan(200 - g.y);
    expect(rect[3]!).toBeGreaterThan(200 - g.y + g.sizePt * 0.6);
  });
});

/**
 * Both bundled reports as built: every glyph item reads back with its text at its position, every glyph within
 * 0.01 pt of where layout measured it (the layout's shaped run, from a font store of its own over the document's
 * font files), and every run ends at its measured width.
 */
describe.each([
  ['jaarverslag-2020', 1000],
  ['annual-report-2020-en', 200],
])('the bundled report %s', (name, minItems) => {
  let build: BuildResult;
  let pages: TextObject[][];
  let store: FontStore;
  beforeAll(async () => {
    build = await buildReport({ contentDir: resolve(PACKAGE_ROOT, 'content', name) });
    pages = await readTextObjects(build.pdf);
    store = createFontStore(FONTS_DIR, build.document.fonts);
  }, 60_000);

  test('every glyph item reads back with its text; every glyph sits where layout measured it; every run ends at its measured width', () => {
    let checked = 0;
    let glyphs = 0;
    build.document.pages.forEach((page, p) => {
      const objects = pages[p]!;
      for (const g of page.items) {
        if (g.kind !== 'glyphs' || !g.text) continue;
        const o = objects.find((t) => Math.abs(t.x - g.x) < TOLERANCE && Math.abs(t.y - g.y) < TOLERANCE && spaces(t.text) === spaces(g.text));
        expect(o, `page ${p + 1}: ${g.text}`).toBeDefined();
        const xs = expectedXs(g, store);
        expect(o!.glyphs, `page ${p + 1}: ${g.text}`).toHaveLength(xs.length);
        o!.glyphs.forEach((r, i) => expect(Math.abs(r.x - xs[i]!), `page ${p + 1}: ${g.text} glyph ${i}`).toBeLessThan(TOLERANCE));
        expect(Math.abs(o!.endX - expectedEnd(g, o!.glyphs.length)), `page ${p + 1}: ${g.text}`).toBeLessThan(TOLERANCE);
        checked++;
        glyphs += xs.length;
      }
    });
    expect(checked).toBeGreaterThan(minItems);
    expect(glyphs).toBeGreaterThan(minItems * 10);
  });
});

describe('word boundaries at line ends, as text extraction sees them', () => {
  test('a line that lost a space reads with one, an added hyphen as a soft hyphen, a word\'s own hyphen as itself; pixels\' ink untouched', async () => {
    const tag = (i: number) => content([node('P', 'p')], [i]);
    const lines: Glyphs[] = [
      { ...item('Dit zijn de ko-', 20, 20), lineEnd: 'hyphen', tag: tag(0) },
      { ...item('lommen van de', 20, 32), lineEnd: 'space', tag: tag(1) },
      { ...item('IND-', 20, 44), tag: tag(2) },
      { ...item('medewerkers (en ’s-Hertogenbosch)…', 20, 56), tag: tag(3) },
    ];
    const bytes = await writePdf(doc(lines), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f) });
    expect([...sequenceTexts(bytes).values()].join('')).toBe('Dit zijn de ko\u00adlommen van de IND-medewerkers (en ’s-Hertogenbosch)…');
    // the same glyphs at the same places as without the line ends
    const plain = await writePdf(doc(lines.map(({ lineEnd: _, ...g }) => g)), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f) });
    const at = (o: TextObject[]) => o.map((t) => [t.text, t.x, t.y, t.endX]);
    expect(at((await readTextObjects(bytes))[0]!)).toEqual(at((await readTextObjects(plain))[0]!));
  });

  const dir = resolve(import.meta.dirname, '../golden/minimal');
  /** The paragraphs of the minimal golden report that hold no figures or footnotes, words as typography sets them. */
  const sourceParagraphs = ['sections/00-voorwoord.yaml', 'sections/01-artikel.yaml'].flatMap((f) =>
    ((parseYaml(readFileSync(join(dir, f), 'utf8')) as { blocks: { p?: string }[] }).blocks ?? [])
      .map((b) => b.p)
      .filter((p): p is string => !!p && !/[{[]/.test(p))
      .map((p) => p.replace(/\s+/g, ' ').trim().replace(/'/g, '\u2019')),
  );
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = (await buildReport({ contentDir: dir })).pdf;
  }, 60_000);

  test('read through the structure tree (codes → ToUnicode, ActualText, nothing added), every paragraph is its source text', async () => {
    expect(sourceParagraphs.length).toBeGreaterThanOrEqual(3);
    const texts = sequenceTexts(pdf);
    const t = await readTagged(pdf);
    const paragraphs = t.elems.filter((e) => e.role === 'P').map((e) => e.kids.map((k) => ('mcid' in k ? (texts.get(`${k.page}:${k.mcid}`) ?? '') : '')).join(''));
    for (const p of sourceParagraphs) expect(paragraphs.map((x) => x.replace(/\u00ad/g, ''))).toContain(p);
    // a line end reads as one U+0020 (the last character's ActualText); an added hyphen as a soft hyphen in its word
    const para = paragraphs.find((x) => x.startsWith('Dit is een korte proef'))!;
    expect(para).toMatch(/ko\u00adlommen/);
    expect(para).not.toMatch(/ {2}|-/);
  });

  test('pdftotext: the words in order with single spaces; a hyphenated word ends its line with a soft hyphen (ActualText) and is joined', () => {
    expect(hasTool('pdftotext')).toBe(true);
    const out = runTool('pdftotext', (f) => [f, '-'], pdf).out;
    expect(out).toMatch(/ko\u00ad\nlommen/);
    const flat = out.replace(/\u00ad\s*/g, '').replace(/\s+/g, ' ');
    for (const p of sourceParagraphs) expect(flat).toContain(p);
  });

  test('pdf.js: a line end is a word boundary (hasEOL); it shows the added hyphen (it does not read ActualText)', async () => {
    const text = (await parsePdf(pdf)).pages.map((p) => p.text).join('\n');
    expect(text).toContain('Het\nvoorwoord');
    expect(text.replace(/-\n/g, '').replace(/\s+/g, ' ')).toContain(sourceParagraphs.find((p) => p.startsWith('Dit is'))!);
  });
});
