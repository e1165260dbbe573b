/**
 * The bytes of a pack file (util/diskCache.ts reads and writes them, inside its hash-checked frame): a format line,
 * a JSON line listing each map's entries as [key, length], then every entry as V8's structured-clone bytes
 * (node:v8 serialize). V8's format carries byte arrays, maps, undefined, NaN and -0 as they are, and reads back
 * about four times faster than JSON.parse with a reviver restoring byte arrays and maps (the next build of the
 * bundled report decoded ≈ 1.8 MB of packs in ≈ 40 ms that way, ≈ 10 ms this way). That format is V8's own, so the
 * format line names the Node and V8 versions (Node encodes its Buffers itself): a pack written by another Node reads
 * as empty (and is written again).
 * Each value is encoded once per session (`memo`), so a watcher's save after an edit encodes only the changed
 * sections and pages, and decoded only when a build asks for it (readPackEntries, then decodeEntry): a next build
 * that sets no paragraph again never decodes the broken lines it keeps.
 */
import { deserialize, serialize } from 'node:v8';

/** The first bytes of a pack's body: format, version and the Node that wrote it (another layout changes it). */
export const PACK_MAGIC = `reportpress-pack/3 node ${process.versions.node} v8 ${process.versions.v8}\n`;

/** One value as stored: its structured-clone bytes. */
export type Encoded = Uint8Array;

/** An entry read from a pack and not decoded yet: its bytes (saved again as they are). */
export class Undecoded {
  constructor(readonly bytes: Uint8Array) {}
}

/** Encodes a value; object values are encoded once (`memo`), so saving after a small change redoes little. */
function encodeValue(v: unknown, memo?: WeakMap<object, Encoded>): Encoded {
  if (v instanceof Undecoded) return v.bytes;
  const known = v !== null && typeof v === 'object' ? memo?.get(v) : undefined;
  if (known) return known;
  const e = serialize(v);
  if (v !== null && typeof v === 'object') memo?.set(v, e);
  return e;
}

/**
 * A pack's body: the named maps' entries, in order. An entry V8 cannot clone (a function or a symbol in it) is left
 * out, a miss in the next build, as a failed write would be: a cache only saves work.
 */
export function encodePack(maps: Record<string, [string, unknown][]>, memo?: WeakMap<object, Encoded>): Uint8Array {
  const index: Record<string, [string, number][]> = {};
  const parts: Uint8Array[] = [];
  for (const [name, entries] of Object.entries(maps)) {
    index[name] = [];
    for (const [k, v] of entries) {
      let e: Encoded;
      try {
        e = encodeValue(v, memo);
      } catch {
        continue;
      }
      parts.push(e);
      index[name].push([k, e.length]);
    }
  }
  return Buffer.concat([Buffer.from(`${PACK_MAGIC}${JSON.stringify(index)}\n`, 'utf8'), ...parts]);
}

/** The maps of a pack's body with each entry's bytes, or none when it is of another format; throws when it is damaged. */
export function readPackEntries(data: Uint8Array): Record<string, [string, Undecoded][]> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.toString('latin1', 0, PACK_MAGIC.length) !== PACK_MAGIC) return {};
  const end = buf.indexOf(10, PACK_MAGIC.length);
  if (end < 0) return {};
  const index = JSON.parse(buf.toString('utf8', PACK_MAGIC.length, end)) as Record<string, [string, number][]>;
  let at = end + 1;
  const out: Record<string, [string, Undecoded][]> = {};
  for (const [name, entries] of Object.entries(index)) {
    out[name] = entries.map(([k, length]) => {
      if (typeof k !== 'string' || !Number.isInteger(length) || length < 0 || at + length > buf.length) throw new Error('truncated pack');
      at += length;
      return [k, new Undecoded(buf.subarray(at - length, at))];
    });
  }
  if (at !== buf.length) throw new Error('pack longer than its index');
  return out;
}

/** An entry's value; throws when its bytes are not a V8 value (byte arrays in it are views of the pack's bytes). */
export function decodeEntry(entry: Undecoded, memo?: WeakMap<object, Encoded>): unknown {
  const v = deserialize(entry.bytes) as unknown;
  // read back as it was written: saved again unchanged without encoding it again
  if (v !== null && typeof v === 'object') memo?.set(v, entry.bytes);
  return v;
}

/** The maps of a pack's body, every entry decoded, or none when it is of another format; throws when it is damaged. */
export function decodePack(data: Uint8Array, memo?: WeakMap<object, Encoded>): Record<string, [string, unknown][]> {
  const out: Record<string, [string, unknown][]> = {};
  for (const [name, entries] of Object.entries(readPackEntries(data))) out[name] = entries.map(([k, e]) => [k, decodeEntry(e, memo)]);
  return out;
}
