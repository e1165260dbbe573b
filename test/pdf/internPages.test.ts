/**
 * Pages and items handed on between watch rebuilds (pdf/internPages.ts). Oracles: hand-made pages whose items are
 * deep copies (structuredClone: equal values, other objects) or differ in one value; equality read back as JSON.
 */
import { describe, expect, test } from 'vitest';
import type { Page, PagedDocument } from '../../src/model/types.ts';
import { createInternMemo, internPages, same } from '../../src/pdf/internPages.ts';
import { doc, glyphs, page } from './fixture.ts';

const clone = <T>(v: T): T => structuredClone(v);

describe('same (every value equal)', () => {
  test('plain data by value, keys in order, numbers by Object.is, bytes by content', () => {
    expect(same({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] })).toBe(true);
    expect(same({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false); // JSON would differ
    expect(same({ a: 0 }, { a: -0 })).toBe(false);
    expect(same({ a: NaN }, { a: NaN })).toBe(true);
    expect(same({ a: undefined }, {})).toBe(false);
    expect(same([1, 2], [1, 2, 3])).toBe(false);
    expect(same([1], { 0: 1 })).toBe(false);
    expect(same(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(same(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(same(new Map(), new Map())).toBe(false); // not plain data: only the same object
  });
});

describe('internPages', () => {
  const first = (): PagedDocument => doc([page([glyphs('een', 62, 100), glyphs('twee', 62, 120)], 1), page([glyphs('drie', 62, 100)], 2)]);

  test('an equal page is the previous page object; an equal item in a changed page is the previous item', () => {
    const memo = createInternMemo();
    const a = first();
    expect(internPages(a, memo)).toBe(a); // nothing before it
    const b = clone(a);
    const edited: Page = { ...b.pages[0]!, items: [b.pages[0]!.items[0]!, glyphs('tweede', 62, 120)] };
    const out = internPages({ ...b, pages: [edited, b.pages[1]!] }, memo);
    expect(out.pages[1]).toBe(a.pages[1]);
    expect(out.pages[0]).not.toBe(a.pages[0]);
    expect(out.pages[0]!.items[0]).toBe(a.pages[0]!.items[0]);
    expect(out.pages[0]!.items[1]).toBe(edited.items[1]);
    // what is drawn is exactly the new document's
    expect(JSON.stringify(out)).toBe(JSON.stringify({ ...b, pages: [edited, b.pages[1]!] }));
  });

  test('a page whose number, size or item count changed is not the previous page', () => {
    const memo = createInternMemo();
    const a = first();
    internPages(a, memo);
    const renumbered = clone(a);
    (renumbered.pages[1] as { number: number }).number = 3;
    const out = internPages(renumbered, memo);
    expect(out.pages[1]).not.toBe(a.pages[1]);
    expect(out.pages[1]!.number).toBe(3);
    expect(out.pages[1]!.items[0]).toBe(a.pages[1]!.items[0]); // its item is still equal
    const longer = clone(renumbered);
    (longer.pages[1]!.items as unknown[]).push(glyphs('vier', 62, 140));
    const out2 = internPages(longer, memo);
    expect(out2.pages[1]).not.toBe(out.pages[1]);
    expect(out2.pages[1]!.items).toHaveLength(2);
  });

  test('a layout page met again is handed on as before without comparing; `carry` hears of every new page', () => {
    const memo = createInternMemo();
    const a = first();
    internPages(a, memo);
    const b = clone(a);
    const edited: Page = { ...b.pages[0]!, items: [b.pages[0]!.items[0]!, glyphs('anders', 62, 120)] };
    const carried: [Page, Page][] = [];
    const out = internPages({ ...b, pages: [edited, b.pages[1]!] }, memo, (from, to) => carried.push([from, to]));
    expect(carried).toEqual([[edited, out.pages[0]]]);
    // the same layout objects once more (a section taken from layout's caches): the same pages handed on
    const again = internPages({ ...b, pages: [edited, b.pages[1]!] }, memo);
    expect(again.pages[0]).toBe(out.pages[0]);
    expect(again.pages[1]).toBe(a.pages[1]);
  });
});
