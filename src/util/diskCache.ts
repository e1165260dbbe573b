/**
 * The one way reportpress keeps a cache on disk, between processes (the next CLI run starts with an empty build
 * context). Every cache file:
 * - is named by a hash of the tool's version (toolVersion: all of src/ and the lockfile) and of what it holds, so
 *   a changed tool or dependency never reads an old entry;
 * - starts with a SHA-256 line of the rest (readChecked): a damaged or truncated file is a miss, never data;
 * - is written through a temporary file and a rename (writeCacheFile): no reader sees half a file, and a failed
 *   write is ignored (a cache only saves work; the output is the same with it cold, warm or off).
 * Caches of many entries use a pack (openPack): one file per content folder and purpose holding named maps, each
 * saved with the entries the last build used (plus, for caches only a miss consults, some recent unused ones).
 * Loaded packs live in the build context (`packs`), never in module state, so two builds in one process share
 * nothing they were not given. Single-entry caches (templates, prepared images) use readChecked/writeChecked.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.ts';
import { decodeEntry, encodePack, readPackEntries, Undecoded, type Encoded } from './packFormat.ts';

/** Hash of src/ and the lockfile that scripts/compile.mjs bakes into dist/; undefined when running from sources. */
declare const __TOOL_CODE_HASH__: string | undefined;

/** SHA-256 of bytes or text (hex): the content keys of the build context's caches. */
export function bytesHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file's bytes (hex). Fonts hash their bytes once, when their store is made (fonts/fontStore.ts). */
export function fileHash(path: string): string {
  return bytesHash(readFileSync(path));
}

/**
 * The tool's version as every disk cache's name includes it: the hash of all of src/ and of the lockfile (every
 * dependency's exact version), baked into dist/ by scripts/compile.mjs. A change anywhere in the tool drops every
 * disk cache: stricter than per-stage hashes, but a stale entry can never change the output.
 */
export function toolVersion(): string {
  if (typeof __TOOL_CODE_HASH__ === 'string') return __TOOL_CODE_HASH__;
  // running from sources (tests): hashed at each call, no module state (a few ms)
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  const src = join(dirname(fileURLToPath(import.meta.url)), '..');
  return bytesHash(`${treeHash(src)}\u0000${existsSync(lock) ? fileHash(lock) : ''}`).slice(0, 16);
}

/** Hash of every .ts file under `dir`, with its path (scripts/compile.mjs walks src/ the same way). */
export function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) h.update(p.slice(dir.length)).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 16);
}

/** The file of cache `folder` for `id` (what it holds: content folder, scope, key), named with the tool's version. */
export function cacheFile(cacheDir: string, folder: string, id: string, ext = '.json'): string {
  return join(cacheDir, folder, `${bytesHash(`${toolVersion()}\u0000${id}`).slice(0, 32)}${ext}`);
}

/** Writes a cache file through a temporary file and a rename (no half-written entry); false when it could not. */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    return false; // read-only or full disk: the next build does the work again
  }
}

/** Writes a cache file as a SHA-256 line and `body`, atomically; false when it could not. */
export function writeChecked(file: string, body: string | Uint8Array): boolean {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return writeCacheFile(file, Buffer.concat([Buffer.from(`${bytesHash(data)}\n`, 'latin1'), data]));
}

/** A cache file's bytes after its hash line, or undefined when it is missing or its hash does not match. */
export function readCheckedBytes(file: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const body = data.subarray(65);
  return data.length >= 65 && data[64] === 10 && data.toString('latin1', 0, 64) === bytesHash(body) ? body : undefined;
}

/** A cache file's text after its hash line, or undefined when it is missing or damaged. */
export function readChecked(file: string): string | undefined {
  return readCheckedBytes(file)?.toString('utf8');
}

/**
 * A pack map's entries, each decoded on its first read (`get`, or iterating values): a build decodes only what it
 * asks for. An entry whose bytes do not decode is dropped (a miss; the pack is written again without it).
 */
class PackEntries<V> extends Map<string, V> {
  constructor(private readonly memo: WeakMap<object, Encoded>) {
    super();
  }

  override get(key: string): V | undefined {
    const v = super.get(key) as V | Undecoded | undefined;
    if (!(v instanceof Undecoded)) return v;
    let value: V;
    try {
      value = decodeEntry(v, this.memo) as V;
    } catch {
      super.delete(key);
      return undefined;
    }
    super.set(key, value);
    return value;
  }

  /** What the map holds for `key`, decoded or not (savePack writes an undecoded entry's bytes as they are). */
  stored(key: string): unknown {
    return super.get(key);
  }

  override *entries(): MapIterator<[string, V]> {
    for (const k of [...this.keys()]) if (this.has(k)) yield [k, this.get(k)!];
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(f: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }
}

/** One map of a pack: its entries, and the keys the current build used (what is saved). */
export interface PackedMap<V> {
  readonly entries: Map<string, V>;
  readonly used: Set<string>;
  /** How many entries the build did not use are kept too (most recent first): for caches only a miss consults. */
  keepUnused: number;
}

/** A loaded pack: its maps by name and whether a build changed what would be saved. */
export interface Pack {
  readonly file: string;
  readonly maps: Map<string, PackedMap<unknown>>;
  /** The keys each map had when loaded or last saved, to skip writing an unchanged pack. */
  saved: Map<string, string>;
  /** A savePackSoon is waiting. */
  pending?: boolean;
  /** Each value's encoding, so a watcher's save encodes only what changed. */
  readonly encoded: WeakMap<object, Encoded>;
}

/** The pack of `id` (what it holds and for which content folder) under `cacheDir`, loaded once per build context. */
export function openPack(cacheDir: string, id: string, packs: Map<string, Pack>): Pack {
  const file = cacheFile(cacheDir, 'packs', id, '.pack');
  let p = packs.get(file);
  if (!p) {
    const maps = new Map<string, PackedMap<unknown>>();
    const encoded = new WeakMap<object, Encoded>();
    for (const [k, entries] of Object.entries(readPack(file))) {
      const m = new PackEntries<unknown>(encoded);
      for (const [key, e] of entries) m.set(key, e);
      maps.set(k, { entries: m, used: new Set(), keepUnused: 0 });
    }
    p = { file, maps, saved: new Map([...maps].map(([k, m]) => [k, [...m.entries.keys()].sort().join()])), encoded };
    packs.set(file, p);
  }
  return p;
}

/** One named map of a pack, created empty; `keepUnused`: see PackedMap. */
export function packedMap<V>(pack: Pack, name: string, keepUnused = 0): PackedMap<V> {
  let m = pack.maps.get(name);
  if (!m) pack.maps.set(name, (m = { entries: new PackEntries(pack.encoded), used: new Set(), keepUnused }));
  m.keepUnused = keepUnused;
  return m as PackedMap<V>;
}

/** Writes the entries each map used since the last save, unless that is what the file holds; resets `used`. */
export function savePack(pack: Pack): void {
  const out: Record<string, [string, unknown][]> = {};
  const keys = new Map<string, string>();
  for (const [name, m] of pack.maps) {
    const unused = m.keepUnused > 0 ? [...m.entries.keys()].filter((k) => !m.used.has(k)).slice(-m.keepUnused) : [];
    const kept = [...unused, ...[...m.used].filter((k) => m.entries.has(k))];
    out[name] = kept.map((k) => [k, m.entries instanceof PackEntries ? m.entries.stored(k) : m.entries.get(k)]);
    // compared as a set: a build that used the same entries in another order (async loads) does not rewrite the file
    keys.set(name, [...kept].sort().join());
    m.used.clear();
  }
  if ([...keys].every(([k, v]) => pack.saved.get(k) === v) && keys.size === pack.saved.size) return;
  if (writeChecked(pack.file, encodePack(out, pack.encoded))) pack.saved = keys;
}

/**
 * savePack once the current work is done (a timer, not keeping the process alive): a rebuild in a kept build
 * context (watch) returns without the write, and rebuilds in quick succession write the pack once.
 */
export function savePackSoon(pack: Pack): void {
  if (pack.pending) return;
  pack.pending = true;
  setTimeout(() => {
    pack.pending = false;
    savePack(pack);
  }, 0).unref();
}

/** Forgets what the file is known to hold, so the next savePack writes it (an entry in it was rejected). */
export function markPackStale(pack: Pack): void {
  pack.saved = new Map();
}

function readPack(file: string): Record<string, [string, Undecoded][]> {
  const body = readCheckedBytes(file);
  if (!body) return {}; // missing or damaged: every entry is a miss
  try {
    return readPackEntries(body);
  } catch {
    return {};
  }
}
