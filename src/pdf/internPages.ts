/**
 * Pages and items of a watch rebuild made equal to the previous build's where they are equal (a kept session only:
 * build context `internedPages`). Layout lays out the edited section's pages anew, so a one-paragraph edit brings
 * ≈ 200 new item objects of which one or two differ from the previous build's; everything the PDF stage keeps by
 * item identity (part keys, items' JSON: partKeys.ts, itemJson.ts) then serialised and hashed all of them again.
 * A new page is compared with the previous build's page at the same index, item by item at the same index: an item
 * equal in every value (same keys in the same order, numbers by Object.is, so -0 is not 0 and JSON and the drawn
 * numbers are the same) is replaced by the previous object, and a page equal in everything by the previous page.
 * An item holds plain data only, so an equal object is indistinguishable from it: the output cannot change.
 * A page once mapped keeps its mapping (`alias`): a page a later rebuild takes from layout's caches costs a lookup.
 */
import type { FrameItem, Page, PagedDocument } from '../model/types.ts';

/** What a session keeps between rebuilds. */
export interface InternMemo {
  /** The pages of the last document handed on. */
  last?: readonly Page[];
  /** Layout's page object → the page object handed on for it (equal in every value). */
  readonly alias: WeakMap<Page, Page>;
}

/** An empty memo (the build context keeps one per session). */
export function createInternMemo(): InternMemo {
  return { alias: new WeakMap() };
}

/**
 * The document with every page and item that equals the previous build's (at the same index) replaced by it.
 * `carry(from, to)`: called when a new page object `to` is made for layout's `from`, so what is kept by page
 * identity (layout's part keys) follows it.
 */
export function internPages(doc: PagedDocument, memo: InternMemo, carry?: (from: Page, to: Page) => void): PagedDocument {
  const last = memo.last;
  let changed = false;
  const pages = doc.pages.map((page, k) => {
    const known = memo.alias.get(page);
    const out = known ?? internPage(page, last?.[k], carry);
    if (!known && out !== page) memo.alias.set(page, out);
    if (out !== page) changed = true;
    return out;
  });
  memo.last = pages;
  return changed ? { ...doc, pages } : doc;
}

/** `page` with the items equal to `prev`'s at the same index taken from it; `prev` itself when all of it is equal. */
function internPage(page: Page, prev: Page | undefined, carry?: (from: Page, to: Page) => void): Page {
  if (!prev || prev === page) return page;
  let items: FrameItem[] | undefined;
  const n = page.items.length;
  let all = n === prev.items.length;
  for (let i = 0; i < n; i++) {
    const it = page.items[i]!;
    const old = prev.items[i];
    if (old === it) continue;
    if (old === undefined || !same(it, old)) {
      all = false;
      continue;
    }
    (items ??= [...page.items])[i] = old;
  }
  if (all && sameExceptItems(page, prev)) return prev;
  if (!items) return page;
  const out = { ...page, items };
  carry?.(page, out);
  return out;
}

/** The pages' other values (size, number, master, text area, furniture) are equal, keys in the same order. */
function sameExceptItems(a: Page, b: Page): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (k !== 'items' && !same((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Equal in every value: primitives by Object.is, arrays element by element, plain objects key by key in the same
 * order, bytes by content. Anything else (a class instance, a function) only when it is the same object.
 */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.constructor === b.constructor && Buffer.compare(a, b) === 0;
  }
  const pa = Object.getPrototypeOf(a);
  if ((pa !== Object.prototype && pa !== null) || Object.getPrototypeOf(b) !== pa || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
