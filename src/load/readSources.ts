/** Reads files strictly inside the content folder: rejects `..`, absolute paths, urls and symlinks that escape. */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync, type BigIntStats, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { bytesHash } from '../util/diskCache.ts';

/** Path as printed in diagnostics: relative to the working directory. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

/** Checks a path written in the content (before touching the disk); returns a diagnostic when it is refused. */
export function checkContentPath(path: string, span?: SourceSpan): Diagnostic | undefined {
  if (/^(https?|file|data|ftp):/i.test(path)) return messages.urlNotAllowed(path, span);
  if (isAbsolute(path) || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('~')) return messages.pathEscapes(path, span);
  if (path.split(/[\\/]/).includes('..')) return messages.pathEscapes(path, span);
  return undefined;
}

/**
 * The real path of a folder: with `dirs` (one load's, loadContext.ts), resolved once per load, else on every read;
 * so a folder replaced between two builds of a session is seen. One realpath(3) call (the native form): the
 * JavaScript form lstat's every component of the path.
 */
function realDirOf(dir: string, dirs?: Map<string, string>): string {
  let real = dirs?.get(dir);
  if (real === undefined) {
    real = realpathSync.native(dir);
    dirs?.set(dir, real);
  }
  return real;
}

/**
 * A file's real path: its folder's (realDirOf) and its name, unless the file itself is a symbolic link (then
 * resolved whole). realpath(3) of each file lstat'ed every component of its path: ≈ 5 ms of a watch rebuild of the
 * 10× report, for ninety files in three folders. Throws as realpath does when the file or a folder is missing.
 */
function realFileOf(abs: string, dirs?: Map<string, string>): string {
  if (!dirs) return realpathSync.native(abs);
  if (lstatSync(abs).isSymbolicLink()) return realpathSync.native(abs);
  return join(realDirOf(dirname(abs), dirs), basename(abs));
}

/**
 * A file read before in the session (build context `knownFiles`, by real path): what fstat said of it then, its
 * bytes, and (for a text file) its decoded text and that text's hash. A read whose open file has the same device,
 * inode, size, modification and change times (nanoseconds) takes these instead of reading and decoding again; the
 * change time moves on every write and rename and cannot be set back, and an entry is only made when that time
 * was at least SETTLED_NS old at the read, so a write within the clock's granularity of the read is never missed
 * (git's "racily clean" rule). The path and the folder checks before it are made on every read.
 */
export interface KnownFile {
  readonly stat: string;
  readonly bytes: Uint8Array;
  /** SHA-256 of the bytes, made when first asked (knownHash). */
  bytesHash?: string;
  text?: string;
  textHash?: string;
}

/** SHA-256 of a read's bytes: the known file's, made once per session, else hashed now. */
export function knownHash(read: { bytes: Uint8Array; known?: KnownFile }): string {
  if (!read.known) return bytesHash(read.bytes);
  return (read.known.bytesHash ??= bytesHash(read.bytes));
}

/** How old a file's change time must be for its stat to stand for its content (2 s: coarse file system clocks). */
const SETTLED_NS = 2_000_000_000n;

/**
 * Reads `path` (relative to `root`) as bytes; symlinks must resolve inside the real root. Only regular files are
 * read (a named pipe would block forever, a device never end), and only up to `limit.bytes`: the size is checked
 * on the open file before anything is read, so a huge file costs nothing.
 */
export async function readInside(
  root: string,
  path: string,
  span?: SourceSpan,
  limit: { bytes: number; name: 'fileBytes' | 'imageBytes' } = { bytes: Infinity, name: 'fileBytes' },
  known?: Map<string, KnownFile>,
  /** One load's real folders (realDirOf); none: every read resolves its path whole. */
  dirs?: Map<string, string>,
): Promise<{ bytes?: Uint8Array; abs: string; error?: Diagnostic; known?: KnownFile }> {
  const abs = resolve(root, path);
  const refused = checkContentPath(path, span);
  if (refused) return { abs, error: refused };
  // Synchronous calls: content files are small and local, and five thread-pool round trips per file (realpath,
  // open, fstat, read, close) were most of a rebuild's load time while the event loop sat idle.
  const unchanged = dirs && known && knownUnchanged(root, abs, dirs, known, limit.bytes);
  if (unchanged) return { abs, bytes: unchanged.bytes, known: unchanged };
  const plain = dirs && openPlain(root, abs, dirs);
  let fd = plain?.fd;
  let real = plain?.real ?? '';
  if (fd === undefined) {
    try {
      real = realFileOf(abs, dirs);
    } catch {
      return { abs, error: messages.fileNotFound(displayPath(abs), span, 'no such file') };
    }
    const realRoot = realDirOf(resolve(root), dirs);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return { abs, error: messages.pathEscapes(path, span) };
    try {
      // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the open descriptor then says what it is.
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (e) {
      return { abs, error: messages.fileNotFound(displayPath(abs), span, (e as NodeJS.ErrnoException).code ?? 'unreadable') };
    }
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    if (!st.isFile()) return { abs, error: messages.notAFile(displayPath(abs), fileKind(st), span) };
    const size = Number(st.size);
    if (size > limit.bytes) return { abs, error: messages.limitExceeded(limit.name, size, limit.bytes, span, `size of "${displayPath(abs)}" in bytes`) };
    const stat = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
    const seen = known?.get(real);
    if (seen?.stat === stat) return { abs, bytes: seen.bytes, known: seen };
    const bytes = readOpenFile(fd, size);
    // Date.now() only decides whether to trust the stat next time; it never reaches the output
    if (!known || BigInt(Date.now()) * 1_000_000n - st.ctimeNs < SETTLED_NS) {
      known?.delete(real);
      return { abs, bytes };
    }
    const entry: KnownFile = { stat, bytes };
    known.set(real, entry);
    return { abs, bytes, known: entry };
  } catch (e) {
    return { abs, error: messages.fileNotFound(displayPath(abs), span, (e as NodeJS.ErrnoException).code ?? 'unreadable') };
  } finally {
    closeSync(fd);
  }
}

/**
 * The known file at `abs` when its stat is the one it was read with: one lstat of its real path (its folder's and
 * its name) instead of open, fstat and close. Only a regular file inside the content folder within the size limit
 * counts; a link, anything else or a changed stat gives undefined and the read opens the file as before. The stat
 * of the path is the stat the open file would have (the same inode), so the racily-clean rule holds as for fstat.
 */
function knownUnchanged(root: string, abs: string, dirs: Map<string, string>, known: Map<string, KnownFile>, maxBytes: number): KnownFile | undefined {
  try {
    const real = join(realDirOf(dirname(abs), dirs), basename(abs));
    const seen = known.get(real);
    if (!seen || !real.startsWith(realDirOf(resolve(root), dirs) + sep)) return undefined;
    const st = lstatSync(real, { bigint: true, throwIfNoEntry: false });
    if (!st?.isFile() || Number(st.size) > maxBytes) return undefined;
    return seen.stat === `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` ? seen : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file opened where it is, when it is no link and its folder's real path lies inside the content folder: its
 * real path is then that folder's and its name, as realFileOf says, without the lstat (and Stats object) per file.
 * O_NOFOLLOW makes a link fail to open (ELOOP); a link, a missing file or any other failure gives undefined and the
 * read takes realFileOf's way, which says what is wrong exactly as before.
 */
function openPlain(root: string, abs: string, dirs: Map<string, string>): { fd: number; real: string } | undefined {
  try {
    const real = join(realDirOf(dirname(abs), dirs), basename(abs));
    const realRoot = realDirOf(resolve(root), dirs);
    if (!real.startsWith(realRoot + sep)) return undefined;
    return { fd: openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW), real };
  } catch {
    return undefined;
  }
}

/**
 * The bytes of an open regular file whose fstat said `size`, in a buffer of their own (kept by the session's known
 * files). readFileSync(fd) stat'ed the file again and gave a pooled Buffer that then had to be copied: one fstat and
 * one copy per file of every load. Reads as readFileSync does: up to `size` bytes, fewer if the file shrank (cut
 * to what was read); a size of 0 (a file whose size is not known ahead) is left to readFileSync, which reads to its end.
 */
export function readOpenFile(fd: number, size: number): Uint8Array {
  if (size === 0) return new Uint8Array(readFileSync(fd));
  const bytes = new Uint8Array(size);
  let pos = 0;
  for (let n = -1; n !== 0 && pos < size; pos += n) n = readSync(fd, bytes, pos, size - pos, null);
  return pos < size ? bytes.slice(0, pos) : bytes;
}

/** What a non-regular file is, for the message. */
function fileKind(st: Stats | BigIntStats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a text file inside the content folder: strict UTF-8 (an invalid byte is an error at its line), BOM stripped.
 * With `known`, an unchanged file's text (and its hash) is the one decoded before.
 */
export async function readTextInside(root: string, path: string, span?: SourceSpan, maxBytes = Infinity, known?: Map<string, KnownFile>, dirs?: Map<string, string>): Promise<{ abs: string; text?: string; error?: Diagnostic; hash?: string }> {
  const r = await readInside(root, path, span, { bytes: maxBytes, name: 'fileBytes' }, known, dirs);
  if (!r.bytes) return { abs: r.abs, text: undefined, error: r.error };
  if (r.known?.text !== undefined) return { abs: r.abs, text: r.known.text, hash: r.known.textHash };
  const decoded = decodeUtf8(r.bytes, displayPath(r.abs));
  const text = decoded.text?.replace(/^\uFEFF/, '');
  if (text === undefined || !r.known) return { abs: r.abs, text, error: decoded.error };
  r.known.text = text;
  r.known.textHash = bytesHash(text);
  return { abs: r.abs, text, hash: r.known.textHash };
}

/** Strict UTF-8: the text, or an error at the line and column of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; error?: Diagnostic } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const column = [...before.slice(lineStart)].length + 1;
    const shown = [...bytes.subarray(bad, bad + 4)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    return { error: messages.invalidUtf8({ file, line, column, offset: lineStart }, bad, shown) };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  // binary search on the longest valid prefix (a cut inside a sequence is handled by stream mode)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // lo may sit after the lead byte of the broken sequence: step back to where the last complete character ends
  for (let j = lo; j > lo - 4 && j > 0; j--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, j));
      return j;
    } catch {
      /* inside a sequence: one byte further back */
    }
  }
  return lo;
}
