/**
 * A drawn item as the document ID and the page-stream cache hash it: JSON without source positions (they name
 * where the content folder lies, which is not drawn) and with image bytes as their hash (not as arrays of numbers).
 * Serialising every item of every page was about 70 ms of a rebuild, so the JSON is kept per item object in a
 * WeakMap the build context owns: items of a section taken from the section cache are the same objects in the next
 * build and are serialised once per session.
 */
import { createHash } from 'node:crypto';
import type { FrameItem, Page } from '../model/types.ts';

/** The JSON of one item. */
export type ItemJson = (item: FrameItem) => string;

const replacer = (k: string, v: unknown): unknown => (k === 'source' ? undefined : v instanceof Uint8Array ? createHash('sha256').update(v).digest('hex') : v);

/** An item serialiser, remembering each item's JSON in `memo` when given. */
export function createItemJson(memo?: WeakMap<object, string>): ItemJson {
  return (item) => {
    let j = memo?.get(item);
    if (j === undefined) {
      // without a replacer function (called for every value, several times slower) where nothing holds bytes: the
      // same text, since only an item's own `source` is left out
      if (item.kind === 'image') j = JSON.stringify(item, replacer);
      else {
        const { source: _source, ...drawn } = item as FrameItem & { source?: unknown };
        j = JSON.stringify(drawn);
      }
      memo?.set(item, j);
    }
    return j;
  };
}

/** A page without its items (size, number, master, text area), serialised the same way. */
export function pageHeadJson(page: Page): string {
  return JSON.stringify({ ...page, items: undefined }, replacer);
}
