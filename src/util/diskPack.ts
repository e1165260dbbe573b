/**
 * Caches of the layout and PDF stages kept on disk between processes (flowed sections, page content streams,
 * encoded font subsets), so the next one-shot build starts from what the last one made instead of an empty build
 * context. One pack file per content folder and variant under `<cacheDir>/packs/`, named by a hash of those and of
 * the tool's own code (scripts/compile.mjs bakes a hash of src/ and the locked dependencies into dist/), so a
 * changed tool never serves old entries. A pack holds several named maps, each saved with the entries the last
 * build used (in that order), so it stays the size of one build. Values are plain data: JSON with byte arrays and
 * maps encoded apart (byte arrays as raw bytes after each entry's JSON); each value is encoded once per session,
 * so a watcher's save after an edit encodes only the changed sections and pages. A pack that cannot be read is empty; writes go
 * through a temporary file and a rename and a failed write is ignored: the caches only ever save work, the output
 * is the same with them cold, warm or off.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFile } from './cacheFiles.ts';

/** Hash of src/ and the lockfile that scripts/compile.mjs bakes into dist/; undefined when running from sources. */
declare const __TOOL_CODE_HASH__: string | undefined;

/** The first bytes of a pack: format and version (a new layout of the file changes it). */
const MAGIC = 'reportpress-pack/1\n';

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

let toolHash: string | undefined;
/** The tool's code: a pack written by another version of reportpress is never read. */
export function toolCodeHash(): string {
  if (toolHash === undefined) {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    toolHash = typeof __TOOL_CODE_HASH__ === 'string' ? __TOOL_CODE_HASH__ : treeHash(src);
  }
  return toolHash;
}

/** Hash of every .ts file under `dir` (also used by scripts/compile.mjs, which adds the lockfile). */
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

/** The pack of `id` (content folder, variant) under `cacheDir`, loaded once per build context (`packs`). */
export function openPack(cacheDir: string, id: string, packs: Map<string, Pack>): Pack {
  const name = createHash('sha256').update(`${toolCodeHash()}\u0000${id}`).digest('hex').slice(0, 32);
  const file = join(cacheDir, 'packs', `${name}.pack`);
  let p = packs.get(file);
  if (!p) {
    const maps = new Map<string, PackedMap<unknown>>();
    const encoded = new WeakMap<object, Encoded>();
    for (const [k, entries] of Object.entries(readPack(file, encoded))) maps.set(k, { entries: new Map(entries), used: new Set(), keepUnused: 0 });
    p = { file, maps, saved: new Map([...maps].map(([k, m]) => [k, [...m.entries.keys()].join()])), encoded };
    packs.set(file, p);
  }
  return p;
}

/** One named map of a pack, created empty; `keepUnused`: see PackedMap. */
export function packedMap<V>(pack: Pack, name: string, keepUnused = 0): PackedMap<V> {
  let m = pack.maps.get(name);
  if (!m) pack.maps.set(name, (m = { entries: new Map(), used: new Set(), keepUnused }));
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
    out[name] = kept.map((k) => [k, m.entries.get(k)]);
    keys.set(name, kept.join());
    m.used.clear();
  }
  if ([...keys].every(([k, v]) => pack.saved.get(k) === v) && keys.size === pack.saved.size) return;
  if (writeCacheFile(pack.file, encodePack(out, pack.encoded))) pack.saved = keys;
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

const BYTES = '\u0000bytes';
const MAP = '\u0000map';

/** One value as stored: its JSON (byte arrays as [offset, length] into its own bytes, which follow it). */
interface Encoded {
  readonly json: Buffer;
  readonly bytes: Buffer;
}

/** Encodes a value; object values are encoded once (`memo`), so saving after a small change redoes little. */
function encodeValue(v: unknown, memo?: WeakMap<object, Encoded>): Encoded {
  const known = v !== null && typeof v === 'object' ? memo?.get(v) : undefined;
  if (known) return known;
  const blobs: Uint8Array[] = [];
  let at = 0;
  // the value before toJSON: a Buffer would otherwise arrive as { type, data }
  const json = JSON.stringify(v, function (this: Record<string, unknown>, k: string, json: unknown) {
    const x = k === '' ? json : this[k];
    if (x instanceof Uint8Array) {
      blobs.push(x);
      at += x.length;
      return { [BYTES]: [at - x.length, x.length] };
    }
    return x instanceof Map ? { [MAP]: [...x] } : json;
  });
  const e = { json: Buffer.from(json ?? 'null', 'utf8'), bytes: Buffer.concat(blobs) };
  if (v !== null && typeof v === 'object') memo?.set(v, e);
  return e;
}

/**
 * A pack file: the format line, a JSON line listing each map's entries as [key, JSON length, bytes length], then
 * every entry's JSON followed by its bytes, in that order.
 */
export function encodePack(maps: Record<string, [string, unknown][]>, memo?: WeakMap<object, Encoded>): Uint8Array {
  const index: Record<string, [string, number, number][]> = {};
  const parts: Buffer[] = [];
  for (const [name, entries] of Object.entries(maps)) {
    index[name] = entries.map(([k, v]) => {
      const e = encodeValue(v, memo);
      parts.push(e.json, e.bytes);
      return [k, e.json.length, e.bytes.length];
    });
  }
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(index)}\n`, 'utf8'), ...parts]);
}

/** The maps of a pack file, or none when it is of another format; throws when it is damaged. */
export function decodePack(data: Uint8Array, memo?: WeakMap<object, Encoded>): Record<string, [string, unknown][]> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return {};
  const end = buf.indexOf(10, MAGIC.length);
  if (end < 0) return {};
  const index = JSON.parse(buf.toString('utf8', MAGIC.length, end)) as Record<string, [string, number, number][]>;
  let at = end + 1;
  const out: Record<string, [string, unknown][]> = {};
  for (const [name, entries] of Object.entries(index)) {
    out[name] = entries.map(([k, jsonLength, bytesLength]) => {
      const base = at + jsonLength;
      if (base + bytesLength > buf.length) throw new Error('truncated pack');
      const v = JSON.parse(buf.toString('utf8', at, base), (_k, x: unknown) => {
        if (x && typeof x === 'object' && !Array.isArray(x)) {
          const o = x as Record<string, unknown>;
          const b = o[BYTES] as [number, number] | undefined;
          if (b) return new Uint8Array(buf.subarray(base + b[0], base + b[0] + b[1]));
          if (o[MAP]) return new Map(o[MAP] as [unknown, unknown][]);
        }
        return x;
      }) as unknown;
      // read back as it was written: saved again unchanged without encoding it again
      if (v !== null && typeof v === 'object') memo?.set(v, { json: buf.subarray(at, base), bytes: buf.subarray(base, base + bytesLength) });
      at = base + bytesLength;
      return [k, v] as [string, unknown];
    });
  }
  return out;
}

function readPack(file: string, memo: WeakMap<object, Encoded>): Record<string, [string, unknown][]> {
  try {
    return decodePack(readFileSync(file), memo);
  } catch {
    return {}; // missing or damaged: every entry is a miss
  }
}
