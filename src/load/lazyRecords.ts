/**
 * How load records (loadRecords.ts) are kept in their pack so that the next CLI run decodes only what it uses.
 * A next build replays every content file's record, but when bind then finds its own entries (bound sections, the
 * figure table) it never looks at a section's blocks and footnotes or at figures.yaml's value and spans: decoding
 * those was ≈ 10 ms of such a build. So a record's value is stored in two parts: its small fields as they are, and
 * the large ones (LAZY_KEYS) each as a V8 value of its own, decoded on its first access (a warning that needs
 * figures.yaml's spans does not decode its value). The value
 * read back has the same fields in the same order; once decoded they are ordinary data properties.
 * The pack is hash-checked as a whole (util/diskCache.ts), so the deferred bytes are the bytes that were written.
 */
import { deserialize, serialize } from 'node:v8';
import type { FileRead, ImageUse, LoadRecord } from './loadRecords.ts';

/** Fields of a load's value that only a stage working afresh reads (sections: blocks, footnotes; LocatedJson: value, spans). */
const LAZY_KEYS: ReadonlySet<string> = new Set(['blocks', 'footnotes', 'value', 'spans']);

/** A record as its pack holds it: the value's fields in order, the small ones, and each large one's V8 bytes. */
interface PackedRecord {
  readonly reads: FileRead[];
  readonly images: ImageUse[];
  readonly order: string[];
  readonly eager: Record<string, unknown>;
  readonly deferred: Record<string, Uint8Array>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** The record as the pack keeps it: split when its value has a large field, else as it is. */
export function packRecord(record: LoadRecord): LoadRecord | PackedRecord {
  const v = record.value;
  if (!isPlainObject(v) || !Object.keys(v).some((k) => LAZY_KEYS.has(k))) return record;
  const order = Object.keys(v);
  const eager: Record<string, unknown> = {};
  const deferred: Record<string, Uint8Array> = {};
  for (const k of order) {
    if (LAZY_KEYS.has(k)) deferred[k] = serialize(v[k]);
    else eager[k] = v[k];
  }
  return { reads: record.reads, images: record.images, order, eager, deferred };
}

/** A record read back from the pack: as it was stored, or with each large field decoded on its first access. */
export function unpackRecord(raw: Partial<LoadRecord & PackedRecord>): LoadRecord | undefined {
  if ('value' in raw) return raw as LoadRecord;
  const { order, eager, deferred } = raw;
  if (!Array.isArray(order) || !isPlainObject(eager) || !isPlainObject(deferred)) return undefined;
  if (!order.every((k) => typeof k === 'string' && (k in eager || deferred[k] instanceof Uint8Array))) return undefined;
  const value: Record<string, unknown> = {};
  for (const k of order) {
    if (k in eager) value[k] = eager[k];
    else {
      // decoded once, then a plain data field in its place (redefining a property keeps the key order)
      const decode = () => {
        const v = deserialize(deferred[k]!) as unknown;
        Object.defineProperty(value, k, { value: v, writable: true, enumerable: true, configurable: true });
        return v;
      };
      Object.defineProperty(value, k, { get: decode, enumerable: true, configurable: true });
    }
  }
  return { reads: raw.reads!, images: raw.images!, value };
}
