/**
 * Charts stage: BoundChartSpec[] → ChartAsset per chart id (placed size, SVG, alt text, PNG on request).
 * - plan: sandbox, theme, datasets, frame size, cache key;
 * - render with vega, only the charts that no cache (memory, or the build's cache folder) holds;
 * - PNG: rasterised with sharp only when an export asks for it, and cached like the SVG.
 * Invariants: no network or file access for chart data (sandbox + deny-all loader), deterministic output
 * (seeded random, fixed nl-NL locale, widths measured with the report's fonts). Never touches pdfkit.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { isReportError, ReportError } from '../diag/errors.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { ChartAsset, RenderedChart } from './types.ts';
import { altText } from './altText.ts';
import { cachedPng, lookupRender, storeRender } from './cache.ts';
import { planChart, type ChartPlan } from './plan.ts';
import { rasterize } from './rasterize.ts';
import { renderPlans, type RenderResult } from './renderPlans.ts';

export { writeChartFiles } from './writeChartFiles.ts';
export { clearRenderCache } from './cache.ts';
export { clearCompileCache } from './compileCache.ts';
export { writeVegaCodeCache } from './loadVega.ts';
export type { ChartAsset, ChartBox } from './types.ts';

/** What the charts stage needs from the theme, fonts and page frame, and where it may cache. */
export interface ChartOptions {
  readonly theme: ResolvedTheme['chart'];
  readonly fonts: FontStore;
  readonly frameWidthPt: (size: 'column' | 'full') => number;
  /** Folder for the on-disk render cache; none: memory only. */
  readonly cacheDir?: string;
}

/**
 * Renders every chart, each from a cache when it holds it. The sandbox's refusals of all charts, or else
 * every chart's render errors, are thrown together as one ReportError.
 */
export async function renderCharts(specs: readonly BoundChartSpec[], opts: ChartOptions, ctx: { diag: DiagnosticSink }): Promise<ReadonlyMap<string, ChartAsset>> {
  const plans: ChartPlan[] = [];
  const refusals: Diagnostic[] = [];
  for (const chart of specs) {
    try {
      plans.push(planChart(chart, opts.theme, opts.fonts, opts.frameWidthPt(chart.size), ctx.diag));
    } catch (e) {
      if (!isReportError(e)) throw e;
      refusals.push(...e.diagnostics);
    }
  }
  if (refusals.length) throw new ReportError(refusals);
  const found = new Map<string, RenderedChart>();
  for (const p of plans) {
    const hit = lookupRender(p.key, opts.cacheDir);
    if (hit) found.set(p.key, hit);
  }
  // vega loads only when some chart is in no cache; charts with equal keys render once.
  const misses = [...new Map(plans.filter((p) => !found.has(p.key)).map((p) => [p.key, p])).values()];
  const results = misses.length ? await renderPlans({ plans: misses, theme: opts.theme }, opts.fonts) : [];
  return collect(plans, found, results, opts, ctx.diag);
}

/** Reports diagnostics, caches clean renders, and pairs renders with their charts in input order. */
function collect(
  plans: readonly ChartPlan[],
  found: Map<string, RenderedChart>,
  results: readonly RenderResult[],
  opts: ChartOptions,
  diag: DiagnosticSink,
): Map<string, ChartAsset> {
  const errors: Diagnostic[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) d.severity === 'error' ? errors.push(d) : diag.push(d);
    if (r.rendered) {
      found.set(r.key, r.rendered);
      if (r.diagnostics.length === 0) storeRender(r.key, r.rendered, opts.cacheDir);
    }
  }
  if (errors.length) throw new ReportError(errors);
  return new Map(plans.map((p) => [p.chart.id, asset(p, found.get(p.key)!, opts)]));
}

function asset(p: ChartPlan, r: RenderedChart, opts: ChartOptions): ChartAsset {
  const png = () => cachedPng(p.key, r, () => rasterize(r.svg, opts.fonts, opts.theme.fontKeys, r.scale), opts.cacheDir);
  return { id: p.chart.id, svg: r.svg, widthPt: r.widthPt, heightPt: r.heightPt, alt: altText(p.chart), png };
}
