import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes next to the target and renames, so readers never see a partial file (a PDF viewer, a CI upload).
 * Synchronous calls: a PDF is a few hundred KB on a local disk, and the promise API's thread-pool round trips
 * (mkdir, open, write, close, rename) cost a build and a watch rebuild more than the writing itself.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    // A deliberate internal error for the test of exit code 70: fails between writing and renaming, the worst moment.
    if (process.env.REPORTPRESS_FAULT === 'write') throw new Error('deliberate fault (REPORTPRESS_FAULT=write)');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
