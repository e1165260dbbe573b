/**
 * Charts stage: BoundChartSpec[] → ChartAsset per chart id.
 * In: Vega-Lite specs naming the report's datasets. Out: vector SVG (text as text, theme font family),
 * a PNG at 2× the placed size, the placed size in pt and a text alternative.
 * Invariants: no network or file access (sandbox + deny-all loader), deterministic output (seeded random,
 * fixed nl-NL locale, widths measured with the report's fonts). Never touches pdfkit.
 * vega and vega-lite are imported only when there is a chart to render.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { isReportError, ReportError } from '../diag/errors.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { ChartAsset } from './types.ts';
import { altText } from './altText.ts';
import { cachedRender, cacheRender, renderKey, type CachedRender } from './cache.ts';
import { chartMessages } from './messages.ts';
import { preloadSharp, rasterize } from './rasterize.ts';
import { loadVega, type VegaLibs } from './loadVega.ts';
import { prepareSpec } from './prepareSpec.ts';
import { renderSvg } from './renderSvg.ts';
import { sandboxSpec } from './sandbox.ts';
import { installTextMetrics } from './textMetrics.ts';

export { writeChartFiles } from './writeChartFiles.ts';
export { clearRenderCache } from './cache.ts';

/** Below this a scaled-down chart's 8pt labels drop under 7pt, too small for print. */
const MIN_SCALE = 0.85;

/** What the charts stage needs from the theme, fonts and page frame. */
export interface ChartOptions {
  readonly theme: ResolvedTheme['chart'];
  readonly fonts: FontStore;
  readonly frameWidthPt: (size: 'column' | 'full') => number;
}

/** Renders every chart; all refusals and compile errors of all charts are thrown together as one ReportError. */
export async function renderCharts(
  specs: readonly BoundChartSpec[],
  opts: ChartOptions,
  ctx: { diag: DiagnosticSink },
): Promise<ReadonlyMap<string, ChartAsset>> {
  if (specs.length === 0) return new Map();
  // 1. Charts unchanged since an earlier build in this process come from the cache; vega loads only for the rest.
  const keys = specs.map((c) => renderKey(c, opts.theme, opts.fonts, opts.frameWidthPt(c.size)));
  const allCached = keys.every((k) => cachedRender(k));
  if (!allCached) preloadSharp();
  const libs = allCached ? undefined : await loadVega();
  if (libs) installTextMetrics(libs.untyped.textMetrics, opts.fonts, opts.theme.fontKeys);
  // 2. Render one chart at a time (vega's text metrics and random are global); PNGs rasterise meanwhile.
  const errors: Diagnostic[] = [];
  const pending: Promise<ChartAsset>[] = [];
  for (const [i, chart] of specs.entries()) {
    try {
      const r = cachedRender(keys[i]) ?? (await renderOne(chart, keys[i], libs!, opts, ctx.diag));
      pending.push(r.png.then((png) => ({ id: chart.id, svg: r.svg, widthPt: r.widthPt, heightPt: r.heightPt, png, alt: altText(chart) })));
    } catch (e) {
      if (!isReportError(e)) throw e;
      errors.push(...e.diagnostics);
    }
  }
  const assets = await Promise.all(pending);
  // 3. Report every refused chart at once; otherwise the assets in input order.
  if (errors.length) throw new ReportError(errors);
  return new Map(assets.map((a) => [a.id, a]));
}

/** Sandbox → theme and size → vega SVG, with its PNG rasterising in the background; cached when it raised no diagnostic. */
async function renderOne(chart: BoundChartSpec, key: string, libs: VegaLibs, opts: ChartOptions, diag: DiagnosticSink): Promise<CachedRender> {
  let raised = 0;
  const counted: DiagnosticSink = { push: (d) => (raised++, diag.push(d)), items: diag.items, hasErrors: () => diag.hasErrors() };
  const safe = sandboxSpec(chart, counted);
  const frame = opts.frameWidthPt(chart.size);
  const labelWidth = (s: string) => opts.fonts.measure(s, opts.theme.fontKeys.normal, opts.theme.fontSize);
  const r = await renderSvg(chart, prepareSpec(chart, safe, opts.theme, frame, labelWidth), libs, counted);
  const scale = Math.min(1, frame / r.width);
  if (scale < MIN_SCALE) counted.push(chartMessages.scaledDown(chart.id, r.width, frame, chart.source));
  const png = rasterize(r.svg, opts.fonts, opts.theme.fontKeys, scale);
  png.catch(() => {}); // handled by Promise.all in renderCharts; avoids an unhandled-rejection crash meanwhile
  const out: CachedRender = { svg: r.svg, widthPt: r.width * scale, heightPt: r.height * scale, png };
  if (raised === 0) cacheRender(key, out);
  return out;
}
