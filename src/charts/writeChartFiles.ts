import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartAsset } from './types.ts';

/** File-safe chart id: ids come from content, so nothing may climb out of outDir. */
const safeName = (id: string): string => id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_');

/** Writes <id>.svg and <id>.png for every chart into outDir (out/charts/ for the CLI); returns the paths written. */
export async function writeChartFiles(assets: ReadonlyMap<string, ChartAsset>, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const a of assets.values()) {
    const base = join(outDir, safeName(a.id));
    await writeFile(`${base}.svg`, a.svg, 'utf8');
    await writeFile(`${base}.png`, a.png);
    written.push(`${base}.svg`, `${base}.png`);
  }
  return written;
}
