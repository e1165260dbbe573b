/**
 * Loads vega, vega-lite and vega-interpreter once per process, and only when a chart must be rendered.
 * Compiled (dist/), it runs the single-file bundle dist/vega.cjs through vm.Script with the V8 code cache
 * that the compile step made by rendering the bundled report's charts: the ≈ 1.6 MB bundle then loads in
 * ≈ 45 ms instead of ≈ 120 ms, and the first charts skip most lazy compilation (≈ 2× faster cold).
 * A missing or rejected cache (another Node/V8 version) only costs that time; the output is the same.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { PACKAGE_ROOT } from '../paths.ts';

type Bundle = typeof import('./vegaBundle.ts');

/** vega and vega-lite, imported on first use so a report without charts never loads them. */
export interface VegaLibs {
  readonly vega: Bundle['vega'];
  readonly vl: Bundle['vl'];
  /** vega-interpreter's expressionInterpreter: every expression runs through it (no eval, no Function()). */
  readonly interpreter: unknown;
  /** Exports of vega that vega-typings does not declare. */
  readonly untyped: {
    readonly textMetrics: unknown;
    setRandom(r: () => number): void;
    randomLCG(seed: number): () => number;
    resetSVGDefIds(): void;
  };
}

/** The compiled bundle and its code cache (written by scripts/compile.mjs). */
export const VEGA_BUNDLE = join(PACKAGE_ROOT, 'dist', 'vega.cjs');
const CODE_CACHE = `${VEGA_BUNDLE}.cache`;

let libs: Promise<VegaLibs> | undefined;
let script: vm.Script | undefined;

/** Imports vega, vega-lite and vega-interpreter once per process. */
export function loadVega(): Promise<VegaLibs> {
  libs ??= (async () => {
    const m = !import.meta.url.endsWith('.ts') && existsSync(VEGA_BUNDLE) ? runBundle() : await import('./vegaBundle.ts');
    if (!m.expressionInterpreter) throw new Error('vega-interpreter has no expressionInterpreter export');
    return { vega: m.vega, vl: m.vl, interpreter: m.expressionInterpreter, untyped: m.vega as unknown as VegaLibs['untyped'] };
  })();
  return libs;
}

/** Runs dist/vega.cjs as a CommonJS module, with the code cache when there is one. */
function runBundle(): Bundle {
  const source = readFileSync(VEGA_BUNDLE, 'utf8');
  const cachedData = existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: VEGA_BUNDLE, cachedData });
  const module = { exports: {} as Bundle };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(VEGA_BUNDLE), module, VEGA_BUNDLE, dirname(VEGA_BUNDLE));
  return module.exports;
}

/**
 * Writes the code cache of the loaded bundle, including every function compiled so far (scripts/compile.mjs
 * asks for it after rendering the bundled report's charts). Returns false when vega did not come from the bundle.
 */
export function writeVegaCodeCache(): boolean {
  if (!script) return false;
  writeFileSync(CODE_CACHE, script.createCachedData());
  return true;
}
