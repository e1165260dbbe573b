/**
 * The load records of a content folder on disk (`<cacheDir>/load/`), so the next CLI run (a new process, whose
 * build context starts empty) replays them instead of parsing and validating every YAML file again: yaml and zod
 * were ≈ 170 ms of a cached build, reading the pack back is a few. One pack per content folder and tool version
 * (the load, spec, diag, locale and util code's hash and the yaml and zod versions), holding the records the last
 * build used, keyed by a hash of the record key (kind, path, text hash, limits). The file starts with a hash of the
 * rest, so a damaged pack is ignored (every file is loaded again); it is written through a temporary file and a
 * rename, only when a build changed what it holds, and a failed write is ignored. The pack stays loaded in the
 * build context (`loadFiles`), so a watcher reads it once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.ts';
import { memo, type BuildContext } from '../util/buildContext.ts';
import { writeCacheFile } from '../util/cacheFiles.ts';
import { richDecode, richEncode } from '../util/richJson.ts';
import { sourcesHash } from '../text/lineCache.ts';
import type { LoadRecord, RecordStore } from './loadRecords.ts';

/** Hash of the code that decides a load record, baked into dist/ by scripts/compile.mjs; undefined from sources. */
declare const __LOAD_CODE_HASH__: string | undefined;

/** A pack as loaded: entries by key hash (JSON data, with their JSON text once known), and whether it changed. */
export interface RecordPack {
  readonly file: string;
  entries: Map<string, { data: unknown; text?: string }>;
  dirty: boolean;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The record store of one load: the session's records, and the content folder's pack when there is a cache folder. */
export function recordStore(build: BuildContext, cacheDir: string | undefined, contentDir: string): RecordStore & { save(): void } {
  const memory = build.cache<LoadRecord>('loadRecords');
  const file = cacheDir && join(cacheDir, 'load', `${sha(`${loadCodeHash()}\u0000${resolve(contentDir)}`).slice(0, 32)}.json`);
  const pack = file ? memo(build.cache<RecordPack>('loadFiles'), file, () => readPack(file)) : undefined;
  // the entries this build used: the pack keeps only these (it mirrors the folder's last build)
  const used = new Set<string>();
  const keep = (key: string, record: LoadRecord) => {
    if (!pack) return;
    const h = sha(key);
    used.add(h);
    if (!pack.entries.has(h)) {
      pack.entries.set(h, { data: richEncode(record) });
      pack.dirty = true;
    }
  };
  return {
    get(key) {
      let record = memory.get(key);
      const raw = record ? undefined : pack?.entries.get(sha(key));
      if (raw) {
        try {
          record = asRecord(richDecode(raw.data));
        } catch {
          record = undefined; // a damaged entry is a miss
        }
        if (record) memory.set(key, record);
      }
      if (record) keep(key, record);
      return record;
    },
    set(key, record) {
      memory.set(key, record);
      pack?.entries.delete(sha(key));
      keep(key, record);
    },
    save() {
      if (!pack || !file) return;
      if (!pack.dirty && pack.entries.size === used.size) return;
      pack.entries = new Map([...pack.entries].filter(([h]) => used.has(h)));
      const body = `{${[...pack.entries].map(([h, e]) => `${JSON.stringify(h)}:${(e.text ??= JSON.stringify(e.data))}`).join(',')}}`;
      if (writeChecked(file, body)) pack.dirty = false;
    },
  };
}

function readPack(file: string): RecordPack {
  const entries = new Map<string, { data: unknown }>();
  try {
    const body = readChecked(file);
    if (body !== undefined) for (const [h, data] of Object.entries(JSON.parse(body) as object)) entries.set(h, { data });
  } catch {
    // damaged pack: every file is loaded again
  }
  return { file, entries, dirty: false };
}

/** A cache file's text after its hash line, or undefined when it is missing or its hash does not match. */
export function readChecked(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  return nl === 64 && text.slice(0, nl) === sha(body) ? body : undefined;
}

/** Writes a cache file as a hash line and `body` (atomically; false when it could not). */
export function writeChecked(file: string, body: string): boolean {
  return writeCacheFile(file, `${sha(body)}\n${body}`);
}

/** The entry as a record, or undefined when it does not have a record's shape. */
function asRecord(v: unknown): LoadRecord | undefined {
  const o = v as Partial<LoadRecord> | undefined;
  const str = (x: unknown) => typeof x === 'string';
  if (!o || !('value' in o) || !Array.isArray(o.reads) || !Array.isArray(o.images)) return undefined;
  if (!o.reads.every((r) => r && str(r.path) && str(r.file) && str(r.hash) && Array.isArray(r.warnings))) return undefined;
  if (!o.images.every((im) => im && str(im.src) && str(im.hash))) return undefined;
  return o as LoadRecord;
}

let codeHash: string | undefined;
/**
 * The front code's hash (load, template, prepared images) and the parser's, validator's and image library's
 * versions: a changed loader never replays old records, templates or images.
 */
export function loadCodeHash(): string {
  if (codeHash === undefined) {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    const code = typeof __LOAD_CODE_HASH__ === 'string' ? __LOAD_CODE_HASH__ : sourcesHash(LOAD_CODE_DIRS.map((d) => join(src, d)));
    const deps = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    codeHash = `code@${code} yaml@${deps.yaml} zod@${deps.zod} sharp@${deps.sharp}`;
  }
  return codeHash;
}

/** The folders of src/ whose code decides a load record (scripts/compile.mjs hashes the same ones). */
export const LOAD_CODE_DIRS = ['load', 'spec', 'diag', 'locale', 'util', 'images'] as const;
