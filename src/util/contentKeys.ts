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

/**
 * The key noted for `o`, else `make()`'s, noted now: for an object no stage noted a key for (a template from its
 * cache), hashed once per session instead of once per build. `make` must describe all of `o`'s content.
 */
export function keyFor(keys: ContentKeys | undefined, o: object, make: () => string): string {
  let k = keys?.get(o);
  if (k === undefined) {
    k = make();
    keys?.set(o, k);
  }
  return k;
}

/** Values a pure function computed from an output object, kept with it for the session (weakly held, like keys). */
export type DerivedValues = WeakMap<object, Map<string, unknown>>;

/** The session's derived values (build context `derivedValues`). */
export function derivedValues(build: BuildContext): DerivedValues {
  return memo(build.cache<DerivedValues>('derivedValues'), 'values', () => new WeakMap());
}

/**
 * `make()`, computed once per object and `what` when `values` is given (a section a rebuild found in a cache is
 * scanned no more); `make` must read nothing but `o` (and constants), since readonly outputs never change.
 */
export function derived<T>(values: DerivedValues | undefined, o: object, what: string, make: () => T): T {
  if (!values) return make();
  let m = values.get(o);
  if (!m) values.set(o, (m = new Map()));
  if (!m.has(what)) m.set(what, make());
  return m.get(what) as T;
}

/** The content keys and derived values of a session together, as the stages take them. */
export interface OutputMemo {
  readonly keys: ContentKeys;
  readonly values: DerivedValues;
}

/** The session's content keys and derived values. */
export function outputMemo(build: BuildContext): OutputMemo {
  return { keys: contentKeys(build), values: derivedValues(build) };
}
