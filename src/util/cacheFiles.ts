/**
 * What the build caches (rendered charts, word shapes) share: content hashes of input files and atomic,
 * best-effort writes. A cache is only an optimisation, so a failed write is not an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** SHA-256 of a file's bytes (hex). Fonts hash their bytes once, when their store is made (fonts/fontStore.ts). */
export function fileHash(path: string): string {
  return bytesHash(readFileSync(path));
}

/** SHA-256 of bytes or text (hex): the content keys of the build context's caches. */
export function bytesHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
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
