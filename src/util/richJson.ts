/**
 * JSON for cache files that must read back as exactly what was written: plain JSON loses Maps, byte arrays,
 * `undefined` properties, NaN, ±Infinity and -0 (YAML's `.nan`, `.inf` and `-0` are ordinary values of a chart
 * spec), and a cached value that reads back different would change the output. Those values are written as small
 * tagged objects ({"\u0001": tag, "v": …}); a plain object that happens to own the tag key is tagged too, so
 * nothing written can be mistaken for a tag.
 */

/** The tag key: a control character, which no content key can be (load strips them from YAML). */
const TAG = '\u0001';

/** `value` as JSON text that richParse turns back into an equal value (same keys, same types). */
export function richStringify(value: unknown): string {
  return JSON.stringify(encode(value));
}

/** The value richStringify wrote; throws on text that is not JSON (a damaged cache file). */
export function richParse(text: string): unknown {
  return richDecode(JSON.parse(text));
}

/** `value` as plain JSON data (what richStringify writes), for files that hold many entries. */
export function richEncode(v: unknown): unknown {
  return encode(v);
}

/** The value of plain JSON data made by richEncode; the data itself is left unchanged (it may be written again). */
export function richDecode(v: unknown): unknown {
  return decode(v);
}

function encode(v: unknown): unknown {
  if (v === undefined) return { [TAG]: 'u' };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { [TAG]: 'n', v: 'NaN' };
    if (!Number.isFinite(v)) return { [TAG]: 'n', v: v > 0 ? 'Infinity' : '-Infinity' };
    if (Object.is(v, -0)) return { [TAG]: 'n', v: '-0' };
    return v;
  }
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`richStringify: cannot write a ${typeof v}`);
    return v;
  }
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Map) return { [TAG]: 'm', v: [...v].map(([k, x]) => [encode(k), encode(x)]) };
  if (v instanceof Uint8Array) return { [TAG]: 'b', v: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) throw new TypeError(`richStringify: cannot write a ${v.constructor?.name ?? 'class instance'}`);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) put(out, k, encode(x));
  return TAG in out ? { [TAG]: 'o', v: Object.entries(out) } : out;
}

function decode(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decode);
  const o = v as Record<string, unknown>;
  if (TAG in o) {
    const tag = o[TAG];
    if (tag === 'u') return undefined;
    if (tag === 'n') return Number(o.v);
    if (tag === 'm') return new Map((o.v as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
    if (tag === 'b') return new Uint8Array(Buffer.from(String(o.v), 'base64'));
    if (tag === 'o') return Object.fromEntries((o.v as [string, unknown][]).map(([k, x]) => [k, decode(x)]));
    throw new Error(`richParse: unknown tag ${String(tag)}`);
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) put(out, k, decode(o[k]));
  return out;
}

/** Sets an own property, also one named `__proto__` (a YAML key like any other), without touching the prototype. */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
