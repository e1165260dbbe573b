/**
 * The texts the template's faces are known to draw, kept between builds: checking every character of the report
 * against the faces' character maps (and opening every face for it) was 15–40 ms of each CLI build although the
 * text rarely changes. In the session (build context `coveredTexts`) the set is keyed by the faces' bytes and
 * fallbacks; with a cache folder, the texts of the content folder's last build are kept on disk
 * (`<cacheDir>/coverage/`, with that key inside, versioned by the tool; util/diskCache.ts).
 */
import type { BuildContext } from '../util/buildContext.ts';
import { memo } from '../util/buildContext.ts';
import { resolve } from 'node:path';
import { cacheFile, readChecked, writeChecked } from '../util/diskCache.ts';

/** What the session keeps per faces: the texts known drawable, and what the disk file holds. */
export interface CoveredTexts {
  readonly set: Set<string>;
  onDisk: readonly string[];
}

/** The covered texts for faces `scope` (font hashes and fallbacks), and a save for after the check. */
export function coveredTexts(build: BuildContext, scope: string, disk?: { cacheDir: string; contentDir: string }): { set: Set<string>; save(texts: readonly string[]): void } {
  const file = disk && cacheFile(disk.cacheDir, 'coverage', resolve(disk.contentDir));
  const entry = memo(build.cache<CoveredTexts>('coveredTexts'), `${scope}\u0000${file ?? ''}`, () => {
    const onDisk = (file && readTexts(file, scope)) || [];
    return { set: new Set(onDisk), onDisk };
  });
  return {
    set: entry.set,
    save(texts) {
      if (!file) return;
      // the file holds this build's texts that are known drawable: written when it holds something else
      const mine = [...new Set(texts.filter((t) => entry.set.has(t)))];
      if (mine.length === entry.onDisk.length && mine.every((t, i) => t === entry.onDisk[i])) return;
      if (writeChecked(file, JSON.stringify({ scope, texts: mine }))) entry.onDisk = mine;
    },
  };
}

function readTexts(file: string, scope: string): string[] | undefined {
  const body = readChecked(file);
  if (body === undefined) return undefined;
  try {
    const data = JSON.parse(body) as { scope?: unknown; texts?: unknown };
    return data.scope === scope && Array.isArray(data.texts) && data.texts.every((t) => typeof t === 'string') ? (data.texts as string[]) : undefined;
  } catch {
    return undefined;
  }
}
