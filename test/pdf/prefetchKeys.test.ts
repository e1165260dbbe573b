/**
 * Part keys found before the charts are in (pdf/prefetchKeys.ts): every part without a chart gets the key hashPart
 * computes from its items alone (a fresh serialiser, no memo: the oracle), under its first item and under layout's
 * key for it; a part with a chart gets no key (its SVG is not known yet) but its other items' JSON; and a PDF written
 * with the prefetched memos has the same bytes as one written without any cache, also after an item changed.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { hashPart, type PartKeyMemo, type TrustedPartKeys } from '../../src/pdf/partKeys.ts';
import { prefetchPartKeys } from '../../src/pdf/prefetchKeys.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { doc, glyphs, page } from './fixture.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"><rect width="100" height="60" fill="#dce6f0"/></svg>';
const chart: FrameItem = { kind: 'chart', x: 62, y: 300, width: 100, height: 60, chartId: 'c1', alt: 'grafiek' };
const head = glyphs('Jaarverslag', 62, 40);
const folio = glyphs('3', 62, 800);

/** Two pages with running furniture: one of text only, one with a chart among its text. */
function pages(text = 'Het jaar 2020'): Page[] {
  return [
    { ...page([head, glyphs(text, 62, 200), glyphs('Tweede regel', 62, 214), folio], 1), furniture: { head: 1, foot: 1 } },
    { ...page([head, glyphs('Bij de grafiek', 62, 200), chart, folio], 2), furniture: { head: 1, foot: 1 } },
  ];
}

const memos = () => ({ itemJson: new WeakMap<object, string>(), partKeys: new WeakMap() as PartKeyMemo });
const oracle = (items: readonly FrameItem[]) => hashPart(items, () => {
  throw new Error('no chart SVG is asked for');
});

const store = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
const write = (p: Page[], m?: ReturnType<typeof memos>) =>
  writePdf(doc(p), {
    svgFontKey: () => 'sans',
    shape: (t, k, f) => store.shape!(t, k, f),
    charts: new Map([['c1', { svg: SVG }]]),
    ...(m && { pageCache: { entries: new Map(), scope: 's', ...m } }),
  });

describe('prefetchPartKeys', () => {
  test('keys every part without a chart as hashPart does, and serialises the chart part’s other items only', () => {
    const p = pages();
    const m = memos();
    prefetchPartKeys(p, m);
    const [text, withChart] = p;
    for (const [from, to] of [[0, 1], [1, 3], [3, 4]] as const) {
      const items = text!.items.slice(from, to);
      expect(m.partKeys.get(items[0]!)?.key).toBe(oracle(items));
    }
    // the chart page's content part (its first item the text before the chart) is not keyed
    expect(m.partKeys.get(withChart!.items[1]!)).toBeUndefined();
    expect(m.itemJson.has(withChart!.items[1]!)).toBe(true);
    expect(m.itemJson.has(chart)).toBe(false);
  });

  test('fills layout’s trusted keys with the hashes found, and marks them used', () => {
    const p = pages();
    const trusted: TrustedPartKeys = { pages: new WeakMap([[p[0]!, ['h', 'c', 'f']]]), hashes: new Map(), used: new Set() };
    prefetchPartKeys(p, { ...memos(), trustedParts: trusted });
    expect(trusted.hashes.get('c')).toBe(oracle(p[0]!.items.slice(1, 3)));
    expect(trusted.hashes.get('h')).toBe(oracle([head]));
    expect([...trusted.used!].sort()).toEqual(['c', 'f', 'h']);
  });

  test('a PDF written with prefetched keys has the bytes of one written without a cache, also after an edit', async () => {
    const m = memos();
    const before = pages();
    prefetchPartKeys(before, m);
    expect(Buffer.from(await write(before, m)).equals(Buffer.from(await write(pages())))).toBe(true);
    // the next build's text changed: new item objects, prefetched again into the same memos
    const after = pages('Het jaar 2021');
    prefetchPartKeys(after, m);
    const cold = await write(pages('Het jaar 2021'));
    expect(Buffer.from(await write(after, m)).equals(Buffer.from(cold))).toBe(true);
    expect(Buffer.from(cold).equals(Buffer.from(await write(pages())))).toBe(false);
  });
});
