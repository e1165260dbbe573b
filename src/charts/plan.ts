/**
 * The part of rendering before vega: sandbox the spec and hash everything that decides the chart for the
 * caches. Nothing is measured or compiled here, so a chart that a cache holds costs only the hash.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
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

/** Plans one chart; throws a ReportError listing the sandbox's refusals. */
export function planChart(
  chart: BoundChartSpec,
  theme: ResolvedTheme['chart'],
  fonts: FontStore,
  frameWidthPt: number,
  diag: DiagnosticSink,
  intl?: IntlCache,
): ChartPlan {
  const safe = sandboxSpec(chart, diag);
  return { chart, safe, frameWidthPt, key: chartKey({ safe, datasets: chart.datasets, frameWidthPt }, theme, fonts), alt: altText(chart, intl ? { ...theme, intl } : theme) };
}
