/**
 * What the build caches (rendered charts, word shapes) share: content hashes of input files and atomic,
 * best-effort writes. A cache is only an optimisation, so a failed write is not an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Hashes by file stamp: each input file (a font) is read and hashed once per process. */
const hashes = new Map<string, string>();

/** SHA-256 of a file's bytes (hex), remembered by path, size and mtime. */
export function fileHash(path: string): string {
  const st = statSync(path);
  const stamp = `${path}:${st.size}:${st.mtimeMs}`;
  let h = hashes.get(stamp);
  if (!h) {
    h = createHash('sha256').update(readFileSync(path)).digest('hex');
    hashes.set(stamp, h);
  }
  return h;
}

/** Writes a cache file through a temporary file and a rename (no half-written entry); false when it could not. */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    return false; // read-only or full disk: the next build does the work again
  }
}
