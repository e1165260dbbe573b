/**
 * A session cache backed by a pack file on disk that mirrors the entries the last build used, so the next CLI
 * run (a new process) starts with them: load records (load/loadRecords.ts) and styled sections
 * (style/styleCache.ts). Entries are keyed by a hash of their content key and written as rich JSON (Maps, bytes,
 * undefined survive); the file starts with a hash of the rest, so a damaged pack is ignored, and is written
 * through a temporary file and a rename, only when a build changed what it holds (a failed write is ignored).
 * Packs are versioned by the front code's hash (frontCodeHash): a changed tool never reads old entries.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.ts';
import { memo } from './buildContext.ts';
import { writeCacheFile } from './cacheFiles.ts';
import { richDecode, richEncode } from './richJson.ts';

/** A pack as loaded: entries by key hash (JSON data, with their JSON text once known), and whether it changed. */
export interface EntryPack {
  entries: Map<string, { data: unknown; text?: string }>;
  dirty: boolean;
}

/** A session cache with its pack. */
export interface MirrorStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Writes the pack (when there is one and this build changed what it should hold). */
  save(): void;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The pack file of one kind of entry (`kind`: its folder under the cache dir) for one content folder. */
export function packFile(cacheDir: string, kind: string, contentDir: string): string {
  return join(cacheDir, kind, `${sha(`${frontCodeHash()}\u0000${resolve(contentDir)}`).slice(0, 32)}.json`);
}

/**
 * `memory` (the session's map) over the pack in `file` (loaded once per session into `packs`); `check` turns a
 * decoded entry into a value, or undefined when it does not have the value's shape.
 */
export function mirrorStore<V>(
  memory: Map<string, V>,
  disk: { packs: Map<string, EntryPack>; file: string } | undefined,
  check: (v: unknown) => V | undefined,
  /** Most entries the session's map keeps (a long watch session adds one per edit); the oldest go first. */
  max = Infinity,
): MirrorStore<V> {
  const pack = disk && memo(disk.packs, disk.file, () => readPack(disk.file));
  // the entries this build used: the pack keeps only these
  const used = new Set<string>();
  const keep = (key: string, value: V) => {
    if (!pack) return;
    const h = sha(key);
    used.add(h);
    if (!pack.entries.has(h)) {
      pack.entries.set(h, { data: richEncode(value) });
      pack.dirty = true;
    }
  };
  return {
    get(key) {
      let value = memory.get(key);
      const raw = value === undefined ? pack?.entries.get(sha(key)) : undefined;
      if (raw) {
        try {
          value = check(richDecode(raw.data));
        } catch {
          value = undefined; // a damaged entry is a miss
        }
        if (value !== undefined) memory.set(key, value);
      }
      if (value !== undefined) keep(key, value);
      return value;
    },
    set(key, value) {
      memory.set(key, value);
      while (memory.size > max) memory.delete(memory.keys().next().value as string);
      pack?.entries.delete(sha(key));
      keep(key, value);
    },
    save() {
      if (!pack || !disk) return;
      if (!pack.dirty && pack.entries.size === used.size) return;
      pack.entries = new Map([...pack.entries].filter(([h]) => used.has(h)));
      const body = `{${[...pack.entries].map(([h, e]) => `${JSON.stringify(h)}:${(e.text ??= JSON.stringify(e.data))}`).join(',')}}`;
      if (writeChecked(disk.file, body)) pack.dirty = false;
    },
  };
}

function readPack(file: string): EntryPack {
  const entries = new Map<string, { data: unknown }>();
  try {
    const body = readChecked(file);
    if (body !== undefined) for (const [h, data] of Object.entries(JSON.parse(body) as object)) entries.set(h, { data });
  } catch {
    // damaged pack: every entry is made again
  }
  return { entries, dirty: false };
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

/** Hash of the front code baked into dist/ by scripts/compile.mjs; undefined when running from sources. */
declare const __LOAD_CODE_HASH__: string | undefined;

/** The folders of src/ whose code decides a front cache entry (scripts/compile.mjs hashes the same ones). */
export const FRONT_CODE_DIRS = ['load', 'spec', 'diag', 'locale', 'util', 'images', 'style', 'fonts'] as const;

let codeHash: string | undefined;
/**
 * The front code's hash (load, template, prepared images, styling and the measuring it uses) and the versions of
 * the libraries that decide those entries: a changed tool never reads old records, templates, images or styles.
 */
export function frontCodeHash(): string {
  if (codeHash === undefined) {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    const code = typeof __LOAD_CODE_HASH__ === 'string' ? __LOAD_CODE_HASH__ : dirsHash(FRONT_CODE_DIRS.map((d) => join(src, d)));
    const deps = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    codeHash = `code@${code} yaml@${deps.yaml} zod@${deps.zod} sharp@${deps.sharp} harfbuzzjs@${deps.harfbuzzjs}`;
  }
  return codeHash;
}

/** Hash of the .ts files of some folders, as scripts/compile.mjs computes it. */
function dirsHash(dirs: readonly string[]): string {
  const h = createHash('sha256');
  for (const dir of dirs) for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}
