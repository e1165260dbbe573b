/**
 * The pdf stage with caches off (no page cache): an SVG repeated in the document is drawn by svg-to-pdfkit once and
 * its operators written again (its fonts, glyphs and alpha states registered again on each page), and identical
 * content streams are compressed once. Oracles: the same page drawn alone (its operators and resources), the text
 * pdf.js reads back, and the bytes the page-cache path (which draws and compresses every page itself) writes.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import type { PdfVariant } from '../../src/pdf/writePdf.ts';
import type { CachedPage } from '../../src/pdf/pageStreams.ts';
import { readObjects, type PdfDict, type PdfValue } from '../helpers/pdfObjectWalker.ts';
import { parsePdf } from '../helpers/pdf.ts';
import { glyphs, page, samplePage, writePages } from './fixture.ts';

const write = (pages: Page[], variant: PdfVariant, entries?: Map<string, CachedPage>) => writePages(pages, variant, 'cold-test', entries);

/** Each page's decompressed content (its streams joined) and the names of its font and graphics-state resources. */
function pagesOf(bytes: Uint8Array): { content: string; fonts: string[]; states: string[] }[] {
  const o = readObjects(bytes);
  const out: { content: string; fonts: string[]; states: string[] }[] = [];
  const walk = (node: PdfDict) => {
    if ((node.Type as { name?: string })?.name === 'Pages') return (node.Kids as PdfValue[]).forEach((k) => walk(o.dict(k)));
    const contents = Array.isArray(node.Contents) ? node.Contents : [node.Contents!];
    const content = contents.map((c) => Buffer.from(o.streams.get((c as { num: number }).num) ?? []).toString('latin1')).join('\n');
    const res = o.dict(node.Resources);
    out.push({ content, fonts: Object.keys(o.dict(res.Font)).sort(), states: Object.keys(o.dict(res.ExtGState)).sort() });
  };
  walk(o.dict(o.dict(o.trailer.Root).Pages));
  return out;
}

/** A page with an SVG chart-like drawing (text and a translucent shape) and nothing else. */
function svgPage(n: number): Page {
  const svg: FrameItem = {
    kind: 'svg', x: 62, y: 120, width: 200, height: 80, alt: 'Staaf',
    svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="120" height="40" fill="#154273" opacity="0.5"/><text x="4" y="70" font-family="Source Sans 3" fill="#1b1b1b">Omzet 2020</text></svg>',
  };
  return page([glyphs(`Pagina ${n}`, 62, 90), svg], n);
}

describe.each(['screen', 'print'] as const)('caches off, %s', (variant) => {
  test('a repeated SVG page has the operators and resources of the same page drawn alone', async () => {
    const alone = pagesOf(await write([svgPage(1)], variant))[0]!;
    const pages = pagesOf(await write([svgPage(1), page([glyphs('Tussenin', 62, 90)], 2), svgPage(1), svgPage(1)], variant));
    for (const i of [0, 2, 3]) {
      expect(pages[i]!.content, `page ${i + 1}`).toBe(alone.content);
      expect(pages[i]!.fonts, `page ${i + 1}`).toEqual(alone.fonts);
      expect(pages[i]!.states, `page ${i + 1}`).toEqual(alone.states);
    }
    // the oracle has something to compare: the drawing wrote text and a translucent fill
    expect(alone.fonts.length).toBeGreaterThan(0);
    expect(alone.states.length).toBeGreaterThan(0);
  });

  test('the repeated drawing reads back as text on every page and matches the page-cache path byte for byte', async () => {
    const pages = [samplePage(), svgPage(2), { ...samplePage(), number: 3 }, svgPage(4), svgPage(4)];
    const cold = await write(pages, variant);
    const text = (await parsePdf(cold)).pages.map((p) => p.text);
    for (const i of [1, 3, 4]) expect(text[i]).toContain('Omzet 2020');
    for (const i of [0, 2]) expect(text[i]).toContain('Vlak');
    expect(Buffer.from(cold).equals(Buffer.from(await write(pages, variant, new Map())))).toBe(true);
  });
});
