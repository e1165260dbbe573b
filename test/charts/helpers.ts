import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BoundChartSpec, DataRow } from '../../src/bind/types.ts';
import { createFontStore, type FontStore } from '../../src/fonts/fontStore.ts';
import type { ResolvedTheme } from '../../src/spec/theme.ts';
import { nl } from '../../src/locale/nl.ts';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

/** Repo root, resolved from this file. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FONTS_DIR = `${ROOT}fonts`;

/** The rijksoverheid chart theme and fonts, read straight from template.yaml (tests only; style/ owns the loader). */
export function loadTestTheme(): { chart: ResolvedTheme['chart']; fontFiles: Record<string, string> } {
  const doc = parse(readFileSync(`${ROOT}templates/rijksoverheid/template.yaml`, 'utf8'));
  const words = { ...nl.words, ...doc.words.nl };
  const chart = { ...doc.chart, locale: vegaLocale('nl-NL'), language: 'nl-NL', words } as ResolvedTheme['chart'];
  return { chart, fontFiles: doc.fonts as Record<string, string> };
}

let store: FontStore | undefined;
/** One FontStore for all chart tests. */
export function testFonts(): FontStore {
  store ??= createFontStore(FONTS_DIR, loadTestTheme().fontFiles);
  return store;
}

/** A bound chart; rows become dataset "d" (and data: { name: "d" } unless the spec names data), or pass named datasets. */
export function chart(
  id: string,
  spec: Record<string, unknown>,
  rows: readonly DataRow[] | Record<string, readonly DataRow[]>,
  extra: Partial<BoundChartSpec> = {},
): BoundChartSpec {
  const datasets = Array.isArray(rows) ? { d: rows } : (rows as Record<string, readonly DataRow[]>);
  return {
    id,
    spec: Array.isArray(rows) && !('data' in spec) ? { data: { name: 'd' }, ...spec } : spec,
    datasets,
    file: `charts/${id}.vl.yaml`,
    spans: new Map(),
    size: 'column',
    source: { file: 'sections/01.yaml', line: 1, column: 1 },
    ...extra,
  };
}

/** Column width of the rijksoverheid template (A4, 2 columns) and its full text width. */
export const frameWidthPt = (size: 'column' | 'full'): number => (size === 'column' ? 232.64 : 485.28);
