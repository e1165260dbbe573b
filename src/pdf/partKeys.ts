/**
 * Content keys of page parts (running heads, content, foot: drawPage.ts): one hash per part of what it draws (each
 * item's JSON without source positions, itemJson.ts, and the SVG of each chart on it). One key serves three uses,
 * so a rebuild hashes a part at most once: the page-stream cache key (pageStreams.ts pageStreamKey adds marks,
 * page size and the document's scope to it), the document ID (documentId.ts) and the watch loop's page hashes
 * (watch/pageHashes.ts).
 *
 * A session (watch) keeps the keys by the identity of the part's items (`PartKeyMemo`, owned by the build context):
 * items are immutable plain data, and a section taken from the section cache brings the same item objects to the
 * next build, so the same objects in the same order have the same key. A lookup compares the items one by one by
 * identity, far cheaper than serialising and hashing them. A chart item stays the same object when only its SVG
 * changed, so the SVGs the key was made with are kept with it and compared too.
 */
import { createHash } from 'node:crypto';
import type { FrameItem, Page } from '../model/types.ts';
import { createItemJson, type ItemJson } from './itemJson.ts';

/** A part's content key: hex SHA-256 of its items' JSON and its charts' SVGs; `at`: the page and range they are. */
export type PartKeyFn = (items: readonly FrameItem[], at?: PartAt) => string;

/** Where a part lies: its page and its items' range there (structure.ts pageParts). */
export interface PartAt {
  readonly page: Page;
  readonly from: number;
  readonly to: number;
}

/**
 * Keys layout noted for a finished page's parts (head furniture, content, foot furniture: flow/sectionCache.ts
 * notePage), each describing all of the part's items, and the hash found for each such key before (kept on disk):
 * a next build's parts, read back from the layout pack, are not serialised and hashed again.
 */
export interface TrustedPartKeys {
  readonly pages: WeakMap<object, readonly (string | undefined)[]>;
  readonly hashes: Map<string, string>;
  /** Collects the keys this build used (what a disk pack keeps). */
  readonly used?: Set<string>;
}

/** Remembered keys, by the part's first item. */
export type PartKeyMemo = WeakMap<object, { readonly items: readonly FrameItem[]; readonly key: string; readonly svgs: readonly (string | undefined)[] }>;

/** What a part's key is made from besides its items. */
export interface PartKeyOptions {
  /** The session's memo (build context `partKeys`); without it every part is hashed. */
  readonly memo?: PartKeyMemo;
  /** Each item's JSON (the session's memo of it, itemJson.ts). */
  readonly itemJson?: ItemJson;
  /** A chart's rendered SVG by chart id. */
  readonly chartSvg: (id: string) => string | undefined;
  /** Layout's keys for page parts and the hashes found for them; none: every part is hashed (or remembered in memo). */
  readonly trusted?: TrustedPartKeys;
}

/** The hash of a part's items and chart SVGs, computed. */
export function hashPart(items: readonly FrameItem[], chartSvg: (id: string) => string | undefined, itemJson: ItemJson = createItemJson()): string {
  // one update of the whole text, not two or four per item: the same bytes hashed (every piece joins the next at an
  // ASCII character, so no surrogate pair forms across a seam), without a call into the hash per piece (the 10× document
  // ID made ~30 000 of them)
  let text = '';
  for (const item of items) {
    text += itemJson(item);
    // the SVG with its length, after a character no item's JSON holds unescaped: no two parts hash the same text
    if (item.kind === 'chart') {
      const svg = chartSvg(item.chartId);
      text += svg === undefined ? '\u0001-' : `\u0001${svg.length}\u0001${svg}`;
    }
    text += '\n';
  }
  return createHash('sha256').update(text).digest('hex');
}

/** Most layout-key hashes kept: every part of a few versions of a 10× report (a disk pack keeps only the used ones). */
export const MAX_TRUSTED = 20000;

/** A part-key function for one document: remembered in `memo` by item identity, hashed otherwise. */
export function createPartKeys(o: PartKeyOptions): PartKeyFn {
  const itemJson = o.itemJson ?? createItemJson();
  const { memo, chartSvg, trusted } = o;
  const keyed: PartKeyFn = (items, at) => {
    // a part with a chart is hashed: its key holds the SVG, which layout's key does not describe
    const t = trusted && at && items.every((it) => it.kind !== 'chart') ? layoutKey(trusted, at) : undefined;
    if (t === undefined) return identified(items);
    trusted!.used?.add(t);
    let h = trusted!.hashes.get(t);
    if (h === undefined) {
      trusted!.hashes.set(t, (h = identified(items)));
      // a watch session without a cache folder keeps these in memory only: bounded, the oldest dropped first
      for (const old of trusted!.hashes.keys()) {
        if (trusted!.hashes.size <= MAX_TRUSTED) break;
        trusted!.hashes.delete(old);
      }
    }
    return h;
  };
  const identified = (items: readonly FrameItem[]): string => {
    const first = items[0];
    if (!memo || !first) return hashPart(items, chartSvg, itemJson);
    const svgs: (string | undefined)[] = [];
    for (const it of items) if (it.kind === 'chart') svgs.push(chartSvg(it.chartId));
    const m = memo.get(first);
    // SVGs compare as strings: the same string object (the chart cache's) at once, a changed chart by content
    if (m && m.items.length === items.length && m.svgs.length === svgs.length && m.items.every((it, i) => it === items[i]) && m.svgs.every((s, i) => s === svgs[i])) return m.key;
    const key = hashPart(items, chartSvg, itemJson);
    memo.set(first, { items: [...items], key, svgs });
    return key;
  };
  return keyed;
}

/** The key layout noted for the part of `at.page` from `at.from` to `at.to`, if that range is one of its parts. */
function layoutKey(trusted: TrustedPartKeys, { page, from, to }: PartAt): string | undefined {
  const keys = trusted.pages.get(page);
  if (!keys) return undefined;
  const n = page.items.length;
  const head = page.furniture?.head ?? 0;
  const foot = page.furniture?.foot ?? 0;
  if (head > 0 && from === 0 && to === head) return keys[0];
  if (foot > 0 && from === n - foot && to === n) return keys[2];
  return from === head && to === n - foot ? keys[1] : undefined;
}
