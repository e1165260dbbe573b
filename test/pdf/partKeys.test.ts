/**
 * Part content keys (pdf/partKeys.ts) and what is made from them: a key follows every drawn input of a part (each
 * item's fields, item order, a chart's SVG) and ignores source positions; a session's memo gives it again for the
 * same item objects without serialising them, and hashes again for other objects or another chart SVG; the page
 * stream key (pageStreams.ts) adds marks, page size and scope, not the page number; the document ID changes with
 * any drawn content, a chart's SVG included, and is the same with and without the session's memo.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { createPartKeys, hashPart, MAX_TRUSTED, type PartKeyMemo, type TrustedPartKeys } from '../../src/pdf/partKeys.ts';
import { pageParts } from '../../src/pdf/structure.ts';
import { pageStreamKey } from '../../src/pdf/pageStreams.ts';
import { createItemJson } from '../../src/pdf/itemJson.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { PdfObjects } from '../helpers/pdfObjects.ts';
import { doc, glyphs, page } from './fixture.ts';

const chart: FrameItem = { kind: 'chart', x: 62, y: 300, width: 100, height: 60, chartId: 'c1', alt: 'grafiek' };
const base = [glyphs('Het jaar 2020', 62, 200), chart];
const key = (items: readonly FrameItem[], svg = '<svg/>') => hashPart(items, () => svg);

describe('part content key', () => {
  test('changes with every drawn input of the part', () => {
    const k = key(base);
    const changed: [string, string][] = [
      ['text', key([glyphs('Het jaar 2021', 62, 200), chart])],
      ['position', key([glyphs('Het jaar 2020', 62.5, 200), chart])],
      ['size', key([glyphs('Het jaar 2020', 62, 200, { sizePt: 11 }), chart])],
      ['colour', key([glyphs('Het jaar 2020', 62, 200, { color: '#154273' }), chart])],
      ['word spacing', key([glyphs('Het jaar 2020', 62, 200, { wordSpacingPt: 0.4 }), chart])],
      ['item order', key([chart, glyphs('Het jaar 2020', 62, 200)])],
      ['chart SVG', key(base, '<svg><rect/></svg>')],
      ['one item less', key(base.slice(0, 1))],
    ];
    for (const [input, other] of changed) expect(other, input).not.toBe(k);
    expect(new Set(changed.map((c) => c[1])).size).toBe(changed.length);
  });

  test('ignores source positions, which are not drawn', () => {
    const moved = [glyphs('Het jaar 2020', 62, 200, { source: { file: 'sections/a.yaml', line: 9, column: 3 } }), chart];
    expect(key(moved)).toBe(key(base));
  });

  test('the same item objects get their key again without serialising; other objects or another SVG are hashed', () => {
    const memo: PartKeyMemo = new WeakMap();
    let serialised = 0;
    const json = createItemJson();
    const itemJson = (it: FrameItem) => (serialised++, json(it));
    let svg = '<svg>a</svg>';
    const partKey = createPartKeys({ memo, itemJson, chartSvg: () => svg });
    const items = [glyphs('Het jaar 2020', 62, 200), glyphs('Tweede regel', 62, 214)];
    const k = partKey(items);
    expect(k).toBe(key(items));
    expect(serialised).toBe(2);
    expect(partKey([...items])).toBe(k);
    expect(serialised).toBe(2);
    // the same first item with another one after it: hashed, another key
    const changed = [items[0]!, glyphs('Andere regel', 62, 214)];
    expect(partKey(changed)).not.toBe(k);
    expect(serialised).toBe(4);
    // equal content in new objects: hashed again, the same key
    expect(partKey(structuredClone(items))).toBe(k);
    expect(serialised).toBe(6);
    // a chart item keeps its object while its SVG changes: remembered with its SVG, hashed again when it changes
    const withChart = [...items, chart];
    const kc = partKey(withChart);
    expect(kc).toBe(key(withChart, svg));
    const before = serialised;
    svg = '<svg>' + 'a</svg>'; // equal text in another string
    expect(partKey(withChart)).toBe(kc);
    expect(serialised).toBe(before);
    svg = '<svg>b</svg>';
    expect(partKey(withChart)).toBe(key(withChart, svg));
    expect(partKey(withChart)).not.toBe(kc);
  });
});

describe('page stream key', () => {
  const p = page([...base], 4);
  const k = pageStreamKey(p, key(base), '[]', 'fonts@1');

  test('changes with the content key, marks, page size and scope', () => {
    const others = [
      pageStreamKey(p, key(base, '<svg><rect/></svg>'), '[]', 'fonts@1'),
      pageStreamKey(p, key(base), '[[0,1,["P",0]]]', 'fonts@1'),
      pageStreamKey({ ...p, heightPt: p.heightPt + 1 }, key(base), '[]', 'fonts@1'),
      pageStreamKey(p, key(base), '[]', 'fonts@2'),
    ];
    for (const o of others) expect(o).not.toBe(k);
    expect(new Set(others).size).toBe(others.length);
  });

  test('ignores the page number and master: the folio is drawn in a stream of its own', () => {
    const renumbered: Page = { ...p, number: 5, master: 'opener' };
    expect(pageStreamKey(renumbered, key(base), '[]', 'fonts@1')).toBe(k);
  });
});

describe('document ID', () => {
  const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
  const svgOf = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"><rect width="100" height="60" fill="${fill}"/></svg>`;
  const write = (pages: Page[], svg: string, partKeys?: PartKeyMemo) =>
    writePdf(doc(pages), {
      svgFontKey: () => 'sans',
      shape: (t, k, f) => fonts.shape!(t, k, f),
      charts: new Map([['c1', { svg }]]),
      ...(partKeys && { pageCache: { entries: new Map(), scope: 'fonts@1', partKeys } }),
    });
  const id = (b: Uint8Array) => JSON.stringify(new PdfObjects(b).trailer['/ID']);
  const pages = () => [page([glyphs('Het jaar 2020', 62, 200), chart], 1), page([glyphs('Tweede pagina', 62, 200)], 2)];

  test('changes when a chart SVG changes, though its item stays the same', async () => {
    const a = await write(pages(), svgOf('#154273'));
    const b = await write(pages(), svgOf('#9fb3c8'));
    expect(id(b)).not.toBe(id(a));
  });

  test('changes when the text of any page changes; equal with and without the session memo', async () => {
    const a = await write(pages(), svgOf('#154273'));
    const edited = pages();
    edited[1] = page([glyphs('Tweede pagina!', 62, 200)], 2);
    const b = await write(edited, svgOf('#154273'));
    expect(id(b)).not.toBe(id(a));
    const memo: PartKeyMemo = new WeakMap();
    const same = pages();
    expect(Buffer.from(await write(same, svgOf('#154273'), memo)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(await write(same, svgOf('#154273'), memo)).equals(Buffer.from(a))).toBe(true);
    // the same item objects with another chart SVG: the memo does not keep the old ID
    expect(id(await write(same, svgOf('#9fb3c8'), memo))).toBe(id(await write(pages(), svgOf('#9fb3c8'))));
  });
});

describe("layout's part keys (TrustedPartKeys)", () => {
  // a page of head furniture, two content items and foot furniture
  const furnished = (): Page => ({ ...page([glyphs('Asiel', 62, 40), glyphs('Het jaar', 62, 200), glyphs('2020', 62, 220), glyphs('3', 300, 800)]), furniture: { head: 1, foot: 1 } });
  const at = (p: Page) => pageParts(p).map(([from, to]) => ({ items: p.items.slice(from, to), at: { page: p, from, to } }));

  test("a part with a noted key gets the hash found for that key before, else its items' hash, kept under the key", () => {
    const p = furnished();
    const trusted: TrustedPartKeys = { pages: new WeakMap([[p, ['kh', 'kb', 'kf']]]), hashes: new Map(), used: new Set() };
    const keyed = createPartKeys({ chartSvg: () => undefined, trusted });
    const parts = at(p);
    expect(parts.length).toBe(3);
    // first time: the items' own hash, the same as without layout's keys, kept under each part's key
    for (const { items, at: a } of parts) expect(keyed(items, a)).toBe(hashPart(items, () => undefined));
    expect([...trusted.hashes.keys()]).toEqual(['kh', 'kb', 'kf']);
    expect([...trusted.used!]).toEqual(['kh', 'kb', 'kf']);
    // a next build (its items read back from the layout pack) takes the kept hash: the items are not hashed
    const next = createPartKeys({ chartSvg: () => undefined, trusted: { pages: trusted.pages, hashes: new Map([['kh', 'H'], ['kb', 'B'], ['kf', 'F']]) } });
    expect(parts.map(({ items, at: a }) => next(items, a))).toEqual(['H', 'B', 'F']);
    // without a place, on a page layout noted nothing for, or for a range that is not one of its parts: hashed
    expect(next(parts[1]!.items)).toBe(hashPart(parts[1]!.items, () => undefined));
    const other = furnished();
    expect(next(other.items.slice(1, 3), { page: other, from: 1, to: 3 })).toBe(hashPart(other.items.slice(1, 3), () => undefined));
    expect(next(p.items.slice(1, 2), { page: p, from: 1, to: 2 })).toBe(hashPart(p.items.slice(1, 2), () => undefined));
    // a part whose key layout does not know (undefined) is hashed
    const unknown = createPartKeys({ chartSvg: () => undefined, trusted: { pages: new WeakMap([[p, [undefined, undefined, 'kf']]]), hashes: new Map([['kf', 'F']]) } });
    expect(parts.map(({ items, at: a }) => unknown(items, a))).toEqual([hashPart(parts[0]!.items, () => undefined), hashPart(parts[1]!.items, () => undefined), 'F']);
  });

  test('keeps at most MAX_TRUSTED hashes, dropping the oldest (a watch session without a cache folder stays bounded)', () => {
    const p = furnished();
    const full = new Map(Array.from({ length: MAX_TRUSTED }, (_, i) => [`old${i}`, `H${i}`] as [string, string]));
    const keyed = createPartKeys({ chartSvg: () => undefined, trusted: { pages: new WeakMap([[p, ['kh', 'kb', 'kf']]]), hashes: full } });
    for (const { items, at: a } of at(p)) keyed(items, a);
    expect(full.size).toBe(MAX_TRUSTED);
    expect(['old0', 'old1', 'old2'].some((k) => full.has(k))).toBe(false);
    expect(full.has('old3')).toBe(true);
    expect(['kh', 'kb', 'kf'].every((k) => full.has(k))).toBe(true);
  });

  test('a page without furniture is one part, its content; a part with a chart is hashed with its SVG', () => {
    const plain = page([glyphs('Omslag', 62, 200)]);
    const withChart = page([glyphs('Het jaar', 62, 200), chart]);
    const pages = new WeakMap<object, readonly (string | undefined)[]>([[plain, [undefined, 'cover', undefined]], [withChart, [undefined, 'body', undefined]]]);
    const keyed = createPartKeys({ chartSvg: () => '<svg><rect/></svg>', trusted: { pages, hashes: new Map([['cover', 'C'], ['body', 'B']]) } });
    expect(keyed(plain.items, { page: plain, from: 0, to: 1 })).toBe('C');
    // layout's key does not describe the chart's SVG
    expect(keyed(withChart.items, { page: withChart, from: 0, to: 2 })).toBe(hashPart(withChart.items, () => '<svg><rect/></svg>'));
  });
});
