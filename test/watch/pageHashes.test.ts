/**
 * The watch loop's page hashes (watch/pageHashes.ts): a page's hash changes with any drawn input of the page (its
 * items, the SVG of a chart on it, its number) and only that page's; with the session's part-key memo the hashes are
 * the same as without it, also after a chart's SVG changed under the same item object.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page, PagedDocument } from '../../src/model/types.ts';
import { changedPages, pageHashes } from '../../src/watch/pageHashes.ts';
import { createPartKeys, type PartKeyMemo } from '../../src/pdf/partKeys.ts';
import { doc, glyphs, page } from '../pdf/fixture.ts';

const chart: FrameItem = { kind: 'chart', x: 62, y: 300, width: 100, height: 60, chartId: 'c1', alt: 'grafiek' };
const pageOf = (items: FrameItem[], n: number): Page => ({ ...page(items, n), furniture: { head: 1, foot: 1 } });
const pagesOf = (second = 'Tweede pagina', firstNumber = 1): Page[] => [
  pageOf([glyphs('Kop', 62, 40), glyphs('Het jaar 2020', 62, 200), chart, glyphs('1', 300, 800)], firstNumber),
  pageOf([glyphs('Kop', 62, 40), glyphs(second, 62, 200), glyphs('2', 300, 800)], 2),
];
const make = (): PagedDocument => doc(pagesOf());

describe('page hashes', () => {
  test('change on the page whose items, chart SVG or number changed, and on no other', () => {
    const svg = (s: string) => () => s;
    const h = pageHashes(make(), svg('<svg>a</svg>'));
    expect(changedPages(h, pageHashes(make(), svg('<svg>a</svg>')))).toEqual([]);
    expect(changedPages(h, pageHashes(make(), svg('<svg>b</svg>')))).toEqual([1]);
    expect(changedPages(h, pageHashes(doc(pagesOf('Tweede pagina!')), svg('<svg>a</svg>')))).toEqual([2]);
    expect(changedPages(h, pageHashes(doc(pagesOf(undefined, 3)), svg('<svg>a</svg>')))).toEqual([1]);
  });

  test('the same with the session memo as without, for the same objects and after their chart changed', () => {
    const memo: PartKeyMemo = new WeakMap();
    let s = '<svg>a</svg>';
    const chartSvg = () => s;
    const d = make();
    const withMemo = () => pageHashes(d, chartSvg, createPartKeys({ memo, chartSvg }));
    expect(withMemo()).toEqual(pageHashes(make(), chartSvg));
    expect(withMemo()).toEqual(pageHashes(make(), chartSvg));
    s = '<svg>b</svg>';
    expect(withMemo()).toEqual(pageHashes(make(), chartSvg));
  });
});
