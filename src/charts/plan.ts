/**
 * The part of rendering before vega: sandbox the spec and hash everything that decides the chart for the
 * caches. Nothing is measured or compiled here, so a chart that a cache holds costs only the hash.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import { createSink, type DiagnosticSink } from '../diag/sink.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { IntlCache } from '../locale/intlCache.ts';
import { altText } from './altText.ts';
import { chartKey } from './chartKey.ts';
import { sandboxSpec } from './sandbox.ts';

/** A sandboxed chart with its cache key. */
export interface ChartPlan {
  readonly chart: BoundChartSpec;
  /** The Vega-Lite spec after the sandbox (unsafe links dropped). */
  readonly safe: Record<string, unknown>;
  readonly frameWidthPt: number;
  /** Hash of the sandboxed spec, its datasets, the frame, the theme, the chart fonts and the renderer versions. */
  readonly key: string;
  /** The text alternative: the content's, else generated from the data (not cached: it is cheap and id-specific). */
  readonly alt: string;
}

/**
 * A chart's sandboxed spec and cache key as a session keeps them (build context `chartPlans`): per bound chart
 * object (bind hands out the same object while the chart, its section and the figures it reads are unchanged),
 * valid for the theme, fonts and frame it was made with, with the warnings the sandbox gave (said again on reuse).
 * A watch rebuild after a text edit sandboxed and hashed every chart again: ≈ 6 ms of the 10× report's front half.
 */
export interface SandboxedChart {
  readonly theme: ResolvedTheme['chart'];
  readonly fonts: FontStore;
  readonly frameWidthPt: number;
  readonly safe: Record<string, unknown>;
  readonly key: string;
  readonly warnings: readonly Diagnostic[];
}

/** The session's sandboxed charts by bound chart object (weakly held: a chart bound again goes with its entry). */
export type ChartPlanMemo = WeakMap<BoundChartSpec, SandboxedChart>;

/** Plans one chart; throws a ReportError listing the sandbox's refusals. `memo`: the session's (see SandboxedChart). */
export function planChart(
  chart: BoundChartSpec,
  theme: ResolvedTheme['chart'],
  fonts: FontStore,
  frameWidthPt: number,
  diag: DiagnosticSink,
  intl?: IntlCache,
  memo?: ChartPlanMemo,
): ChartPlan {
  let kept = memo?.get(chart);
  if (kept && kept.theme === theme && kept.fonts === fonts && kept.frameWidthPt === frameWidthPt) {
    for (const w of kept.warnings) diag.push(w);
  } else {
    const warnings = createSink();
    let safe: Record<string, unknown>;
    try {
      safe = sandboxSpec(chart, warnings);
    } finally {
      for (const w of warnings.items) diag.push(w); // also those given before a refusal, as before
    }
    kept = { theme, fonts, frameWidthPt, safe, key: chartKey({ safe, datasets: chart.datasets, frameWidthPt }, theme, fonts), warnings: warnings.items };
    memo?.set(chart, kept);
  }
  return { chart, safe: kept.safe, frameWidthPt, key: kept.key, alt: altText(chart, intl ? { ...theme, intl } : theme) };
}
