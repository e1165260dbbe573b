/**
 * The template's font files as the font store needs them: each file's SHA-256 (the key of every cache that
 * depends on a face: shaped words, broken lines, chart renders, PDF subsets) at once, its bytes only when a face
 * is shaped or opened. Reading and hashing the ten bundled faces (4.8 MB) was 10–30 ms of every CLI build,
 * although a next build whose caches hold every word shapes with none of them.
 * A file's hash is kept by its stat (device, inode, size, modification and change times in nanoseconds): in the
 * session (build context `fileHashes`, with the bytes once read) and, with a cache folder, on disk
 * (`<cacheDir>/fonts/`, versioned by the tool; util/diskCache.ts). An entry is only written when the file's change
 * time was at least 2 s old when it was hashed (git's "racily clean" rule, as load/readSources.ts), so a write
 * within the clock's granularity is never mistaken for the old file. Bytes read later are hashed again and must
 * give the hash already handed out: a file replaced during the build is an error, never a cache entry under the
 * wrong key.
 */
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import type { BuildContext } from '../util/buildContext.ts';
import { bytesHash, cacheFile, readChecked, writeChecked } from '../util/diskCache.ts';

/** One font file: its hash, and its bytes on first use. */
export interface FontFile {
  readonly hash: string;
  bytes(): Uint8Array;
  /** The bytes if this session has read them already, without reading (pdf/ embeds them instead of reading again). */
  readBytes(): Uint8Array | undefined;
}

/** What the session keeps per file stat. */
export interface KnownFontFile {
  readonly hash: string;
  bytes?: Uint8Array;
}

/** How old a file's change time must be for its stat to stand for its content (as load/readSources.ts). */
const SETTLED_NS = 2_000_000_000n;

/** The font files' hashes by stat, from the session and the disk; `save` writes what this build added. */
export interface FontFiles {
  /** The file at `path` (stat `st`): hashed now, or known from the session or the disk by its stat. */
  open(path: string, st: BigIntStats): FontFile;
  /** Writes the hashes this build used to the cache folder, when they are not what it holds. */
  save(): void;
  /** How many files were read and hashed by `open` (tests: a next process reads none). */
  readonly hashed: number;
}

/** The font files of one build: `session` is the build context's `fileHashes`; `cacheDir` the disk cache, if any. */
export function fontFiles(session: Map<string, KnownFontFile> | undefined, cacheDir?: string): FontFiles {
  const file = cacheDir ? cacheFile(cacheDir, 'fonts', 'file hashes') : undefined;
  let disk: Record<string, string> | undefined;
  const onDisk = (): Record<string, string> => (disk ??= (file && readHashes(file)) || {});
  const used: Record<string, string> = {};
  let hashed = 0;
  return {
    open(path, st) {
      const key = `${path}\u0000${st.dev}\u0000${st.ino}\u0000${st.size}\u0000${st.mtimeNs}\u0000${st.ctimeNs}`;
      let known = session?.get(key);
      const stored = known ? undefined : onDisk()[key];
      if (!known && stored) known = { hash: stored };
      if (!known) {
        const bytes = readFileSync(path);
        hashed++;
        known = { hash: bytesHash(bytes), bytes };
        // Date.now() only decides whether the stat may stand for these bytes later; it never reaches the output
        if (BigInt(Date.now()) * 1_000_000n - st.ctimeNs < SETTLED_NS) return { hash: known.hash, bytes: () => bytes, readBytes: () => bytes };
      }
      session?.set(key, known);
      used[key] = known.hash;
      const entry = known;
      return {
        hash: entry.hash,
        bytes() {
          if (entry.bytes) return entry.bytes;
          const bytes = readFileSync(path);
          if (bytesHash(bytes) !== entry.hash) throw new Error(`font file ${path} changed while the report was built; build again`);
          return (entry.bytes = bytes);
        },
        readBytes: () => entry.bytes,
      };
    },
    save() {
      if (!file) return;
      const held = onDisk();
      const keys = Object.keys(used);
      if (keys.length === Object.keys(held).length && keys.every((k) => held[k] === used[k])) return;
      if (writeChecked(file, JSON.stringify(used))) disk = { ...used };
    },
    get hashed() {
      return hashed;
    },
  };
}

/** The stored hashes, or none when the file is missing, damaged or not of this shape. */
function readHashes(file: string): Record<string, string> | undefined {
  const body = readChecked(file);
  if (body === undefined) return undefined;
  try {
    const v = JSON.parse(body) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    return Object.values(v).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ? (v as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** The stat a font file is known by (nanosecond times), or undefined when there is none. */
export function fontStat(path: string): BigIntStats | undefined {
  return statSync(path, { bigint: true, throwIfNoEntry: false });
}

/** The build context's session map of font files (kept beside the other caches of the session). */
export const sessionFontFiles = (build: BuildContext | undefined) => build?.cache<KnownFontFile>('fileHashes');
