import { createHash } from 'node:crypto';
import type { PagedDocument } from '../model/types.ts';

/**
 * The trailer's file ID (and the XMP document ID): 16 bytes of a hash of everything drawn and the variant, so
 * identical input gives identical bytes while two different reports (or variants) never share an ID.
 */
export function documentId(doc: PagedDocument, variant: string): Uint8Array {
  const h = createHash('sha256').update(variant).update('\u0000');
  h.update(JSON.stringify({ meta: doc.meta, outline: doc.outline, fonts: doc.fonts }));
  for (const page of doc.pages) {
    // Image bytes are hashed as bytes, not as JSON arrays of numbers.
    h.update(JSON.stringify(page, (_k, v: unknown) => (v instanceof Uint8Array ? createHash('sha256').update(v).digest('hex') : v)));
  }
  return new Uint8Array(h.digest().subarray(0, 16));
}
