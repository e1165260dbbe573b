/**
 * In-memory cache of rendered charts for rebuilds in one process (watch mode, tests, the bench): a chart whose
 * spec, data, frame, theme and fonts are unchanged is not compiled, rendered or rasterised again.
 * Only renders that produced no diagnostics are kept, so a hit never hides a warning.
 */
import { createHash } from 'node:crypto';
import type { BoundChartSpec } from '../bind/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** The size-independent part of a rendered chart: everything but its id and text alternative. */
export interface CachedRender {
  readonly svg: string;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly png: Promise<Uint8Array>;
}

/** Most charts kept: a few reports' worth; each entry holds an SVG and a PNG of some tens of KiB. */
const MAX_ENTRIES = 64;

const entries = new Map<string, CachedRender>();

/** Hash of everything that decides a chart's SVG and PNG (not its id, positions or alt). */
export function renderKey(chart: BoundChartSpec, theme: ResolvedTheme['chart'], fonts: FontStore, frameWidthPt: number): string {
  const input = JSON.stringify([chart.spec, chart.datasets, chart.size, frameWidthPt, theme, fonts.files]);
  return createHash('sha256').update(input).digest('hex');
}

/** The cached render for a key, refreshed as most recently used. */
export function cachedRender(key: string): CachedRender | undefined {
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

/** Keeps a render; a PNG that fails later is dropped again. Evicts the least recently used beyond MAX_ENTRIES. */
export function cacheRender(key: string, r: CachedRender): void {
  entries.set(key, r);
  r.png.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** Empties the cache (tests that measure a cold render). */
export function clearRenderCache(): void {
  entries.clear();
}
