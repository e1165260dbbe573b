import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartAsset } from './types.ts';

/** File-safe chart id: ids come from content, so nothing may climb out of outDir. */
const safeName = (id: string): string => id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');

/** Writes <id>.svg and <id>.png for every chart into outDir (out/charts/ for the CLI); returns the paths written. */
export async function writeChartFiles(assets: ReadonlyMap<string, ChartAsset>, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  // The PNGs rasterise in parallel (sharp works off the main thread).
  const files = await Promise.all(
    [...assets.values()].map(async (a) => {
      const base = join(outDir, safeName(a.id));
      await writeFile(`${base}.svg`, a.svg, 'utf8');
      await writeFile(`${base}.png`, await a.png());
      return [`${base}.svg`, `${base}.png`];
    }),
  );
  return files.flat();
}
