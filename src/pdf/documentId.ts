import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { PagedDocument } from '../model/types.ts';
import { createItemJson, pageHeadJson, type ItemJson } from './itemJson.ts';
import { memoPartKey, type PartKeyMemo } from './pageStreams.ts';
import { pageParts } from './structure.ts';

/**
 * The trailer's file ID (and the XMP document ID): 16 bytes of a hash of everything drawn and the variant, so
 * identical input gives identical bytes while two different reports (or variants) never share an ID.
 */
export function documentId(doc: PagedDocument, variant: string, itemJson: ItemJson = createItemJson(), parts?: PartKeyMemo): Uint8Array {
  const h = createHash('sha256').update(variant).update('\u0000');
  // Font files by name, not by path: where the tool is installed is not part of the document.
  const fonts = Object.fromEntries(Object.entries(doc.fonts).map(([k, f]) => [k, basename(f)]));
  h.update(JSON.stringify({ meta: doc.meta, outline: doc.outline, fonts }));
  for (const page of doc.pages) {
    // Image bytes are hashed as bytes, not as JSON arrays of numbers. Source positions are left out: they name
    // where the content folder lies on disk, which is not drawn, so a report built in CI, in a container or on an
    // editor's laptop gets the same ID (and the same bytes).
    // each part (running heads, content, foot: drawPage.ts) by the hash of its items, which a watcher's session
    // remembers for unchanged item objects (pageStreams.ts memoPartKey)
    h.update(pageHeadJson(page));
    for (const [from, to] of pageParts(page)) {
      const items = page.items.slice(from, to);
      // (a chart by its id and box, as drawn from the items alone: the hash reads no SVG, so no SVG is compared)
      h.update('\n').update(memoPartKey(parts, items, 'documentId', () => createHash('sha256').update(items.map(itemJson).join('\n')).digest('hex'), () => undefined));
    }
    h.update('\u0000');
  }
  return new Uint8Array(h.digest().subarray(0, 16));
}
