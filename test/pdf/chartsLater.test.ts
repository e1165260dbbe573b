/**
 * A PDF started before its charts are in (writePdf's chartsLater, cli/build.ts during a figures edit): the pages
 * before the first page with a chart are drawn while the charts are still coming (read from onPage's calls before
 * the charts' promise resolves), and the file is byte for byte the one written with the charts given at the start,
 * with and without a page cache; charts that fail reject the document.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { writePdf, type PdfOptions } from '../../src/pdf/writePdf.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { doc, glyphs, page } from './fixture.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"><rect width="100" height="60" fill="#dce6f0"/><text x="4" y="30" font-family="Source Sans 3" fill="#154273">Instroom 2020</text></svg>';
const chart: FrameItem = { kind: 'chart', x: 62, y: 300, width: 100, height: 60, chartId: 'c1', alt: 'grafiek' };
const pages = (): Page[] => [page([glyphs('Voorwoord', 62, 200)], 1), page([glyphs('Inleiding', 62, 200)], 2), page([glyphs('Bij de grafiek', 62, 200), chart], 3), page([glyphs('Slot', 62, 200)], 4)];
const CHARTS = new Map([['c1', { svg: SVG }]]);

const store = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
const options = (extra: Partial<PdfOptions>, cached: boolean): PdfOptions => ({
  svgFontKey: () => 'sans',
  shape: (t, k, f) => store.shape!(t, k, f),
  ...(cached && { pageCache: { entries: new Map(), scope: 's', itemJson: new WeakMap(), partKeys: new WeakMap() } }),
  ...extra,
});

describe('charts given later', () => {
  for (const cached of [false, true]) {
    test(`pages before the first chart are drawn meanwhile, and the bytes are the same (page cache: ${cached})`, async () => {
      const drawn: number[] = [];
      let resolve!: (m: typeof CHARTS) => void;
      const later = new Promise<typeof CHARTS>((r) => (resolve = r));
      const out = writePdf(doc(pages()), options({ chartsLater: later, onPage: (n) => drawn.push(n) }, cached));
      // writePdf ran up to the page with the chart before returning, and waits there
      expect(drawn).toEqual([1, 2]);
      await Promise.resolve();
      expect(drawn).toEqual([1, 2]);
      resolve(CHARTS);
      const got = Buffer.from(await out);
      expect(drawn).toEqual([1, 2, 3, 4]);
      const given = Buffer.from(await writePdf(doc(pages()), options({ charts: CHARTS }, cached)));
      expect(got.equals(given)).toBe(true);
      // the chart is in the file: another SVG gives other bytes
      const other = new Map([['c1', { svg: SVG.replace('#dce6f0', '#154273') }]]);
      expect(Buffer.from(await writePdf(doc(pages()), options({ charts: other }, cached))).equals(given)).toBe(false);
    });
  }

  test('charts that fail reject the document', async () => {
    await expect(writePdf(doc(pages()), options({ chartsLater: Promise.reject(new Error('vega failed')) }, true))).rejects.toThrow('vega failed');
  });
});
