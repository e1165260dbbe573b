import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes next to the target and renames, so readers never see a partial file (a PDF viewer, a CI upload). */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    // A deliberate internal error for the test of exit code 70: fails between writing and renaming, the worst moment.
    if (process.env.REPORTPRESS_FAULT === 'write') throw new Error('deliberate fault (REPORTPRESS_FAULT=write)');
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
