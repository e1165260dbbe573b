/**
 * The cache key of a chart render: a hash of everything that decides its SVG — the prepared spec
 * (datasets, theme config, frame size), the chart fonts' bytes, and the versions of reportpress and
 * vega/vega-lite. Paths and ids are left out, so a moved checkout or a renamed chart still hits.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { PACKAGE_ROOT } from '../paths.ts';

/** Bump when the renderer's output changes without a version change (e.g. a new SVG post-processing step). */
const RENDER_FORMAT = 2;

let versions: string | undefined;
/** reportpress and its pinned chart libraries (package.json pins exact versions). */
function rendererVersions(): string {
  if (versions === undefined) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    const d = pkg.dependencies;
    versions = `reportpress@${pkg.version} vega@${d.vega} vega-lite@${d['vega-lite']} vega-interpreter@${d['vega-interpreter']} format@${RENDER_FORMAT}`;
  }
  return versions;
}

/** Content hashes of font files, remembered by path, size and mtime. */
const fontHashes = new Map<string, string>();
function fontHash(path: string): string {
  const st = statSync(path);
  const stamp = `${path}:${st.size}:${st.mtimeMs}`;
  let h = fontHashes.get(stamp);
  if (!h) {
    h = createHash('sha256').update(readFileSync(path)).digest('hex');
    fontHashes.set(stamp, h);
  }
  return h;
}

/** The key of one prepared chart spec. */
export function chartKey(spec: Record<string, unknown>, theme: ResolvedTheme['chart'], fonts: FontStore): string {
  const faces = Object.values(theme.fontKeys).map((k) => `${k}=${fontHash(fonts.files[k])}`);
  return createHash('sha256')
    .update(JSON.stringify([rendererVersions(), faces, theme, spec]))
    .digest('hex');
}
