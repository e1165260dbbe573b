import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { PagedDocument } from '../model/types.ts';
import { pageHeadJson } from './itemJson.ts';
import type { PartKeyFn } from './partKeys.ts';
import { pageParts } from './structure.ts';

/**
 * The trailer's file ID (and the XMP document ID): 16 bytes of a hash of everything drawn and the variant, so
 * identical input gives identical bytes while two different reports (or variants) never share an ID. Pages are
 * hashed by their parts' content keys (partKeys.ts: the items without source positions, image bytes by their
 * hash, the SVG of every chart), which the page-stream cache uses too and a watch session remembers for unchanged
 * item objects: the ID costs one hash per part that changed. Source positions are left out: they name where the
 * content folder lies on disk, which is not drawn, so a report built in CI, in a container or on an editor's
 * laptop gets the same ID (and the same bytes).
 */
export function documentId(doc: PagedDocument, variant: string, partKey: PartKeyFn): Uint8Array {
  const h = createHash('sha256').update(variant).update('\u0000');
  // Font files by name, not by path: where the tool is installed is not part of the document.
  const fonts = Object.fromEntries(Object.entries(doc.fonts).map(([k, f]) => [k, basename(f)]));
  h.update(JSON.stringify({ meta: doc.meta, outline: doc.outline, fonts }));
  // each page's text in one update: the same bytes as an update per piece (pieces meet at ASCII characters)
  for (const page of doc.pages) {
    let text = pageHeadJson(page);
    for (const [from, to] of pageParts(page)) text += `\n${partKey(page.items.slice(from, to), { page, from, to })}`;
    h.update(`${text}\u0000`);
  }
  return new Uint8Array(h.digest().subarray(0, 16));
}
