/**
 * One hash per laid-out page, from its items (and the SVG of the charts on it), so a rebuild can say which pages
 * changed and the preview reloads only those. Hashing the model is cheaper than comparing rendered pages and
 * needs no PDF parsing.
 */
import { createHash } from 'node:crypto';
import type { PagedDocument } from '../model/types.ts';
import { createItemJson, type ItemJson } from '../pdf/itemJson.ts';

/**
 * Hashes of each page, in order: equal hashes mean the page draws the same. Items are serialised by `itemJson`
 * (pdf/itemJson.ts: no source positions, bytes as their hash); given the session's, an item the section cache
 * kept is serialised once per session, not on every rebuild (this was ≈ 25 ms of a one-paragraph rebuild).
 */
export function pageHashes(doc: PagedDocument, chartSvg: (id: string) => string | undefined, itemJson: ItemJson = createItemJson()): string[] {
  return doc.pages.map((page) => {
    const h = createHash('sha1');
    h.update(`${page.widthPt}x${page.heightPt}|${page.number}|${page.master}\n`);
    for (const item of page.items) {
      h.update(itemJson(item));
      if (item.kind === 'chart') h.update(chartSvg(item.chartId) ?? '');
      h.update('\n');
    }
    return h.digest('hex').slice(0, 16);
  });
}

/** 1-based numbers of the pages of `next` that differ from `prev` (at the same index, or are new). */
export function changedPages(prev: readonly string[] | undefined, next: readonly string[]): number[] {
  return next.flatMap((h, i) => (prev?.[i] === h ? [] : [i + 1]));
}
