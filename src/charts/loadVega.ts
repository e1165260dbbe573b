type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

/** vega and vega-lite, imported on first use so a report without charts never loads them. */
export interface VegaLibs {
  readonly vega: Vega;
  readonly vl: VegaLite;
  /** vega-interpreter's expressionInterpreter: every expression runs through it. */
  readonly interpreter: unknown;
  /** Exports of vega that vega-typings does not declare. */
  readonly untyped: {
    readonly textMetrics: unknown;
    setRandom(r: () => number): void;
    randomLCG(seed: number): () => number;
  };
}

let libs: Promise<VegaLibs> | undefined;

/**
 * vega-interpreter evaluates expressions from their AST instead of compiling them with Function()
 * (no eval: a chart spec cannot run arbitrary code).
 */
async function loadInterpreter(): Promise<unknown> {
  const mod = (await import('vega-interpreter')) as { expressionInterpreter?: unknown };
  if (!mod.expressionInterpreter) throw new Error('vega-interpreter has no expressionInterpreter export');
  return mod.expressionInterpreter;
}

/** Imports vega and vega-lite and vega-interpreter once per process. */
export function loadVega(): Promise<VegaLibs> {
  libs ??= Promise.all([import('vega'), import('vega-lite'), loadInterpreter()]).then(([vega, vl, interpreter]) => ({
    vega,
    vl,
    interpreter,
    untyped: vega as unknown as VegaLibs['untyped'],
  }));
  return libs;
}
