/**
 * Broken paragraphs on disk, so the next CLI run (a new process, whose build context starts empty) does not break
 * every paragraph again: breaking was about 0.5 s of a cached build of the bundled report. One pack file per scope
 * (font files' hashes, hyphenator: languages and exceptions, algorithm, and the text code's own hash) under the
 * build's cache folder (`<cacheDir>/lines/`), holding entries keyed by a hash of the paragraph's content key (text,
 * styles, alignment, leading, hyphenation, indent, measure: breakLines.ts paragraphKey). Each entry is checked when
 * read, so a damaged one is a miss and is broken again; the pack is written through a temporary file and a rename,
 * only when a build added entries, and a failed write is ignored (the cache is only an optimisation). Loaded packs
 * stay in the build context (`lineFiles`), so a watcher reads a pack once.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.ts';
import { writeCacheFile } from '../util/cacheFiles.ts';
import type { BrokenParagraph } from './breakLines.ts';
import type { Line } from './types.ts';

/** Hash of src/text/ and src/fonts/ that scripts/compile.mjs bakes into dist/; undefined when running from sources. */
declare const __TEXT_CODE_HASH__: string | undefined;

/** Most entries one pack keeps (the 10× bench document has ≈ 3,000 paragraphs); the least recently used go. */
const MAX_ENTRIES = 20_000;

/** A pack as loaded: raw entries by key hash (checked when used), and whether this session added any. */
export interface LinePack {
  readonly file: string;
  readonly entries: Map<string, unknown>;
  dirty: boolean;
}

/** The disk side of the line breaker's cache. */
export interface LineDiskCache {
  get(scope: string, key: string): BrokenParagraph | undefined;
  set(scope: string, key: string, value: BrokenParagraph): void;
  /** Writes every pack that gained entries. */
  save(): void;
}

let codeHash: string | undefined;
/**
 * The text and font code's hash and the pinned versions of the shaper and the hyphenation patterns: a changed
 * breaker, shaper or pattern set never serves old lines.
 */
export function textCodeHash(): string {
  if (codeHash === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const code = typeof __TEXT_CODE_HASH__ === 'string' ? __TEXT_CODE_HASH__ : sourcesHash([here, join(here, '..', 'fonts')]);
    const deps = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    codeHash = `code@${code} harfbuzzjs@${deps.harfbuzzjs} hyphenopoly@${deps.hyphenopoly}`;
  }
  return codeHash;
}

/** Hash of the .ts files of some folders (also used by scripts/compile.mjs). */
export function sourcesHash(dirs: readonly string[]): string {
  const h = createHash('sha256');
  for (const dir of dirs) for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The line cache under `cacheDir`, with its loaded packs kept in `packs` (build context `lineFiles`). */
export function createLineDiskCache(cacheDir: string, packs: Map<string, LinePack>): LineDiskCache {
  const pack = (scope: string): LinePack => {
    const file = join(cacheDir, 'lines', `${sha(`${textCodeHash()}\u0000${scope}`).slice(0, 32)}.json`);
    let p = packs.get(file);
    if (!p) packs.set(file, (p = { file, entries: readPack(file), dirty: false }));
    return p;
  };
  return {
    get(scope, key) {
      const p = pack(scope);
      const k = sha(key);
      const raw = p.entries.get(k);
      if (raw === undefined) return undefined;
      const v = asBroken(raw);
      if (!v) p.entries.delete(k);
      else {
        p.entries.delete(k); // most recently used last
        p.entries.set(k, v);
      }
      return v;
    },
    set(scope, key, value) {
      const p = pack(scope);
      p.entries.set(sha(key), value);
      p.dirty = true;
    },
    save() {
      for (const p of packs.values()) {
        if (!p.dirty || !p.file.startsWith(join(cacheDir, 'lines'))) continue;
        const keep = [...p.entries].slice(-MAX_ENTRIES);
        if (writeCacheFile(p.file, JSON.stringify({ entries: Object.fromEntries(keep) }))) p.dirty = false;
      }
    },
  };
}

function readPack(file: string): Map<string, unknown> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
    if (data && typeof data.entries === 'object' && data.entries !== null) return new Map(Object.entries(data.entries));
  } catch {
    // missing or damaged pack: every paragraph is a miss
  }
  return new Map();
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, is: (x: unknown) => boolean) => v === undefined || is(v);

function isRun(r: unknown): boolean {
  const o = r as Record<string, unknown>;
  return (
    !!o && isStr(o.text) && isStr(o.font) && isStr(o.color) && [o.xPt, o.widthPt, o.sizePt, o.wordSpacingPt].every(isNum) &&
    Array.isArray(o.features) && o.features.every(isStr) && optional(o.link, isStr) && optional(o.footnoteId, isStr) &&
    optional(o.risePt, isNum) && optional(o.scale, isNum) && optional(o.letterSpacingPt, isNum)
  );
}

function isLine(l: unknown): l is Line {
  const o = l as Record<string, unknown>;
  return (
    !!o && Array.isArray(o.runs) && o.runs.every(isRun) && [o.widthPt, o.ascentPt, o.descentPt, o.heightPt].every(isNum) &&
    typeof o.hyphenated === 'boolean' && optional(o.spaceRatio, isNum) && optional(o.overfull, (x) => typeof x === 'boolean')
  );
}

/** The entry as a broken paragraph, or undefined when it is not one (a damaged entry). */
function asBroken(v: unknown): BrokenParagraph | undefined {
  const o = v as Record<string, unknown>;
  if (!o || !Array.isArray(o.lines) || !o.lines.every(isLine) || !Array.isArray(o.tooWide) || !o.tooWide.every(isStr)) return undefined;
  if (!Array.isArray(o.overfull) || !o.overfull.every((x: { text?: unknown; excess?: unknown }) => !!x && isStr(x.text) && isNum(x.excess))) return undefined;
  if (!optional(o.forced, (x) => Array.isArray(x) && x.every(isStr))) return undefined;
  return o as unknown as BrokenParagraph;
}
