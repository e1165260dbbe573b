/**
 * The load records of a content folder on disk (`<cacheDir>/load/`), so the next CLI run (a new process, whose
 * build context starts empty) replays them instead of parsing and validating every YAML file again: yaml and zod
 * were ≈ 170 ms of a cached build, reading the pack back is a few. One pack per content folder and tool version,
 * holding the records the last build used (util/entryPack.ts), loaded once per session (build context
 * `loadFiles`).
 */
import type { BuildContext } from '../util/buildContext.ts';
import { mirrorStore, packFile, type EntryPack } from '../util/entryPack.ts';
import type { LoadRecord, RecordStore } from './loadRecords.ts';

/** The record store of one load: the session's records, and the content folder's pack when there is a cache folder. */
export function recordStore(build: BuildContext, cacheDir: string | undefined, contentDir: string): RecordStore & { save(): void } {
  const disk = cacheDir ? { packs: build.cache<EntryPack>('loadFiles'), file: packFile(cacheDir, 'load', contentDir) } : undefined;
  return mirrorStore(build.cache<LoadRecord>('loadRecords'), disk, asRecord);
}

/** The entry as a record, or undefined when it does not have a record's shape. */
function asRecord(v: unknown): LoadRecord | undefined {
  const o = v as Partial<LoadRecord> | undefined;
  const str = (x: unknown) => typeof x === 'string';
  if (!o || typeof o !== 'object' || !('value' in o) || !Array.isArray(o.reads) || !Array.isArray(o.images)) return undefined;
  if (!o.reads.every((r) => r && str(r.path) && str(r.file) && str(r.hash) && Array.isArray(r.warnings))) return undefined;
  if (!o.images.every((im) => im && str(im.src) && str(im.hash))) return undefined;
  return o as LoadRecord;
}
