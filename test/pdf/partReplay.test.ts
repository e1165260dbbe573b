/**
 * What a rebuild keeps per page part besides its stream (pdf/pageStreams.ts): the replay steps of a cached part and
 * its remembered stream key. Oracles: the steps written out by hand for a part of every kind of item; pageStreamKey
 * computed directly; the bytes of a document written without any cache.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem } from '../../src/model/types.ts';
import { pageStreamKey, streamKeyOf, type CachedPage, type PageStreamCache } from '../../src/pdf/pageStreams.ts';
import { partSteps } from '../../src/pdf/partReplay.ts';
import type { DrawEvent } from '../../src/pdf/drawRecorder.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import type { ShapeFn } from '../../src/pdf/cidFonts.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { doc, glyphs, page, samplePage, writePages } from './fixture.ts';

const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });

describe('replay steps of a cached part (pageStreams.ts partSteps)', () => {
  test('glyph runs joined, boxes and rules left out, SVG records kept apart, everything else walked', () => {
    const svg = { kind: 'svg', x: 0, y: 0, width: 10, height: 10, alt: '', svg: '<svg/>' } as const;
    const items: FrameItem[] = [
      { kind: 'rect', x: 0, y: 0, width: 10, height: 10, fill: '#000000' },
      glyphs('een', 0, 10),
      glyphs('twee', 0, 20),
      { kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, color: '#000000', widthPt: 1 },
      glyphs('drie', 0, 30),
      glyphs('link', 0, 40, { link: 'https://example.org/' }),
      { kind: 'link', x: 0, y: 0, width: 10, height: 10, url: 'https://example.org/' },
      svg,
      svg,
      { kind: 'anchor', name: 'a', y: 0 },
      glyphs('vier', 0, 50),
    ];
    const e = (id: number): DrawEvent => ['glyph', 'F1', id, 500, [65]];
    const records = new Map<number, readonly DrawEvent[] | undefined>([
      [1, [['font', 'F1'], e(1)]],
      [2, [e(2)]],
      [4, []],
      [7, [['gs', 0.5, undefined]]],
      [8, undefined], // an SVG whose drawing could not be recorded
      [10, [e(3)]],
    ]);
    expect(partSteps(items, records)).toEqual([[['font', 'F1'], e(1), e(2)], 5, 6, [['gs', 0.5, undefined]], 8, 9, [e(3)]]);
    // the linked run with its record: a step of its own, in its place
    const run = { run: 5, rect: [0, 30, 20, 12] as const, before: [['font', 'F2'] as DrawEvent], after: [e(4)] };
    expect(partSteps(items, records, new Map([[5, run]]))).toEqual([[['font', 'F1'], e(1), e(2)], run, 6, [['gs', 0.5, undefined]], 8, 9, [e(3)]]);
  });

  test('a cached part shapes none of its runs again, linked ones included, and draws the same link annotations', async () => {
    const pages = [samplePage(), page([glyphs('Tweede pagina', 62, 200), glyphs('ind.nl/asiel', 62, 220, { link: 'https://ind.nl/asiel' })], 2)];
    const shaped: string[] = [];
    const shape: ShapeFn = (t, k, f) => (shaped.push(t), fonts.shape!(t, k, f));
    const entries = new Map<string, CachedPage>();
    const write = (cache?: Map<string, CachedPage>) => writePdf(doc(pages), { svgFontKey: () => 'sans', shape, ...(cache && { pageCache: { entries: cache, scope: 'shape-count' } }) });
    const off = Buffer.from(await write());
    expect(Buffer.from(await write(entries)).equals(off)).toBe(true);
    const linked = [...entries.values()].flatMap((c) => c.steps ?? []).filter((s) => typeof s === 'object' && !Array.isArray(s));
    expect(linked).toHaveLength(2); // 'ind.nl' on the sample page, 'ind.nl/asiel' here
    shaped.length = 0;
    const warm = Buffer.from(await write(entries));
    // the sample page's SVG text is replayed too: nothing of the document is shaped
    expect(shaped).toEqual([]);
    expect(warm.equals(off)).toBe(true);
    expect(warm.toString('latin1')).toContain('/URI (https://ind.nl/asiel)');
  });

  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: a document from cached parts, replayed by steps or walked, has the bytes of one without the cache`, async () => {
      const pages = [samplePage(), page([glyphs('Tweede pagina', 62, 200), glyphs('ind.nl', 62, 220, { link: 'https://ind.nl/' })], 2)];
      const off = Buffer.from(await writePages(pages, variant, 'steps'));
      const entries = new Map<string, CachedPage>();
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
      // the sample page's box (item 0) and rule (item 4) are no step of its part
      const steps = [...entries.values()][0]!.steps!;
      expect(steps.length).toBeGreaterThan(0);
      expect(steps).not.toContain(0);
      expect(steps).not.toContain(4);
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
      // entries without steps are walked item by item, with the same result
      for (const [k, v] of entries) entries.set(k, { stream: v.stream, svg: v.svg });
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
    });
  }
});

describe('stream keys remembered (pageStreams.ts streamKeyOf)', () => {
  const size = { widthPt: 595, heightPt: 842 };
  const cache = (scope: string, streamKeys?: Map<string, Map<string, string>>): PageStreamCache => ({ entries: new Map(), scope, ...(streamKeys && { streamKeys }) });
  test('the key pageStreamKey gives, and another key for each input changed', () => {
    const memo = new Map<string, Map<string, string>>();
    const args = [size, 'content', '[[0,1,["P",0]]]', 'screen\u0000true/false'] as const;
    const direct = (s: string, a: readonly [typeof size, string, string, string]) => pageStreamKey(a[0], a[1], a[2], `${s}\u0000${a[3]}`);
    const variants: [string, readonly [typeof size, string, string, string]][] = [
      ['fonts@1', args],
      ['fonts@2', args],
      ['fonts@1', [{ widthPt: 595, heightPt: 841 }, args[1], args[2], args[3]]],
      ['fonts@1', [size, 'other content', args[2], args[3]]],
      ['fonts@1', [size, args[1], '[[0,1,["P",1]]]', args[3]]],
      ['fonts@1', [size, args[1], args[2], 'print\u0000true/false']],
    ];
    const keys = variants.map(([s, a]) => {
      const k = streamKeyOf(cache(s, memo), ...a);
      expect(k).toBe(direct(s, a));
      expect(streamKeyOf(cache(s), ...a)).toBe(k);
      return k;
    });
    expect(new Set(keys).size).toBe(variants.length);
    // asked again, each comes from the memo, still the same
    variants.forEach(([s, a], i) => expect(streamKeyOf(cache(s, memo), ...a)).toBe(keys[i]));
  });
});
