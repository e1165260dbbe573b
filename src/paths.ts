import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: templates/, fonts/ and the bundled content ship next to the code. Found by walking up from
 * this module to the folder with package.json, so it holds from src/ (vitest), dist/ and dist/chunks/ (the CLI).
 * dist/ has a package.json of its own that only says "commonjs" (scripts/compile.mjs): the root's is the one
 * with a name.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (named(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

/** True for a package.json that names a package (false for none, for dist/'s, for one that does not parse). */
function named(file: string): boolean {
  try {
    return typeof (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'string';
  } catch {
    return false;
  }
}

/** Where the template folders live. */
export const TEMPLATES_DIR = resolve(PACKAGE_ROOT, 'templates');
/** The only folder fonts are loaded from (no system fonts, ever). */
export const FONTS_DIR = resolve(PACKAGE_ROOT, 'fonts');
/** The report built when no content folder is given. */
export const DEFAULT_CONTENT_DIR = resolve(PACKAGE_ROOT, 'content', 'jaarverslag-2020');
