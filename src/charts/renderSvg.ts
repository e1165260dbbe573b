import type { BoundChartSpec } from '../bind/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { isReportError, ReportError } from '../diag/errors.ts';
import type { VegaLibs } from './loadVega.ts';
import { chartMessages as msg } from './messages.ts';
import { createSandboxLoader, MAX_MARKS, spanAt } from './sandbox.ts';
import { expressionPointers, failurePointer, valueAt } from './locateFailure.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import { parseWithoutData, type CompiledSpec } from './compileCache.ts';
import { inspectLayout, type LayoutProblem, type Overflow, type SceneMark } from './checkLayout.ts';

type JsonObject = Record<string, unknown>;

/** Seed of vega's random() (jitter, sampling), so the same input gives the same chart. */
const RANDOM_SEED = 20_201_231;

/** The chart as vega drew it: SVG in px (= pt when placed 1:1) and the number of marks. */
export interface RenderedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly marks: number;
}

/** Compiles with vega-lite (or reuses an equal compile, compileCache.ts), runs vega headless (renderer 'none', no loader access) and serialises to SVG. */
export async function renderSvg(
  chart: BoundChartSpec,
  spec: JsonObject,
  libs: VegaLibs,
  diag: DiagnosticSink,
  compiled: Map<string, CompiledSpec> = new Map(),
  padded = false,
): Promise<RenderedSvg> {
  const { vega, vl } = libs;
  // A boxplot's outlier layer is empty when nothing lies outside the whiskers; vega then warns about it.
  const hasBoxplot = JSON.stringify({ ...spec, datasets: undefined }).includes('"boxplot"');
  // a failure is reported at the property that causes it (locateFailure.ts), not at the chart file's first line
  const failure = (detail: string, stage: 'compile' | 'render') => {
    const p = failurePointer(spec, detail, (s) => failsToParse(s, libs), chart.spans);
    const expr = valueAt(spec, p);
    if (typeof expr === 'string' && expressionPointers(spec).includes(p)) return msg.expressionRefused(expr, detail, spanAt(chart, p));
    return (stage === 'compile' ? msg.compileFailed : msg.renderFailed)(detail, spanAt(chart, p));
  };
  const logger = createLogger(diag, (t) => hasBoxplot && t.startsWith('Infinite extent'), failure, (t) => quotedAt(chart, t));
  // compiling fails as 'compile', parsing (expressions among others) as 'render', as when they ran one by one
  let stage: 'compile' | 'render' = 'compile';
  const compile = (s: JsonObject) => vl.compile(s as never, { logger: logger as never }).spec as JsonObject;
  const parse = (vg: JsonObject) => ((stage = 'render'), vega.parse(vg as never, undefined, { ast: true } as never) as unknown as JsonObject);
  let runtime;
  try {
    const before = diag.items.length;
    runtime = parseWithoutData(compiled, spec, compile, () => diag.items.length > before, parse);
  } catch (e) {
    if (isReportError(e)) throw e;
    throw new ReportError(failure((e as Error).message, stage));
  }
  const refused: string[] = [];
  const droppedLinks: string[] = [];
  const loader = createSandboxLoader(refused, droppedLinks);
  libs.untyped.setRandom(libs.untyped.randomLCG(RANDOM_SEED));
  try {
    const view = new vega.View(runtime as never, {
      expr: libs.interpreter,
      renderer: 'none',
      loader: loader as never,
      logger: logger as never,
      locale: (spec.config as JsonObject | undefined)?.locale, // the report's, set by themeConfig
    } as never);
    await view.runAsync();
    if (refused.length) throw new ReportError(msg.loaderRefused(refused[0], quotedAt(chart, `"${refused[0]}"`)));
    const marks = countMarks((view as unknown as { scenegraph(): { root: SceneNode } }).scenegraph().root);
    if (marks > MAX_MARKS) throw new ReportError(msg.tooManyMarks(marks, MAX_MARKS, spanAt(chart, '/data')));
    // vega numbers gradients and clip paths per process: each chart's own start at 0, so its SVG (a chart file, a
    // cache entry) does not depend on what the process drew before (a watch session against a one-shot build)
    libs.untyped.resetSVGDefIds();
    const svg = await view.toSVG();
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    // nothing cut at the frame, no two labels on top of each other: a single view that reaches past an edge is
    // drawn once more with that much more padding (its plot shrinks, the frame stays); what remains is a warning
    const root = (view as unknown as { scenegraph(): { root: SceneMark } }).scenegraph().root;
    const { problems, overflow } = inspectLayout(root, view.origin() as [number, number], m ? +m[1] : Infinity, m ? +m[2] : Infinity);
    view.finalize();
    const fit = (spec.autosize as { type?: string } | undefined)?.type === 'fit';
    if (fit && !padded && Object.values(overflow).some((v) => v > 0)) return renderSvg(chart, { ...spec, padding: widened(spec, overflow) }, libs, diag, compiled, true);
    // links computed by vega are checked now that they exist; each dropped one is reported at the spec's href
    const hrefAt = [...chart.spans.keys()].find((p) => p.endsWith('/href')) ?? '';
    for (const link of new Set(droppedLinks)) diag.push(msg.hrefDropped(link, spanAt(chart, hrefAt)));
    for (const p of problems) diag.push(layoutWarning(chart, p));
    return { svg, width: m ? +m[1] : 0, height: m ? +m[2] : 0, marks };
  } catch (e) {
    if (isReportError(e)) throw e;
    throw new ReportError(failure((e as Error).message, 'render'));
  }
}

interface SceneNode {
  readonly items?: readonly SceneNode[];
}

/** Counts drawn items (leaves of the scenegraph), the measure of MAX_MARKS. */
export function countMarks(node: SceneNode): number {
  if (!node.items) return 1;
  let n = 0;
  for (const it of node.items) n += countMarks(it);
  return n;
}

/** A vega/vega-lite logger that turns warnings into diagnostics and errors into a ReportError. */
function createLogger(
  diag: DiagnosticSink,
  ignore: (text: string) => boolean,
  failure: (detail: string, stage: 'render') => Diagnostic,
  warnedAt: (detail: string) => SourceSpan,
) {
  let level = 2; // vega.Warn
  const text = (args: unknown[]): string => args.map(String).join(' ');
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]): never {
      throw new ReportError(failure(text(args), 'render'));
    },
    warn(...args: unknown[]) {
      if (!ignore(text(args))) diag.push(msg.vegaWarning(text(args), warnedAt(text(args))));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Whether vega-lite's compile or vega's parse (expressions included) of `spec` throws; nothing is logged. */
function failsToParse(spec: JsonObject, libs: VegaLibs): boolean {
  const quiet = { level: () => quiet, error: (...a: unknown[]) => { throw new Error(a.map(String).join(' ')); }, warn: () => quiet, info: () => quiet, debug: () => quiet };
  try {
    const vg = libs.vl.compile(spec as never, { logger: quiet as never }).spec;
    libs.vega.parse(vg, undefined, { ast: true } as never);
    return false;
  } catch {
    return true;
  }
}

/** A warning's position: the property whose value the message quotes, else the chart file's start. */
function quotedAt(chart: BoundChartSpec, detail: string): SourceSpan {
  return spanAt(chart, failurePointer(chart.spec as JsonObject, detail, () => false, chart.spans));
}

/** The warning for a layout problem, at the chart block (a Diagnostic from the charts stage's catalogue). */
function layoutWarning(chart: BoundChartSpec, p: LayoutProblem) {
  return p.kind === 'outside' ? msg.outsideFrame(chart.id, p.what, p.byPt, chart.source) : msg.labelsOverlap(chart.id, p.a, p.b, chart.source);
}

/** The chart's padding (config default 2 pt) plus the overflow on each side, rounded up to whole points. */
function widened(spec: JsonObject, o: Overflow): JsonObject {
  const base = (spec.config as { padding?: number } | undefined)?.padding ?? 2;
  const side = (v: number) => base + Math.ceil(v);
  return { left: side(o.left), top: side(o.top), right: side(o.right), bottom: side(o.bottom) };
}
