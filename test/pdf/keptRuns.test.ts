/**
 * Glyph runs kept between the documents of a session (pdf/keptRuns.ts). Oracles: the bytes of the same document
 * written without any cache; whether a kept entry was used (the same entry object afterwards) or drawn again (a new
 * one) when the page height, the scope or the variant differ; and rebuilds of an edited report in one session
 * against builds without caches, alternating variants.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { writePdf, type PdfVariant } from '../../src/pdf/writePdf.ts';
import type { CachedPage } from '../../src/pdf/pageStreams.ts';
import type { KeptRuns } from '../../src/pdf/keptRuns.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { buildReport } from '../../src/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { doc, glyphs, page, FIXTURE_CMYK } from './fixture.ts';
import { scratchReport } from '../helpers/scratchReport.ts';

const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Writes `pages`; with `runs`, through a fresh page-stream cache (every part misses) that keeps runs in `runs`. */
function write(pages: Page[], runs?: KeptRuns, scope = 's', variant: PdfVariant = 'screen'): Promise<Uint8Array> {
  return writePdf(doc(pages), {
    svgFontKey: () => 'sans',
    shape: (t, k, f) => fonts.shape!(t, k, f),
    variant,
    cmyk: FIXTURE_CMYK,
    ...(runs && { pageCache: { entries: new Map<string, CachedPage>(), scope, keptRuns: runs } }),
  });
}

describe('kept glyph runs', () => {
  const items: FrameItem[] = [
    glyphs('Hallo wereld, één fijne dag', 62, 200),
    glyphs('Tweede regel, met ﬁ en ß', 62, 214, { font: 'sans', color: '#154273' }),
    glyphs('woord-', 62, 228, { lineEnd: 'hyphen', wordSpacingPt: 0.4 }),
    glyphs('ind.nl', 62, 242, { link: 'https://ind.nl/' }),
    glyphs('', 62, 256),
  ];

  test('a document drawn with kept runs, and again from them, has the bytes of one drawn without any cache', async () => {
    const pages = [page(items, 1), page([items[1]!, glyphs('derde', 62, 300)], 2)];
    const plain = await write(pages);
    const runs: KeptRuns = new WeakMap();
    expect(same(await write(pages, runs), plain)).toBe(true);
    const kept = items.map((it) => runs.get(it));
    expect(kept[0]).toBeDefined();
    expect(kept[3]).toBeUndefined(); // a linked run is always drawn
    expect(same(await write(pages, runs), plain)).toBe(true);
    // used, not drawn again
    expect(items.map((it) => runs.get(it))).toEqual(kept);
    expect(runs.get(items[0]!)).toBe(kept[0]);
  });

  test('another page height, scope or variant draws the run again', async () => {
    const runs: KeptRuns = new WeakMap();
    await write([page(items, 1)], runs);
    const kept = runs.get(items[0]!);
    const taller: Page = { ...page(items, 1), heightPt: 900 };
    expect(same(await write([taller], runs), await write([taller]))).toBe(true);
    const afterHeight = runs.get(items[0]!);
    expect(afterHeight).not.toBe(kept);
    expect(afterHeight!.height).toBe(900);
    await write([taller], runs, 'another scope');
    expect(runs.get(items[0]!)).not.toBe(afterHeight);
    const inScope = runs.get(items[0]!);
    expect(same(await write([taller], runs, 'another scope', 'pdfa'), await write([taller], undefined, 's', 'pdfa'))).toBe(true);
    expect(runs.get(items[0]!)).not.toBe(inScope);
  });
});

describe('rebuilds in one session', () => {
  test('edits and variants alternating: each PDF has the bytes of a build without caches', async () => {
    const dir = scratchReport('rp-kept-runs-');
    const article = join(dir, 'sections', '01-artikel.yaml');
    const original = readFileSync(article, 'utf8');
    const session = createBuildContext();
    await buildReport({ contentDir: dir }, session);
    const steps: [string, PdfVariant][] = [
      [original.replace('zorgvuldige planning', 'nauwkeurige planning'), 'screen'],
      [original.replace('zorgvuldige planning', 'nauwkeurigere planning'), 'screen'],
      [original.replace('zorgvuldige planning', 'nauwkeurigere planning'), 'pdfa'],
      [original, 'screen'],
      [original, 'print'],
      [original.replace('zorgvuldige planning', 'planning'), 'screen'],
    ];
    for (const [text, variant] of steps) {
      writeFileSync(article, text);
      const rebuilt = await buildReport({ contentDir: dir, variant }, session);
      const fresh = await buildReport({ contentDir: dir, variant });
      expect(same(rebuilt.pdf, fresh.pdf), `${variant} after an edit`).toBe(true);
    }
  }, 120_000);
});
