/**
 * Finished loads of single content files (a section with its chart specs and images, report.yaml's head,
 * figures.yaml), kept so that the next build of a session (watch) or the next process (the pack on disk, below)
 * neither parses nor validates a file that did not change: parsing and validating were most of the
 * load stage. A record is keyed by the file's path, text hash and the limits in force; it lists every other file
 * the load read (with its text hash) and every image it checked (with its bytes hash). Replaying a record reads
 * those again and compares, then repeats the load's effects in the order it had them (files read, warnings,
 * images), so the result is the same as loading afresh. Only loads that found no error are recorded.
 *
 * On disk (`<cacheDir>/load/`) the records the last build of a content folder used are kept in one pack
 * (util/mirrorStore.ts over a util/diskCache.ts pack, versioned by the tool), so the next CLI run replays them too: yaml and zod were
 * ≈ 170 ms of a cached build, reading the pack back is a few.
 */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import { bytesHash } from '../util/diskCache.ts';
import type { ParsedYaml } from './parseYaml.ts';
import { parseSource, readSource, type LoadContext, type SourceRead } from './loadContext.ts';
import { readInside } from './readSources.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { mirrorPack, mirrorStore } from '../util/mirrorStore.ts';
import { keyOf } from '../util/contentKeys.ts';
import { packRecord, unpackRecord } from './lazyRecords.ts';

/** One text file a load read: path as written, as printed, its text hash, and the warnings its parsing gave. */
export interface FileRead {
  readonly path: string;
  readonly file: string;
  readonly hash: string;
  readonly warnings: readonly Diagnostic[];
}

/** One image a load checked: its path as written, where it is referenced, and its bytes hash. */
export interface ImageUse {
  readonly src: string;
  readonly span?: SourceSpan;
  readonly hash: string;
}

/** What one load read, in order. */
export interface LoadLog {
  readonly reads: FileRead[];
  readonly images: ImageUse[];
}

/** A finished load: its value and what it read. */
export interface LoadRecord extends LoadLog {
  readonly value: unknown;
}

/** Where records are kept: the session's map (build context `loadRecords`), backed by a pack on disk if given. */
export interface RecordStore {
  get(key: string): LoadRecord | undefined;
  set(key: string, record: LoadRecord): void;
}

/**
 * Reads file `path` and loads it with `load`, or replays the record of an earlier load of the same text when every
 * file and image it read is unchanged. `kind` names what the load makes (one file may be loaded as different kinds).
 */
export async function recorded<T>(ctx: LoadContext, path: string, span: SourceSpan | undefined, kind: string, load: (p: ParsedYaml) => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
  const read = await readSource(ctx, path, span);
  if (!read) return undefined;
  const store = ctx.records;
  if (!store) {
    const p = parseSource(ctx, read);
    return p && load(p);
  }
  const key = JSON.stringify([kind, read.path, read.file, read.hash, ctx.limits]);
  const record = store.get(key);
  if (record && (await replay(ctx, record, read))) return noteKey(ctx, key, record);
  const outer = ctx.log;
  const log: LoadLog = { reads: [], images: [] };
  const errorsBefore = ctx.errors.length;
  let value: T | undefined;
  ctx.log = log;
  try {
    const p = parseSource(ctx, read);
    value = p && (await load(p));
  } finally {
    ctx.log = outer;
  }
  if (value !== undefined && ctx.errors.length === errorsBefore) {
    const made = { value, ...log };
    store.set(key, made);
    noteKey(ctx, key, made);
  }
  outer?.reads.push(...log.reads);
  outer?.images.push(...log.images);
  return value;
}

/**
 * Notes the content key of a record's value (util/contentKeys.ts): its own key and the hashes of every file and
 * image it read, which is all a load reads, so bind keys a section by it instead of walking the section.
 */
function noteKey<T>(ctx: LoadContext, key: string, record: LoadRecord): T {
  const value = record.value as T;
  // a record's value keeps the key it got when it was made (the record, and so the key, is the same)
  if (ctx.keys && value && typeof value === 'object' && !ctx.keys.has(value)) {
    ctx.keys.set(value, keyOf('load', key, ...record.reads.map((r) => `${r.file}\u0000${r.hash}`), ...record.images.map((im) => `${im.src}\u0000${im.hash}`)));
  }
  return value;
}

/** Repeats a record's effects if everything it read is unchanged (checked before any effect); false otherwise. */
async function replay(ctx: LoadContext, record: LoadRecord, first: SourceRead): Promise<boolean> {
  const texts = [first.text];
  for (const r of record.reads.slice(1)) {
    // a failed read is left to the load afresh, which reports it (its errors are not this check's to give)
    const errors = ctx.errors.length;
    const again = await readSource(ctx, r.path);
    ctx.errors.length = errors;
    if (!again || again.file !== r.file || again.hash !== r.hash) return false;
    texts.push(again.text);
  }
  // an image read by an earlier file of this build is not read again (as loadImage does)
  const fresh = new Map<string, Uint8Array>();
  for (const im of record.images) {
    const bytes = ctx.images.get(im.src) ?? fresh.get(im.src) ?? (await readInside(ctx.root, im.src, undefined, { bytes: ctx.limits.imageBytes, name: 'imageBytes' })).bytes;
    if (!bytes || bytesHash(bytes) !== im.hash) return false;
    if (!ctx.images.has(im.src)) fresh.set(im.src, bytes);
  }
  record.reads.forEach((r, i) => {
    ctx.files.push({ path: r.file, text: texts[i]! });
    for (const w of r.warnings) ctx.diag.push(w);
    ctx.log?.reads.push(r);
  });
  for (const im of record.images) {
    if (!ctx.images.has(im.src)) {
      ctx.images.set(im.src, fresh.get(im.src)!);
      if (im.span) ctx.imageSpans.set(im.src, im.span);
    }
    ctx.log?.images.push(im);
  }
  return true;
}

/** Most records a session keeps: a watch session adds one per edit (a section's whole load); the oldest go first. */
export const MAX_RECORDS = 1000;

/** The record store of one load: the session's records, and the content folder's pack when there is a cache folder. */
export function recordStore(build: BuildContext, cacheDir: string | undefined, contentDir: string): RecordStore & { save(): void } {
  // records go to the pack with their large fields apart, decoded when first used (lazyRecords.ts)
  return mirrorStore(build.cache<LoadRecord>('loadRecords'), mirrorPack(build, cacheDir, 'loadRecords', contentDir), 'loadRecords', asRecord, MAX_RECORDS, packRecord);
}

/** The entry as a record, or undefined when it does not have a record's shape. */
function asRecord(v: unknown): LoadRecord | undefined {
  const raw = v && typeof v === 'object' ? unpackRecord(v) : undefined;
  const o = raw as Partial<LoadRecord> | undefined;
  const str = (x: unknown) => typeof x === 'string';
  if (!o || typeof o !== 'object' || !Array.isArray(o.reads) || !Array.isArray(o.images)) return undefined;
  if (!o.reads.every((r) => r && str(r.path) && str(r.file) && str(r.hash) && Array.isArray(r.warnings))) return undefined;
  if (!o.images.every((im) => im && str(im.src) && str(im.hash))) return undefined;
  return o as LoadRecord;
}
