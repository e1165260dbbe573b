/**
 * vega, vega-lite and vega-interpreter as one module. scripts/compile.mjs bundles it into dist/vega.cjs,
 * which loadVega.ts runs with a V8 code cache; from TypeScript sources (vitest) it is imported directly.
 */
export * as vega from 'vega';
export * as vl from 'vega-lite';
export { expressionInterpreter } from 'vega-interpreter';
