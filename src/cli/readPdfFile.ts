import { readFile } from 'node:fs/promises';
import { UsageError } from '../diag/errors.ts';

/** Reads a PDF named on the command line; a missing file or one that is not a PDF is a usage error (exit 2). */
export async function readPdfFile(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read "${file}" (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new UsageError(`"${file}" is not a PDF file`);
  return bytes;
}
