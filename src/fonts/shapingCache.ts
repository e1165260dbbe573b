/**
 * Word shapes kept between builds, per font file (files named by a hash of its bytes, fontkit's version and this
 * format) in `<cacheDir>/shaping/`: the prefix advances layout measures every distinct word with (`<hash>.json`)
 * and the glyph runs pdfkit draws (`<hash>.runs.json`). A cold CLI build spends most of its layout time shaping
 * words (fontkit's cost is per call, and its first calls pay for parsing the layout tables); with these files a rebuild from a new process only
 * shapes the words that are new. Numbers are stored exactly (JSON round-trips them), so a cached build writes the
 * same bytes. A damaged file is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileHash, writeCacheFile } from '../util/cacheFiles.ts';
import type { StoredRun } from './pdfFace.ts';

/** Bump when the stored units change meaning. */
const FORMAT = 'shaping-1 fontkit@2.0.4';
/** Most words (and runs) kept per font file, the most recently shaped: a few reports' vocabulary. */
const MAX_ENTRIES = 50_000;

/** Entry keys of fontStore's prefix cache: `${fontKey}\0${features}\0${text}`. */
type PrefixCache = Map<string, Float64Array>;

/** The cache file of a font file: named by a hash of its bytes and FORMAT. */
function cacheFile(dir: string, fontPath: string): string {
  const h = createHash('sha256').update(FORMAT).update(fileHash(fontPath)).digest('hex').slice(0, 32);
  return join(dir, 'shaping', `${h}.json`);
}

/** pdfkit's runs of a font file from an earlier build (pdfFace.ts StoredRun), or undefined. */
export function restoreRuns(dir: string, fontPath: string): Record<string, StoredRun> | undefined {
  try {
    const runs = JSON.parse(readFileSync(runsFile(dir, fontPath), 'utf8')) as Record<string, StoredRun>;
    if (!runs || typeof runs !== 'object') return undefined;
    // Keep only well-formed runs: ids, code points and four position numbers per glyph.
    const ok = (r: StoredRun) => Array.isArray(r) && r.length === 3 && r[0].length === r[1].length && r[0].length === r[2].length && r[2].every((p) => p.length === 4);
    return Object.fromEntries(Object.entries(runs).filter(([, r]) => ok(r)));
  } catch {
    return undefined;
  }
}

/** Keeps pdfkit's runs of a font file for the next build. */
export function persistRuns(dir: string, fontPath: string, runs: Record<string, StoredRun>): void {
  writeCacheFile(runsFile(dir, fontPath), JSON.stringify(Object.fromEntries(Object.entries(runs).slice(-MAX_ENTRIES))));
}

const runsFile = (dir: string, fontPath: string) => cacheFile(dir, fontPath).replace(/\.json$/, '.runs.json');

/** Loads every font's stored shapes into `cache` (keys re-prefixed with the store's font key). */
export function restoreShapes(dir: string, files: Readonly<Record<string, string>>, cache: PrefixCache): void {
  for (const [key, path] of Object.entries(files)) {
    let stored: Record<string, number[]>;
    try {
      stored = JSON.parse(readFileSync(cacheFile(dir, path), 'utf8')) as Record<string, number[]>;
    } catch {
      continue; // none yet, or damaged
    }
    if (!stored || typeof stored !== 'object') continue;
    for (const [k, units] of Object.entries(stored)) {
      const text = k.slice(k.indexOf('\u0000') + 1);
      if (!Array.isArray(units) || units.length !== text.length + 1 || !units.every((u) => typeof u === 'number')) continue;
      const full = `${key}\u0000${k}`;
      if (!cache.has(full)) cache.set(full, Float64Array.from(units));
    }
  }
}

/** Writes each font's shapes (`${features}\0${text}` → units) to its cache file. */
export function persistShapes(dir: string, files: Readonly<Record<string, string>>, cache: PrefixCache): void {
  const byKey = new Map<string, [string, number[]][]>();
  for (const [k, units] of cache) {
    const cut = k.indexOf('\u0000');
    const key = k.slice(0, cut);
    let out = byKey.get(key);
    if (!out) byKey.set(key, (out = []));
    out.push([k.slice(cut + 1), Array.from(units)]);
  }
  for (const [key, entries] of byKey) {
    const path = files[key];
    if (!path) continue;
    // Restored entries come first in the map: beyond the limit, the oldest go.
    writeCacheFile(cacheFile(dir, path), JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES))));
  }
}
