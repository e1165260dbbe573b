/**
 * The bytes of a pack file (util/diskCache.ts reads and writes them, inside its hash-checked frame): a format line,
 * a JSON line listing each map's entries as [key, JSON length, bytes length], then every entry's JSON followed by
 * its bytes. Byte arrays travel as raw bytes after their entry's JSON (a page stream as a JSON array of numbers
 * would be four times its size), maps as tagged arrays. Each value is encoded once per session (`memo`), so a
 * watcher's save after an edit encodes only the changed sections and pages.
 */

/** The first bytes of a pack's body: format and version (a new layout of the body changes it). */
const MAGIC = 'reportpress-pack/2\n';

const BYTES = '\u0000bytes';
const MAP = '\u0000map';

/** One value as stored: its JSON (byte arrays as [offset, length] into its own bytes, which follow it). */
export interface Encoded {
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

/** A pack's body: the named maps' entries, in order. */
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

/** The maps of a pack's body, or none when it is of another format; throws when it is damaged. */
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
