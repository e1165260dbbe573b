/**
 * The files a cached result was made from, so the cache can tell whether it still holds: each file read (with a
 * hash of its content, read again through the same content-folder guard) and each file only looked for (whether
 * it existed). Checking re-reads a handful of small files, far cheaper than parsing and validating them again.
 */
import { existsSync } from 'node:fs';
import { bytesHash } from '../util/diskCache.ts';
import { knownHash, readInside, readTextInside, type KnownFile } from './readSources.ts';

/** One input of a cached result. */
export type FileDep =
  | { readonly kind: 'read'; readonly root: string; readonly path: string; readonly hash: string; readonly text: boolean }
  | { readonly kind: 'exists'; readonly path: string; readonly exists: boolean };

/** Where a loader notes its inputs while it works (absent: nothing is cached, nothing noted). */
export type DepLog = FileDep[];

/** Notes a file read inside `root`: as text (readTextInside, hashed as decoded) or as bytes (readInside). */
export function noteRead(log: DepLog | undefined, root: string, path: string, content: Uint8Array | string): void {
  log?.push({ kind: 'read', root, path, hash: bytesHash(content), text: typeof content === 'string' });
}

/** existsSync that notes what it found. */
export function existsNoted(log: DepLog | undefined, path: string): boolean {
  const exists = existsSync(path);
  log?.push({ kind: 'exists', path, exists });
  return exists;
}

/**
 * True when every input is as it was (a read file has the same bytes, a looked-for file the same existence); with
 * `known` (the session's files, load/readSources.ts) a file whose stat is unchanged is not read and hashed again.
 */
export async function depsUnchanged(deps: readonly FileDep[], known?: Map<string, KnownFile>): Promise<boolean> {
  for (const d of deps) {
    if (d.kind === 'exists') {
      if (existsSync(d.path) !== d.exists) return false;
      continue;
    }
    if (d.text) {
      const r = await readTextInside(d.root, d.path, undefined, Infinity, known);
      if (r.text === undefined || (r.hash ?? bytesHash(r.text)) !== d.hash) return false;
    } else {
      const r = await readInside(d.root, d.path, undefined, undefined, known);
      if (r.bytes === undefined || knownHash({ bytes: r.bytes, known: r.known }) !== d.hash) return false;
    }
  }
  return true;
}
