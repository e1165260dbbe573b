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
import type { FrameItem } from '../model/types.ts';
import { createItemJson, type ItemJson } from './itemJson.ts';

/** A part's content key: hex SHA-256 of its items' JSON and its charts' SVGs. */
export type PartKeyFn = (items: readonly FrameItem[]) => string;

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
}

/** The hash of a part's items and chart SVGs, computed. */
export function hashPart(items: readonly FrameItem[], chartSvg: (id: string) => string | undefined, itemJson: ItemJson = createItemJson()): string {
  const h = createHash('sha256');
  for (const item of items) {
    h.update(itemJson(item));
    // the SVG with its length, after a character no item's JSON holds unescaped: no two parts hash the same text
    if (item.kind === 'chart') {
      const svg = chartSvg(item.chartId);
      h.update(svg === undefined ? '\u0001-' : `\u0001${svg.length}\u0001`).update(svg ?? '');
    }
    h.update('\n');
  }
  return h.digest('hex');
}

/** A part-key function for one document: remembered in `memo` by item identity, hashed otherwise. */
export function createPartKeys(o: PartKeyOptions): PartKeyFn {
  const itemJson = o.itemJson ?? createItemJson();
  const { memo, chartSvg } = o;
  return (items) => {
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
}
