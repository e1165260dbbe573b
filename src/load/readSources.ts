/** Reads files strictly inside the content folder: rejects `..`, absolute paths, urls and symlinks that escape. */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';

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

const realRoots = new Map<string, Promise<string>>();
/** The root's real path, resolved once per root (realpath is the loader's slowest call). */
function realRootOf(root: string): Promise<string> {
  const abs = resolve(root);
  if (!realRoots.has(abs)) realRoots.set(abs, realpath(abs));
  return realRoots.get(abs)!;
}

/** Reads `path` (relative to `root`) as bytes; symlinks must resolve inside the real root. */
export async function readInside(
  root: string,
  path: string,
  span?: SourceSpan,
): Promise<{ bytes?: Uint8Array; abs: string; error?: Diagnostic }> {
  const abs = resolve(root, path);
  const refused = checkContentPath(path, span);
  if (refused) return { abs, error: refused };
  let real: string;
  try {
    real = await realpath(abs);
  } catch {
    return { abs, error: messages.fileNotFound(displayPath(abs), span, 'no such file') };
  }
  const realRoot = await realRootOf(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return { abs, error: messages.pathEscapes(path, span) };
  try {
    return { abs, bytes: new Uint8Array(await readFile(real)) };
  } catch (e) {
    return { abs, error: messages.fileNotFound(displayPath(abs), span, (e as NodeJS.ErrnoException).code ?? 'unreadable') };
  }
}

/** Reads a text file inside the content folder (UTF-8, BOM stripped). */
export async function readTextInside(root: string, path: string, span?: SourceSpan) {
  const r = await readInside(root, path, span);
  const text = r.bytes ? new TextDecoder('utf-8').decode(r.bytes).replace(/^\uFEFF/, '') : undefined;
  return { abs: r.abs, text, error: r.error };
}
