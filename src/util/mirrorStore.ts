/**
 * A session cache (a map in the build context) mirrored into one map of a disk pack (util/diskCache.ts), for
 * caches whose values are rich data checked when read back: load records (load/loadRecords.ts) and styled
 * sections (style/styleCache.ts). It is a thin user of the pack, not a second on-disk format: it adds what those
 * caches need on top of it — keys hashed (a content key is the whole source text), a shape check on every entry
 * read back, and a bound on the session's map (a long watch session adds one entry per edit). Values are stored as
 * they are: the pack's V8 format keeps Maps, byte arrays, undefined, NaN and -0 (util/packFormat.ts), so an entry
 * read back is used without another pass over it (that pass, util/richJson.ts, was ≈ 5 ms of a next build).
 * Values are plain data (house style: no classes, closures or handles), which is what V8's format writes faithfully.
 */
import { resolve } from 'node:path';
import type { BuildContext } from './buildContext.ts';
import { bytesHash, markPackStale, openPack, packedMap, savePack, type Pack } from './diskCache.ts';

/** A session cache with its pack. */
export interface MirrorStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Writes the pack (when there is one and this build changed what it should hold). */
  save(): void;
}

/** The pack of cache `name` for one content folder (`<cacheDir>/packs/`), when there is a cache folder. */
export function mirrorPack(build: BuildContext, cacheDir: string | undefined, name: string, contentDir: string): Pack | undefined {
  return cacheDir ? openPack(cacheDir, JSON.stringify([name, resolve(contentDir)]), build.cache<Pack>('packs')) : undefined;
}

/**
 * `memory` (the session's map) over map `name` of `pack`; `check` turns a decoded entry into a value, or undefined
 * when it does not have the value's shape (then it is a miss, and the pack is written again without it).
 */
export function mirrorStore<V>(
  memory: Map<string, V>,
  pack: Pack | undefined,
  name: string,
  check: (v: unknown) => V | undefined,
  /** Most entries the session's map keeps; the oldest go first. */
  max = Infinity,
  /** The form a value is written to the pack in (`check` reads that form back); the value itself by default. */
  toPack: (v: V) => unknown = (v) => v,
): MirrorStore<V> {
  const m = pack && packedMap<unknown>(pack, name);
  // the entries this build used: the pack keeps only these
  const keep = (h: string, value: V) => {
    if (!m) return;
    if (!m.entries.has(h)) m.entries.set(h, toPack(value));
    m.used.add(h);
  };
  return {
    get(key) {
      let value = memory.get(key);
      // the pack's key: only hashed when there is a pack (a watch session without a cache folder asks per file)
      if (!m) return value;
      const h = bytesHash(key);
      const raw = value === undefined ? m.entries.get(h) : undefined;
      if (raw !== undefined) {
        try {
          value = check(raw);
        } catch {
          value = undefined; // a damaged entry is a miss
        }
        if (value !== undefined) memory.set(key, value);
        else {
          m!.entries.delete(h);
          markPackStale(pack!);
        }
      }
      if (value !== undefined) keep(h, value);
      return value;
    },
    set(key, value) {
      memory.set(key, value);
      while (memory.size > max) memory.delete(memory.keys().next().value as string);
      if (!m) return;
      const h = bytesHash(key);
      m.entries.delete(h);
      keep(h, value);
    },
    save() {
      if (pack) savePack(pack);
    },
  };
}
