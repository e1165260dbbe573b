/**
 * Content keys carried with stage outputs (Merkle style): a stage that makes or finds an output under a key that
 * describes all of its inputs notes that key against the output object, and the next stage builds its own key
 * from it (plus its other inputs) instead of serialising the whole output again. A hit then costs a map lookup,
 * not a JSON walk of a section. Outputs are readonly plain data, so an object's key never goes stale; an object
 * with no key noted (a test's hand-made section, a value read back from a disk pack) is keyed by its JSON as
 * before. The map belongs to the build context (`contentKeys`), like every other cache.
 */
import { createHash } from 'node:crypto';
import { memo, type BuildContext } from './buildContext.ts';

/** Output object → the content key it was made or found under (weakly held: dropped outputs go with their keys). */
export type ContentKeys = WeakMap<object, string>;

/** The session's content keys (build context `contentKeys`). */
export function contentKeys(build: BuildContext): ContentKeys {
  return memo(build.cache<ContentKeys>('contentKeys'), 'keys', () => new WeakMap());
}

/** SHA-256 (hex) of the parts, each length-prefixed so no two lists of parts give the same input. */
export function keyOf(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest('hex');
}
