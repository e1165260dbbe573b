/**
 * One hash per laid-out page, from its size, number, master and the content keys of its parts (pdf/partKeys.ts:
 * items and the SVG of the charts on it), so a rebuild can say which pages changed and the preview reloads only
 * those. Hashing the model is cheaper than comparing rendered pages and needs no PDF parsing; given the session's
 * part keys (the same the PDF stage just used), an unchanged part costs a lookup, not a serialisation.
 */
import { createHash } from 'node:crypto';
import type { PagedDocument } from '../model/types.ts';
import { createPartKeys, type PartKeyFn } from '../pdf/partKeys.ts';
import { pageParts } from '../pdf/structure.ts';

/** Hashes of each page, in order: equal hashes mean the page draws the same. */
export function pageHashes(doc: PagedDocument, chartSvg: (id: string) => string | undefined, partKey: PartKeyFn = createPartKeys({ chartSvg })): string[] {
  return doc.pages.map((page) => {
    const h = createHash('sha1');
    h.update(`${page.widthPt}x${page.heightPt}|${page.number}|${page.master}\n`);
    for (const [from, to] of pageParts(page)) h.update(partKey(page.items.slice(from, to), { page, from, to })).update('\n');
    return h.digest('hex').slice(0, 16);
  });
}

/** 1-based numbers of the pages of `next` that differ from `prev` (at the same index, or are new). */
export function changedPages(prev: readonly string[] | undefined, next: readonly string[]): number[] {
  return next.flatMap((h, i) => (prev?.[i] === h ? [] : [i + 1]));
}
