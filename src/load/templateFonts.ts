/**
 * The font files of a template. A bundled template names files of the tool's fonts/ (loaded by fonts/fontStore.ts).
 * A template in the content folder may bring its own: a path relative to its folder, read with the content
 * folder's path guard (no `..`, no absolute path, no symlink out); a bare file name that its folder does not hold
 * is one of the tool's fonts (so a content template can name the bundled faces without copying them).
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { nodeAt, spanOf } from './parseYaml.ts';
import { displayPath, readInside } from './readSources.ts';
import type { TemplateSource } from './templateFiles.ts';
import { existsNoted, noteRead, type DepLog } from './fileDeps.ts';

/** Largest font file read (the bundled faces are 0.2–1.5 MB; a CJK font is ≈ 20 MB). */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** sfnt versions of a font pdfkit can embed and HarfBuzz can shape: TrueType (0x00010000, 'true') and CFF ('OTTO'). */
export function isFontFile(bytes: Uint8Array): boolean {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO';
}

/**
 * Absolute paths of the faces a content-folder template brings (key → file), checked to be fonts; problems (missing
 * file, not a font, a path leaving the content folder) go to `problems` at the font's line in its template.yaml.
 * `fontsDir`: the tool's fonts, where a bare name not found beside the template is looked for.
 */
export async function templateFontFiles(fonts: Readonly<Record<string, string>>, src: TemplateSource, fontsDir: string | undefined, problems: Diagnostic[], log?: DepLog): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, file] of Object.entries(fonts)) {
    const { origin, parsed } = src.fontOf(key);
    if (origin.bundled) continue;
    const span = spanOf(parsed, nodeAt(parsed, ['fonts', key]));
    const rel = posix.join(origin.dir, file.replace(/\\/g, '/'));
    const read = await readInside(origin.root, rel, span, { bytes: MAX_FONT_BYTES, name: 'fileBytes' });
    if (read.bytes) {
      noteRead(log, origin.root, rel, read.bytes);
      if (isFontFile(read.bytes)) out[key] = read.abs;
      else problems.push(messages.notAFont(key, file, span));
      continue;
    }
    const bare = !/[\\/]/.test(file);
    // the file was not beside the template: found in the tool's fonts for as long as neither changes
    if (bare && fontsDir && existsNoted(log, join(fontsDir, file))) {
      existsNoted(log, read.abs);
      continue;
    }
    // a missing file gets our message; a path leaving the content folder is named as written; others keep theirs
    const missing = !read.error || (read.error.code === 'LOAD001' && !existsSync(read.abs));
    if (missing) problems.push(messages.templateFontNotFound(key, file, displayPath(read.abs), span));
    else problems.push(read.error!.code === 'LOAD003' ? messages.pathEscapes(file, span) : read.error!);
  }
  return out;
}
