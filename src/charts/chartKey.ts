/**
 * The cache key of a chart render: a hash of everything that decides its SVG — the sandboxed spec, its
 * datasets and frame width, the chart theme, the chart fonts' bytes, and the versions of reportpress and
 * vega/vega-lite. Paths and ids are left out, so a moved checkout or a renamed chart still hits.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { fileHash } from '../util/diskCache.ts';

/** Hash of src/charts/ that scripts/compile.mjs bakes into dist/; undefined when running from sources. */
declare const __CHARTS_CODE_HASH__: string | undefined;

let versions: string | undefined;
/**
 * reportpress, its pinned chart libraries (package.json pins exact versions) and the chart code itself, so
 * a changed renderer (prepareSpec, the theme config, the SVG writer) never serves an old render.
 */
function rendererVersions(): string {
  if (versions === undefined) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    const d = pkg.dependencies;
    const code = typeof __CHARTS_CODE_HASH__ === 'string' ? __CHARTS_CODE_HASH__ : chartsCodeHash(dirname(fileURLToPath(import.meta.url)));
    versions = `reportpress@${pkg.version} vega@${d.vega} vega-lite@${d['vega-lite']} vega-interpreter@${d['vega-interpreter']} world-atlas@${d['world-atlas']} code@${code}`;
  }
  return versions;
}

/** Hash of the chart code's sources (also used by scripts/compile.mjs, which passes src/charts). */
export function chartsCodeHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

/** The key of one chart: `input` is everything of the chart itself that its render depends on. */
export function chartKey(input: unknown, theme: ResolvedTheme['chart'], fonts: FontStore): string {
  const faces = Object.values(theme.fontKeys).map((k) => `${k}=${fonts.hashes?.[k] ?? fileHash(fonts.files[k]!)}`);
  return createHash('sha256')
    .update(JSON.stringify([rendererVersions(), faces, theme, input]))
    .digest('hex');
}
