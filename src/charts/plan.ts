/**
 * The part of rendering before vega: sandbox the spec, add theme, datasets and frame size, and hash the
 * result for the caches (a cached chart never loads vega).
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { chartKey } from './chartKey.ts';
import { prepareSpec } from './prepareSpec.ts';
import { sandboxSpec } from './sandbox.ts';

/** A chart ready for vega. */
export interface ChartPlan {
  readonly chart: BoundChartSpec;
  /** Sandboxed Vega-Lite spec with datasets, theme config and size. */
  readonly spec: Record<string, unknown>;
  readonly frameWidthPt: number;
  /** Cache key: hash of the prepared spec, the chart fonts and the renderer versions. */
  readonly key: string;
}

/** Plans one chart; throws a ReportError listing the sandbox's refusals. */
export function planChart(
  chart: BoundChartSpec,
  theme: ResolvedTheme['chart'],
  fonts: FontStore,
  frameWidthPt: number,
  diag: DiagnosticSink,
): ChartPlan {
  const safe = sandboxSpec(chart, diag);
  const labelWidth = (s: string) => fonts.measure(s, theme.fontKeys.normal, theme.fontSize);
  const spec = prepareSpec(chart, safe, theme, frameWidthPt, labelWidth);
  return { chart, spec, frameWidthPt, key: chartKey(spec, theme, fonts) };
}
