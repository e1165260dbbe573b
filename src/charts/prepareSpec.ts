import type { BoundChartSpec } from '../bind/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { fitGuides, type LabelWidth } from './fitGuides.ts';
import { geoNamesIn, geoTopology } from './geoData.ts';
import { themeConfig } from './themeConfig.ts';
import { utcTime } from './utcTime.ts';

type JsonObject = Record<string, unknown>;

/** Keys that make a spec composite: vega-lite cannot fit those to a width (autosize fit needs one view). */
const COMPOSITE_KEYS = ['facet', 'concat', 'hconcat', 'vconcat', 'repeat'];

/** True when vega-lite can size the spec to the frame width itself. */
export function isSingleView(spec: JsonObject): boolean {
  if (COMPOSITE_KEYS.some((k) => k in spec)) return false;
  const enc = spec.encoding as JsonObject | undefined;
  return !(enc && ('row' in enc || 'column' in enc || 'facet' in enc));
}

/** A single view's whole height in pt: the spec's `height`, else the frame width times the theme's aspect. */
export function chartHeight(safe: JsonObject, widthPt: number, theme: ResolvedTheme['chart']): number {
  return typeof safe.height === 'number' ? safe.height : Math.round(widthPt * theme.aspect);
}

/** Adds the report's datasets, theme config and frame size to a sandboxed Vega-Lite spec. */
export function prepareSpec(
  chart: BoundChartSpec,
  safe: JsonObject,
  theme: ResolvedTheme['chart'],
  widthPt: number,
  labelWidth: LabelWidth,
): JsonObject {
  const base = themeConfig(theme);
  const own = (safe.config ?? {}) as JsonObject;
  const config: JsonObject = { ...base };
  for (const [k, v] of Object.entries(own)) {
    const b = base[k];
    config[k] = b && typeof b === 'object' && !Array.isArray(b) && v && typeof v === 'object' ? { ...b, ...v } : v;
  }
  config.font = theme.font; // the PDF embeds only the template's fonts: an author's font choice cannot apply
  const datasets: JsonObject = Object.fromEntries(Object.entries(chart.datasets).map(([k, rows]) => [k, rows.map((r) => ({ ...r }))]));
  for (const name of geoNamesIn(safe)) datasets[name] = geoTopology(name); // map outlines (read-only, shared)
  const out: JsonObject = { ...(utcTime(safe) as JsonObject), config, datasets };
  if (isSingleView(safe)) {
    out.width = widthPt;
    out.height = chartHeight(safe, widthPt, theme);
    out.autosize = { type: 'fit', contains: 'padding' };
    fitUnitGuides(out, chart, widthPt, labelWidth);
  } else {
    out.autosize = { type: 'pad' };
  }
  return out;
}

/** Applies fitGuides to a single view's shared encoding and to each layer's own. */
function fitUnitGuides(spec: JsonObject, chart: BoundChartSpec, widthPt: number, labelWidth: LabelWidth): void {
  const rowsOf = (s: JsonObject, fallback: string | undefined) => {
    const d = s.data as JsonObject | undefined;
    const name = typeof d?.name === 'string' ? d.name : fallback;
    return { name, rows: (name && chart.datasets[name]) || [] };
  };
  const top = rowsOf(spec, undefined);
  if (spec.encoding && typeof spec.encoding === 'object') spec.encoding = fitGuides(spec.encoding as JsonObject, top.rows, widthPt, labelWidth);
  if (Array.isArray(spec.layer)) {
    spec.layer = spec.layer.map((l: JsonObject) =>
      l && typeof l.encoding === 'object' ? { ...l, encoding: fitGuides(l.encoding as JsonObject, rowsOf(l, top.name).rows, widthPt, labelWidth) } : l,
    );
  }
}
