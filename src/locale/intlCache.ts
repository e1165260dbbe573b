/**
 * What formatting keeps of Intl (bind/formatters.ts): the formatters, made once per locale and options, and the
 * texts they wrote. Making the first Intl.DateTimeFormat of a process costs ≈ 12–20 ms (ICU's date patterns for
 * the locale) and the first Intl.NumberFormat ≈ 3 ms, while a report formats the same few dates and numbers in
 * every build: with a cache folder the texts the last build wrote are kept on disk (`<cacheDir>/intl/`, one file
 * per content folder, versioned by the tool, the Node version and its ICU and Unicode versions, which decide every
 * text; util/diskCache.ts), so the next process makes no Intl object unless a new value is formatted.
 * Everything lives in the build context (`intl`), keyed by the disk file (none: memory only).
 */
import { resolve } from 'node:path';
import type { BuildContext } from '../util/buildContext.ts';
import { memo } from '../util/buildContext.ts';
import { cacheFile, readChecked, writeChecked } from '../util/diskCache.ts';

/** The Intl formatters and formatted texts of one build context. */
export interface IntlCache {
  /** formatter key (kind, locale, options) → the formatter */
  readonly formatters: Map<string, Intl.NumberFormat | Intl.DateTimeFormat>;
  /** formatter key + value → the text it wrote */
  readonly texts: Map<string, string>;
  /** Keys of the texts the current build used (the disk file keeps these first). */
  readonly used: Set<string>;
  /** The keys the disk file holds, sorted and joined (to skip writing the same file again). */
  onDisk: string;
}

/** An empty cache (memory only): what formatting uses when its caller keeps none. */
export function createIntlCache(): IntlCache {
  return { formatters: new Map(), texts: new Map(), used: new Set(), onDisk: '' };
}

/** The formatter of `key`, made by `make` once per cache. */
export function intlFormatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(intl: IntlCache, key: string, make: () => F): F {
  let f = intl.formatters.get(key) as F | undefined;
  if (!f) intl.formatters.set(key, (f = make()));
  return f;
}

/** The text of `key` (a formatter key and the value), written by `make` when the cache does not hold it. */
export function intlText(intl: IntlCache, key: string, make: () => string): string {
  let t = intl.texts.get(key);
  if (t === undefined) intl.texts.set(key, (t = make()));
  intl.used.add(key);
  return t;
}

/**
 * Texts one disk file keeps: those the last build used first, then others the session knows (a build that takes
 * its sections from the session's bind cache formats nothing for them; they stay for the next process).
 */
const MAX_TEXTS = 10_000;

/** What decides every text besides the key: the ICU and Unicode data of this Node. */
const INTL_VERSION = JSON.stringify(['intl', process.versions.node, process.versions.icu ?? null, process.versions.unicode ?? null]);

/**
 * The build context's cache for one content folder, with the texts its last build kept on disk when there is a
 * cache folder, and a save for after the build's formatting (writes only when it used other texts).
 */
export function openIntlCache(build: BuildContext, disk?: { cacheDir: string; contentDir: string }): { intl: IntlCache; save(): void } {
  const file = disk && cacheFile(disk.cacheDir, 'intl', `${INTL_VERSION}\u0000${resolve(disk.contentDir)}`);
  const intl = memo(build.cache<IntlCache>('intl'), file ?? '', () => {
    const cache = createIntlCache();
    const kept = file ? readTexts(file) : undefined;
    for (const [k, t] of kept ?? []) cache.texts.set(k, t);
    cache.onDisk = keysOf((kept ?? []).map(([k]) => k));
    return cache;
  });
  return {
    intl,
    save() {
      if (!file) return;
      const keys = [...intl.used, ...[...intl.texts.keys()].filter((k) => !intl.used.has(k))].slice(0, MAX_TEXTS);
      intl.used.clear();
      const joined = keysOf(keys);
      if (joined === intl.onDisk) return;
      if (writeChecked(file, JSON.stringify(keys.map((k) => [k, intl.texts.get(k)])))) intl.onDisk = joined;
    },
  };
}

const keysOf = (keys: readonly string[]) => JSON.stringify([...keys].sort());

/** The file's [key, text] pairs, or undefined when it is missing, damaged or not such a list. */
function readTexts(file: string): [string, string][] | undefined {
  const body = readChecked(file);
  if (body === undefined) return undefined;
  try {
    const data = JSON.parse(body) as unknown;
    return Array.isArray(data) && data.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')
      ? (data as [string, string][])
      : undefined;
  } catch {
    return undefined;
  }
}
