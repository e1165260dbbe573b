/**
 * vega's half of the charts stage: compile, run and serialise each planned chart. Problems come back
 * as diagnostics per chart, so one failing chart does not hide the others' problems.
 * A one-shot CLI build runs this in a worker thread (renderInWorker.ts) while the main thread lays out the text.
 */
import type { Diagnostic } from '../diag/types.ts';
import { createSink, type DiagnosticSink } from '../diag/sink.ts';
import { isReportError } from '../diag/errors.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { chartMessages } from './messages.ts';
import { loadVega, type VegaLibs } from './loadVega.ts';
import type { ChartPlan } from './plan.ts';
import { prepareSpec } from './prepareSpec.ts';
import { renderSvg } from './renderSvg.ts';
import type { CompiledSpec } from './compileCache.ts';
import { installTextMetrics } from './textMetrics.ts';
import type { RenderedChart } from './types.ts';

/** Below this a scaled-down chart's 8pt labels drop under 7pt, too small for print. */
const MIN_SCALE = 0.85;

/** What a renderer needs: the plans and the chart theme. */
export interface RenderRequest {
  readonly plans: readonly ChartPlan[];
  readonly theme: ResolvedTheme['chart'];
}

/** One plan's outcome: the render unless an error stopped it, and every diagnostic it raised. */
export interface RenderResult {
  readonly key: string;
  readonly rendered?: RenderedChart;
  readonly diagnostics: readonly Diagnostic[];
}

/** Renders the plans one at a time (vega's text metrics and random() are process-wide). */
export async function renderPlans(
  req: RenderRequest,
  fonts: FontStore,
  compiled: Map<string, CompiledSpec> = new Map(),
  onRendered?: (done: number, total: number) => void,
): Promise<RenderResult[]> {
  const libs = await loadVega();
  installTextMetrics(libs.untyped.textMetrics, fonts, req.theme.fontKeys);
  const out: RenderResult[] = [];
  for (const plan of req.plans) {
    const diag = createSink();
    try {
      out.push({ key: plan.key, rendered: await renderPlan(plan, req.theme, fonts, libs, diag, compiled), diagnostics: diag.items });
    } catch (e) {
      if (!isReportError(e)) throw e;
      out.push({ key: plan.key, diagnostics: [...diag.items, ...e.diagnostics] });
    }
    onRendered?.(out.length, req.plans.length);
  }
  return out;
}

async function renderPlan(plan: ChartPlan, theme: ResolvedTheme['chart'], fonts: FontStore, libs: VegaLibs, diag: DiagnosticSink, compiled: Map<string, CompiledSpec>): Promise<RenderedChart> {
  const labelWidth = (s: string) => fonts.measure(s, theme.fontKeys.normal, theme.fontSize);
  const spec = prepareSpec(plan.chart, plan.safe, theme, plan.frameWidthPt, labelWidth);
  const r = await renderSvg(plan.chart, spec, libs, diag, compiled);
  const scale = Math.min(1, plan.frameWidthPt / r.width);
  if (scale < MIN_SCALE) diag.push(chartMessages.scaledDown(plan.chart.id, r.width, plan.frameWidthPt, plan.chart.source));
  return { svg: r.svg, widthPt: r.width * scale, heightPt: r.height * scale, scale };
}
