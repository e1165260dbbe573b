import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: templates/, fonts/ and the bundled content ship next to the code.
 * Works from src/ (vitest, tsx) and from dist/ (the bundled CLI), both one level below the root.
 */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the template folders live. */
export const TEMPLATES_DIR = resolve(PACKAGE_ROOT, 'templates');
/** The only folder fonts are loaded from (no system fonts, ever). */
export const FONTS_DIR = resolve(PACKAGE_ROOT, 'fonts');
/** The report built when no content folder is given. */
export const DEFAULT_CONTENT_DIR = resolve(PACKAGE_ROOT, 'content', 'jaarverslag-2020');
