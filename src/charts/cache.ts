/**
 * Rendered charts by cache key (chartKey.ts), so an unchanged chart is not rendered again:
 * - in memory, for rebuilds in one process (bench, tests, a future watch mode);
 * - on disk when the build names a cache folder (the CLI uses out/.cache), for the next CLI run: an
 *   editor who changed only text never waits for vega. The memory part belongs to the build context (util/buildContext.ts).
 *   Entry files are util/diskCache.ts checked files (a SHA-256 line, atomic writes, failed writes ignored) and are
 *   validated when read: a damaged one is a miss.
 * Only renders that raised no diagnostic are stored, so a hit never hides a warning.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCheckedBytes, writeChecked } from '../util/diskCache.ts';
import type { RenderedChart } from './types.ts';

/** A render in memory, with its PNG once made. */
export interface RenderEntry {
  readonly rendered: RenderedChart;
  png?: Promise<Uint8Array>;
}

/** Most charts kept in memory: a few reports' worth (an SVG and a PNG of some tens of KiB each). */
const MAX_ENTRIES = 64;
/** Most renders kept on disk; the least recently written go first. */
const MAX_DISK_ENTRIES = 256;

const chartsDir = (cacheDir: string) => join(cacheDir, 'charts');

function remember(entries: Map<string, RenderEntry>, key: string, e: RenderEntry): RenderEntry {
  entries.delete(key);
  entries.set(key, e);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return e;
}

/** A render from memory, else from the disk cache, else undefined. */
export function lookupRender(entries: Map<string, RenderEntry>, key: string, cacheDir?: string): RenderedChart | undefined {
  const hit = entries.get(key);
  if (hit) return remember(entries, key, hit).rendered;
  if (!cacheDir) return undefined;
  const r = readJson(join(chartsDir(cacheDir), `${key}.json`));
  return r ? remember(entries, key, { rendered: r }).rendered : undefined;
}

/** Keeps a render in memory and, with a cache folder, on disk. */
export function storeRender(entries: Map<string, RenderEntry>, key: string, r: RenderedChart, cacheDir?: string): void {
  remember(entries, key, { rendered: r });
  if (cacheDir) writeEntry(chartsDir(cacheDir), `${key}.json`, JSON.stringify(r));
}

/** The chart's PNG: made once by `make`, then served from memory or the disk cache. */
export function cachedPng(entries: Map<string, RenderEntry>, key: string, r: RenderedChart, make: () => Promise<Uint8Array>, cacheDir?: string): Promise<Uint8Array> {
  const e = entries.get(key) ?? remember(entries, key, { rendered: r });
  if (e.png) return e.png;
  const file = cacheDir && join(chartsDir(cacheDir), `${key}.png`);
  const onDisk = file ? readBytes(file) : undefined;
  e.png = onDisk ? Promise.resolve(onDisk) : make();
  e.png.then(
    (png) => {
      if (cacheDir && !onDisk) writeEntry(chartsDir(cacheDir), `${key}.png`, png);
    },
    () => entries.get(key) === e && (e.png = undefined), // a failed PNG is tried again next time
  );
  return e.png;
}

function readJson(file: string): RenderedChart | undefined {
  try {
    const r = JSON.parse(readCheckedBytes(file)?.toString('utf8') ?? 'null') as RenderedChart;
    const ok = typeof r.svg === 'string' && r.svg.startsWith('<svg') && [r.widthPt, r.heightPt, r.scale].every((n) => typeof n === 'number' && n > 0);
    return ok ? { svg: r.svg, widthPt: r.widthPt, heightPt: r.heightPt, scale: r.scale } : undefined;
  } catch {
    return undefined;
  }
}

function readBytes(file: string): Uint8Array | undefined {
  try {
    const b = readCheckedBytes(file);
    // A PNG signature and at least a header: anything else is a damaged entry.
    return b && b.length > 33 && b.readUInt32BE(0) === 0x89504e47 ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one entry file and keeps the folder under MAX_DISK_ENTRIES. */
function writeEntry(dir: string, name: string, data: string | Uint8Array): void {
  if (writeChecked(join(dir, name), data)) prune(dir);
}

/** Removes the oldest renders beyond MAX_DISK_ENTRIES (with their PNGs). */
function prune(dir: string): void {
  const renders = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (renders.length <= MAX_DISK_ENTRIES) return;
  const byAge = renders.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t || (a.f < b.f ? -1 : 1));
  for (const { f } of byAge.slice(0, renders.length - MAX_DISK_ENTRIES)) {
    rmSync(join(dir, f), { force: true });
    rmSync(join(dir, f.replace(/\.json$/, '.png')), { force: true });
  }
}
