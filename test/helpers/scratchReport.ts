/** A writable copy of a small test report (the "minimal" golden case), for tests that edit content and rebuild. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MINIMAL = resolve(fileURLToPath(import.meta.url), '../../golden/minimal');

/** Copies the minimal report (report.yaml, figures.yaml, sections/) into a fresh temp folder; returns its path. */
export function scratchReport(prefix = 'rp-scratch-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'report');
  cpSync(MINIMAL, dir, { recursive: true, filter: (src) => !/[\\/](pages|__diff__)$/.test(src) && !/\.(txt|json)$/.test(src) });
  return dir;
}

/** Replaces the first occurrence of `from` in `file` (which must contain it) with `to`. */
export function editFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain "${from}"`);
  writeFileSync(file, text.replace(from, to));
}
