/**
 * Charts stage: BoundChartSpec[] → ChartAsset per chart id (placed size, SVG, alt text, PNG on request).
 * - plan: sandbox, theme, datasets, frame size, cache key;
 * - render with vega, only the charts that no cache (memory, or the build's cache folder) holds;
 * - PNG: rasterised with sharp only when an export asks for it, and cached like the SVG.
 * Invariants: no network or file access for chart data (sandbox + deny-all loader), deterministic output
 * (seeded random, the report's number/time locale from the theme, widths measured with the report's fonts). Never touches pdfkit.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { isReportError, ReportError } from '../diag/errors.ts';
import { memo, type BuildContext } from '../util/buildContext.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { IntlCache } from '../locale/intlCache.ts';
import type { ChartAsset, ChartBox, RenderedChart } from './types.ts';
import { chartHeight, isSingleView } from './prepareSpec.ts';
import { cachedPng, lookupRender, storeRender, type RenderEntry } from './cache.ts';
import { planChart, type ChartPlan, type ChartPlanMemo } from './plan.ts';
import { OneShotSpecs, type CompiledSpec } from './compileCache.ts';
import { rasterize } from './rasterize.ts';
import { renderPlans, type RenderResult } from './renderPlans.ts';
import { chartWorkerAvailable, renderInKeptWorker, renderInWorker, type WorkerJob } from './renderInWorker.ts';

export { writeChartFiles } from './writeChartFiles.ts';
export { writeVegaCodeCache } from './loadVega.ts';
export { endKeptWorker, endPrestarted, prestartChartWorker } from './renderInWorker.ts';
export type { ChartAsset, ChartBox } from './types.ts';

/** What the charts stage needs from the theme, fonts and page frame, and where it may cache. */
export interface ChartOptions {
  readonly theme: ResolvedTheme['chart'];
  readonly fonts: FontStore;
  readonly frameWidthPt: (size: 'column' | 'full') => number;
  /** Folder for the on-disk render cache; none: memory only. */
  readonly cacheDir?: string;
  /** The session's caches (renders, compiled specs, PNG text outlines); none: nothing is kept. */
  readonly build?: BuildContext;
  /** Told after each chart vega draws (charts a cache holds are not counted); never changes output. */
  readonly onRendered?: (done: number, total: number) => void;
  /** The build context's Intl formatters and texts, for the generated text alternatives (none: made per call). */
  readonly intl?: IntlCache;
}

/** The chart caches of a session, or throwaway ones. */
function caches(opts: ChartOptions) {
  return {
    renders: opts.build?.cache<RenderEntry>('chartRenders') ?? new Map<string, RenderEntry>(),
    specs: opts.build?.cache<CompiledSpec>('chartSpecs') ?? new OneShotSpecs(),
    outlines: opts.build?.cache<string>('chartOutlines') ?? new Map<string, string>(),
  };
}

/** The report's charts, planned: sizes for layout now, the drawings when `render` is called. */
export interface ChartJob {
  /**
   * Placed size and alt text by chart id, when all are known without rendering (single views are fitted to
   * their frame; cached charts have theirs); undefined when a composite chart must be rendered first.
   */
  readonly boxes?: ReadonlyMap<string, ChartBox>;
  /** Renders the charts no cache holds (once: later calls return the same promise). */
  render(): Promise<ReadonlyMap<string, ChartAsset>>;
  /**
   * Starts rendering the charts no cache holds in a worker thread, when one is available, for `render` to collect
   * later (same results, diagnostics and progress, reported when `render` is called); otherwise does nothing.
   * With `session`, in that build context's kept worker (watch, preview), else in a worker of its own, which with
   * `pngs` also rasterises them once the renders are sent (what an export asks of `png` later: rasterize.ts).
   */
  prefetch(session?: BuildContext, pngs?: boolean): void;
  /** True when prefetch started rendering in a worker: the main thread may work on meanwhile (cli/build.ts). */
  inWorker(): boolean;
}

/**
 * Sandboxes every chart and looks it up in the caches; nothing is rendered yet. The sandbox's refusals of all
 * charts are thrown together as one ReportError; `render` rejects with every chart's render errors together.
 */
export function planCharts(specs: readonly BoundChartSpec[], opts: ChartOptions, ctx: { diag: DiagnosticSink }): ChartJob {
  const plans: ChartPlan[] = [];
  const refusals: Diagnostic[] = [];
  // a chart bound before in the session (the same object) is not sandboxed and hashed again
  const planMemo = opts.build && memo(opts.build.cache<ChartPlanMemo>('chartPlans'), 'plans', () => new WeakMap());
  for (const chart of specs) {
    try {
      plans.push(planChart(chart, opts.theme, opts.fonts, opts.frameWidthPt(chart.size), ctx.diag, opts.intl, planMemo));
    } catch (e) {
      if (!isReportError(e)) throw e;
      refusals.push(...e.diagnostics);
    }
  }
  if (refusals.length) throw new ReportError(refusals);
  const found = new Map<string, RenderedChart>();
  const memory = caches(opts);
  for (const p of plans) {
    const hit = lookupRender(memory.renders, p.key, opts.cacheDir);
    if (hit) found.set(p.key, hit);
  }
  const sizes = plans.map((p) => found.get(p.key) ?? predictedSize(p, opts.theme));
  const boxes = sizes.every((s) => s)
    ? new Map(plans.map((p, i) => [p.chart.id, { id: p.chart.id, widthPt: sizes[i]!.widthPt, heightPt: sizes[i]!.heightPt, alt: p.alt }]))
    : undefined;
  let rendered: Promise<ReadonlyMap<string, ChartAsset>> | undefined;
  let worker: WorkerJob | undefined;
  // vega loads only when some chart is in no cache; charts with equal keys render once.
  const misses = () => [...new Map(plans.filter((p) => !found.has(p.key)).map((p) => [p.key, p])).values()];
  const inThread = (m: ChartPlan[]) => renderPlans({ plans: m, theme: opts.theme }, opts.fonts, memory.specs, opts.onRendered);
  const render = () =>
    (rendered ??= (async () => {
      const m = misses();
      let results: RenderResult[] = [];
      if (m.length) {
        const done = await worker?.wait();
        if (done) for (const [n, total] of done.progress) opts.onRendered?.(n, total);
        results = done?.results ?? (await inThread(m));
      }
      return collect(plans, found, results, opts, ctx.diag, memory, worker?.pngs);
    })());
  const prefetch = (session?: BuildContext, pngs?: boolean) => {
    const m = misses();
    if (rendered || worker || !m.length || !chartWorkerAvailable()) return;
    const req = { plans: m, theme: opts.theme };
    worker = session ? renderInKeptWorker(session, req, opts.fonts) : renderInWorker(req, opts.fonts, pngs, opts.build);
  };
  return { boxes, render, prefetch, inWorker: () => worker !== undefined };
}

/** Renders every chart (each from a cache when it holds it): the `charts` command and tests. */
export async function renderCharts(specs: readonly BoundChartSpec[], opts: ChartOptions, ctx: { diag: DiagnosticSink }): Promise<ReadonlyMap<string, ChartAsset>> {
  return planCharts(specs, opts, ctx).render();
}

/**
 * The placed size of a single view before rendering: autosize "fit" with "padding" makes it exactly the frame
 * width by the spec's height (else the theme's aspect), axes and legend included (prepareSpec.ts).
 */
function predictedSize(p: ChartPlan, theme: ResolvedTheme['chart']): { widthPt: number; heightPt: number } | undefined {
  if (!isSingleView(p.safe)) return undefined;
  return { widthPt: p.frameWidthPt, heightPt: chartHeight(p.safe, p.frameWidthPt, theme) };
}

/** Reports diagnostics, caches clean renders, and pairs renders with their charts in input order. */
function collect(
  plans: readonly ChartPlan[],
  found: Map<string, RenderedChart>,
  results: readonly RenderResult[],
  opts: ChartOptions,
  diag: DiagnosticSink,
  memory: ReturnType<typeof caches>,
  fromWorker?: WorkerJob['pngs'],
): Map<string, ChartAsset> {
  const errors: Diagnostic[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) d.severity === 'error' ? errors.push(d) : diag.push(d);
    if (r.rendered) {
      found.set(r.key, r.rendered);
      if (r.diagnostics.length === 0) storeRender(memory.renders, r.key, r.rendered, opts.cacheDir);
    }
  }
  if (errors.length) throw new ReportError(errors);
  return new Map(plans.map((p) => [p.chart.id, asset(p, found.get(p.key)!, opts, memory, fromWorker)]));
}

function asset(p: ChartPlan, r: RenderedChart, opts: ChartOptions, memory: ReturnType<typeof caches>, fromWorker?: WorkerJob['pngs']): ChartAsset {
  const here = () => rasterize(r.svg, opts.fonts, opts.theme.fontKeys, r.scale, memory.outlines);
  // the worker's PNG of this render (the same code over the same fonts), else rasterised here as before
  const make = async () => (await fromWorker?.())?.get(p.key) ?? here();
  const png = () => cachedPng(memory.renders, p.key, r, make, opts.cacheDir);
  return { id: p.chart.id, svg: r.svg, widthPt: r.widthPt, heightPt: r.heightPt, alt: p.alt, png };
}
