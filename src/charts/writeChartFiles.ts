import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartAsset } from './types.ts';

/** File-safe chart id: ids come from content, so nothing may climb out of outDir. */
const safeName = (id: string): string => id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');

/** Writes <id>.svg and <id>.png for every chart into outDir (out/charts/ for the CLI); returns the paths written. */
export async function writeChartFiles(assets: ReadonlyMap<string, ChartAsset>, outDir: string): Promise<string[]> {
  const list = [...assets.values()];
  // The PNGs rasterise in parallel (sharp works off the main thread) or come from the chart cache.
  const pngs = await Promise.all(list.map((a) => a.png()));
  // Then written with synchronous calls: sixteen small files through the promise API were four thread-pool round
  // trips each, ≈ 5 ms of a next build spent waiting.
  mkdirSync(outDir, { recursive: true });
  return list.flatMap((a, i) => {
    const base = join(outDir, safeName(a.id));
    writeFileSync(`${base}.svg`, a.svg, 'utf8');
    writeFileSync(`${base}.png`, pngs[i]!);
    return [`${base}.svg`, `${base}.png`];
  });
}
