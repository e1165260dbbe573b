/**
 * The resolved template, kept between builds: parsing, validating and resolving a template took 25 ms of every
 * watch rebuild and 50–60 ms of every CLI build although it rarely changes. An entry is keyed by the request (the
 * template asked for, language, words, currency, where it is named, the folders and the working directory that
 * decide printed paths) and holds the files it was made from (fileDeps.ts); it is used only while each is
 * unchanged. Kept in the build context (`templates`) and, with a cache folder, on disk: one file per content
 * folder holding its last template (`<cacheDir>/templates/`), versioned by the tool (util/diskCache.ts). Only a template
 * that resolved without problems is kept.
 */
import { resolve } from 'node:path';
import type { ResolvedTheme } from '../spec/theme.ts';
import { richDecode, richEncode } from '../util/richJson.ts';
import { depsUnchanged, type DepLog, type FileDep } from './fileDeps.ts';
import type { KnownFile } from './readSources.ts';
import { cacheFile, readChecked, writeChecked } from '../util/diskCache.ts';

/** One cached template and what it was made from. */
export interface ThemeEntry {
  readonly key: string;
  readonly deps: readonly FileDep[];
  readonly theme: ResolvedTheme;
}

/** Where templates are cached: the session's map, and a cache folder for the next process. */
export interface ThemeCache {
  readonly memory: Map<string, ThemeEntry>;
  readonly cacheDir?: string;
  /** The session's files (load/readSources.ts): a template file whose stat is unchanged is not read again. */
  readonly known?: Map<string, KnownFile>;
}

/** The cached template for `key` when its files are unchanged, else `make`'s (noting its files in the log). */
export async function cachedTheme(key: string, cache: ThemeCache, make: (log: DepLog) => Promise<ResolvedTheme>): Promise<ResolvedTheme> {
  const file = cache.cacheDir && cacheFile(cache.cacheDir, 'templates', scopeOf(key));
  const entry = cache.memory.get(key) ?? (file ? readEntry(file, key) : undefined);
  if (entry && (await depsUnchanged(entry.deps, cache.known))) {
    cache.memory.set(key, entry);
    return entry.theme;
  }
  const log: DepLog = [];
  const theme = await make(log);
  const fresh = { key, deps: log, theme };
  cache.memory.set(key, fresh);
  if (file) {
    try {
      writeChecked(file, JSON.stringify(richEncode(fresh)));
    } catch {
      // a value richJson cannot write: kept in memory only
    }
  }
  return theme;
}

/** The disk entry is per content folder (its last template), so editing report.yaml does not pile up files. */
function scopeOf(key: string): string {
  const [, contentDir] = JSON.parse(key) as unknown[];
  return resolve(String(contentDir ?? ''));
}

function readEntry(file: string, key: string): ThemeEntry | undefined {
  const body = readChecked(file);
  if (body === undefined) return undefined;
  try {
    const e = richDecode(JSON.parse(body)) as ThemeEntry;
    return e && e.key === key && Array.isArray(e.deps) && e.theme && typeof e.theme === 'object' ? e : undefined;
  } catch {
    return undefined;
  }
}
