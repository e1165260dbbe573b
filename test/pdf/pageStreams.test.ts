/**
 * The page-stream cache (pdf/pageStreams.ts; its key: partKeys.test.ts): a document has the same bytes without the cache, with it cold, warm, and when only some pages hit
 * (another first page, as after an edit). Font programs reused across documents: a subset is keyed by the font's
 * bytes and the glyphs drawn (not their order), with the same bytes as without the caches.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { svgKey, type CachedPage, type SvgDrawing } from '../../src/pdf/pageStreams.ts';
import { writePdf, type PdfVariant } from '../../src/pdf/writePdf.ts';
import type { EmbeddedProgram } from '../../src/pdf/embedCidFont.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { doc, glyphs, page, samplePage, FIXTURE_CMYK, writePages } from './fixture.ts';

const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
const SCOPE = 'fonts@1';

const write = (pages: Page[], variant: PdfVariant, entries?: Map<string, CachedPage>) => writePages(pages, variant, SCOPE, entries);

describe('documents with the page stream cache', () => {
  // An SVG with gradients (shading patterns: objects of the drawing's own, replayed) beside the sample page's plain
  // one; the second gradient fades out, which pdfkit paints as a tiling pattern with a soft mask (form streams).
  const gradient =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><defs><linearGradient id="g"><stop offset="0" stop-color="#154273"/><stop offset="1" stop-color="#ffffff"/></linearGradient>' +
    '<radialGradient id="f"><stop offset="0" stop-color="#9fb3c8"/><stop offset="0.6" stop-color="#9fb3c8" stop-opacity="0.4"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>' +
    '<rect width="60" height="30" fill="url(#g)"/><rect x="60" width="60" height="30" fill="url(#f)"/><rect y="30" width="120" height="30" fill="#dce6f0" fill-opacity="0.5"/><text x="4" y="50" font-family="Source Sans 3" fill="#154273">Zwoegen</text></svg>';
  const pages = [
    samplePage(),
    page([glyphs('Tweede pagina, met andere woorden', 62, 200), glyphs('ind.nl', 62, 220, { link: 'https://ind.nl/' }), { kind: 'svg', x: 62, y: 300, width: 120, height: 60, alt: 'verloop', svg: gradient }], 2),
  ];
  const otherFirst = page([glyphs('Quixotisch: een nieuwe eerste pagina', 62, 200, { font: 'sans' })], 1);

  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: same bytes without the cache, cold, warm, and with some pages hitting`, async () => {
      const off = Buffer.from(await write(pages, variant));
      const entries = new Map<string, CachedPage>();
      expect(Buffer.from(await write(pages, variant, entries)).equals(off)).toBe(true);
      expect(entries.size).toBe(2);
      // the sample page's SVG (text, fills) has a record to replay, so has the gradients' (their objects, patterns,
      // streams and the gradient count); unlinked glyph runs have theirs (the print variant has no links: all do)
      const [first, second] = [...entries.values()];
      expect(first!.svg.get(variant === 'print' ? 4 : 5)?.some((e) => e[0] === 'glyph')).toBe(true);
      expect(first!.svg.get(1)?.filter((e) => e[0] === 'glyph').length).toBe(new Set('Hallo wereld').size);
      const kinds = second!.svg.get(2)?.map((e) => e[0]);
      // one shading pattern, then the fading gradient's: its opacity shading's and the tiling pattern with the mask
      expect(kinds?.filter((k) => k === 'pattern').length).toBe(3);
      expect(kinds?.filter((k) => k === 'ref').length).toBe(kinds?.filter((k) => k === 'end').length);
      expect(second!.svg.get(2)?.some((e) => e[0] === 'end' && e[2].includes(' re f'))).toBe(true);
      expect(second!.svg.get(2)?.at(-1)).toEqual(['grad', 3]);
      expect(second!.svg.has(1)).toBe(variant === 'print');
      expect(Buffer.from(await write(pages, variant, entries)).equals(off)).toBe(true);
      const edited = [otherFirst, ...pages.slice(1)];
      const editedOff = Buffer.from(await write(edited, variant));
      expect(editedOff.equals(off)).toBe(false);
      expect(Buffer.from(await write(edited, variant, entries)).equals(editedOff)).toBe(true);
      expect(entries.size).toBe(3); // the second page hit
    });
  }
});

describe('an SVG that draws into a group (clip path with a mask)', () => {
  // svg-to-pdfkit draws a mask into a form of its own whose "page" has no resources: such a drawing is not replayed
  // but drawn again, and the document keeps the bytes of an uncached one (a crash here once stopped a build)
  const masked =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><defs><clipPath id="c"><circle cx="30" cy="30" r="28"/></clipPath>' +
    '<mask id="m"><rect width="120" height="60" fill="#ffffff" fill-opacity="0.6"/></mask></defs>' +
    '<g clip-path="url(#c)"><rect width="120" height="60" fill="#154273"/></g><rect x="60" width="60" height="60" fill="#9fb3c8" mask="url(#m)"/></svg>';
  const pages = [samplePage(), page([glyphs('Een masker', 62, 200), { kind: 'svg', x: 62, y: 300, width: 120, height: 60, alt: 'masker', svg: masked }], 2)];
  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: same bytes without the cache, cold and warm`, async () => {
      const off = Buffer.from(await write(pages, variant));
      const entries = new Map<string, CachedPage>();
      expect(Buffer.from(await write(pages, variant, entries)).equals(off)).toBe(true);
      expect(Buffer.from(await write(pages, variant, entries)).equals(off)).toBe(true);
    });
  }
});

describe('SVG drawings reused by pages that miss (pageStreams.ts svgKey)', () => {
  // fills with alpha (ExtGState gs operators) and text (glyphs registered in the subset)
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="30" fill="#dce6f0" fill-opacity="0.5"/>' +
    '<rect y="30" width="120" height="30" fill="#154273" stroke="#9fb3c8" stroke-opacity="0.4"/><text x="4" y="50" font-family="Source Sans 3" fill="#154273">Grafiek</text></svg>';
  const chart: FrameItem = { kind: 'svg', x: 62, y: 300, width: 120, height: 60, alt: 'grafiek', svg };
  const withText = (text: string) => [page([glyphs(text, 62, 200), chart], 2)];

  test('the key follows the SVG, its box and bleed, the page height and the scope', () => {
    const k = svgKey(svg, [62, 300, 120, 60], undefined, 841.89, 's');
    const other = [
      svgKey(`${svg} `, [62, 300, 120, 60], undefined, 841.89, 's'),
      svgKey(svg, [62, 301, 120, 60], undefined, 841.89, 's'),
      svgKey(svg, [62, 300, 120, 60], { top: 8.5, right: 0, bottom: 0, left: 0 }, 841.89, 's'),
      svgKey(svg, [62, 300, 120, 60], undefined, 842, 's'),
      svgKey(svg, [62, 300, 120, 60], undefined, 841.89, 't'),
    ];
    expect(new Set([k, ...other]).size).toBe(6);
  });

  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: an edited page draws its unchanged SVG from the cache, with the bytes of an uncached document`, async () => {
      const entries = new Map<string, CachedPage>();
      const drawings = new Map<string, SvgDrawing>();
      const cached = (pages: Page[]) =>
        writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), variant, cmyk: FIXTURE_CMYK, pageCache: { entries, scope: SCOPE, drawings } });
      expect(Buffer.from(await cached(withText('Het jaar 2020'))).equals(Buffer.from(await write(withText('Het jaar 2020'), variant)))).toBe(true);
      expect(drawings.size).toBe(1);
      const [drawn] = [...drawings.values()];
      expect(drawn!.events.some((e) => e[0] === 'gs')).toBe(true);
      expect(drawn!.events.some((e) => e[0] === 'glyph')).toBe(true);
      // the page's text changed: its stream misses, the SVG's drawing hits
      const edited = withText('Het jaar 2021');
      expect(Buffer.from(await cached(edited)).equals(Buffer.from(await write(edited, variant)))).toBe(true);
      expect(entries.size).toBe(2);
      expect(drawings.size).toBe(1);
    });
  }
});

describe('font programs reused across documents (build context pdfFonts, pdfSubsets)', () => {
  const hashes = { serif: 'serif-bytes', sans: 'sans-bytes' };
  const writeWith = (pages: Page[], fontCache?: { hashes: Record<string, string>; parsed: Map<string, object>; encoded: Map<string, EmbeddedProgram> }) =>
    writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), ...(fontCache && { fontCache }) });

  test('a subset is keyed by font bytes and the glyphs drawn; bytes equal with the caches off, cold and warm', async () => {
    const cache = { hashes, parsed: new Map<string, object>(), encoded: new Map<string, EmbeddedProgram>() };
    const a = [page([glyphs('Het jaar 2020', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })])];
    const off = Buffer.from(await writeWith(a));
    expect(Buffer.from(await writeWith(a, cache)).equals(off)).toBe(true);
    expect(cache.parsed.size).toBe(2);
    expect(cache.encoded.size).toBe(2);
    expect(Buffer.from(await writeWith(a, cache)).equals(off)).toBe(true);
    expect(cache.encoded.size).toBe(2); // same glyphs: both programs reused
    // the same glyphs drawn in another order: the same subsets
    const reordered = [page([glyphs('Asiel', 62, 220, { font: 'sans' }), glyphs('2020 jaar Het', 62, 200)])];
    await writeWith(reordered, cache);
    expect(cache.encoded.size).toBe(2);
    // one glyph more in the serif face: a new serif subset only
    const more = [page([glyphs('Het jaar 2020!', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })])];
    expect(Buffer.from(await writeWith(more, cache)).equals(Buffer.from(await writeWith(more)))).toBe(true);
    expect(cache.encoded.size).toBe(3);
    // other font bytes under the same key: another subset
    await writeWith(a, { ...cache, hashes: { ...hashes, serif: 'other-serif-bytes' } });
    expect(cache.encoded.size).toBe(4);
  });

  test('warm: no subset is made and nothing compressed again; the same glyphs standing for other text get a new CMap', async () => {
    const cache = { hashes, parsed: new Map<string, object>(), encoded: new Map<string, EmbeddedProgram>() };
    const a = [page([glyphs('Het co-op jaar', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })])];
    const off = Buffer.from(await writeWith(a));
    await writeWith(a, cache);
    // count the font programs made from now on: a subset made (pdf/ttfSubset.ts or fontkit's) is a new program
    // array in the cache; a reused one (its CMap perhaps new) keeps the array it had
    const seen = new Set([...cache.encoded.values()].map((e) => e.program));
    const programs = () => new Set([...cache.encoded.values()].map((e) => e.program));
    let made = 0;
    const count = () => (made = [...programs()].filter((p) => !seen.has(p)).length);
    expect(Buffer.from(await writeWith(a, cache)).equals(off)).toBe(true);
    count();
    expect(made).toBe(0);
    // U+2010 HYPHEN is drawn with the hyphen-minus's glyph (checked here): the same subset, another ToUnicode text
    expect([...fonts.shape!('\u2010', 'serif', []).ids]).toEqual([...fonts.shape!('-', 'serif', []).ids]);
    const hyphen = [page([glyphs('Het co\u2010op jaar', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })])];
    const hyphenOff = Buffer.from(await writeWith(hyphen));
    expect(hyphenOff.equals(off)).toBe(false);
    expect(Buffer.from(await writeWith(hyphen, cache)).equals(hyphenOff)).toBe(true);
    count();
    expect(made).toBe(0);
    expect(Buffer.from(await writeWith(a, cache)).equals(off)).toBe(true);
    // the oracle can fail: a glyph more is encoded
    await writeWith([page([glyphs('Het co-op jaar!', 62, 200)])], cache);
    count();
    expect(made).toBe(1);
  });
});
