import type { DataRow } from '../bind/types.ts';

type JsonObject = Record<string, unknown>;

/** Measures a label in the chart font at the theme's label size. */
export type LabelWidth = (text: string) => number;

/** Room left of the plot for y-axis labels and title; vega-lite's default axis needs about this much. */
const Y_AXIS_ALLOWANCE = 48;
/** Space a horizontal label needs on each side in its band before it may stand upright. */
const LABEL_GAP = 6;
/** Legend entry = symbol (size 64 → 8 wide) + label offset 4 + label + column padding 10 (vega defaults). */
const LEGEND_ENTRY_EXTRA = 8 + 4 + 10;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function distinct(rows: readonly DataRow[], field: string): string[] {
  return [...new Set(rows.map((r) => r[field]).filter((v) => v !== undefined).map(String))];
}

function discreteField(ch: unknown): string | undefined {
  if (!isObject(ch) || typeof ch.field !== 'string' || ch.timeUnit) return undefined;
  return ch.type === 'nominal' || ch.type === 'ordinal' ? ch.field : undefined;
}

/**
 * Uses real label widths for two layout choices vega-lite makes by guesswork: discrete x labels stay
 * horizontal when every label fits its band, and a legend below the chart wraps into as many columns
 * as fit the width, so no legend entry is cut off at the chart's edge.
 */
export function fitGuides(encoding: JsonObject, rows: readonly DataRow[], widthPt: number, width: LabelWidth): JsonObject {
  const out: JsonObject = { ...encoding };
  const xField = discreteField(encoding.x);
  if (xField) {
    const x = encoding.x as JsonObject;
    const axis = isObject(x.axis) ? x.axis : {};
    const labels = distinct(rows, xField);
    const band = (widthPt - Y_AXIS_ALLOWANCE) / Math.max(1, labels.length);
    if (x.axis !== null && axis.labelAngle === undefined && labels.length && Math.max(...labels.map(width)) + LABEL_GAP <= band) {
      out.x = { ...x, axis: { ...axis, labelAngle: 0 } };
    }
  }
  const colorField = discreteField(encoding.color);
  if (colorField) {
    const c = encoding.color as JsonObject;
    const legend = isObject(c.legend) ? c.legend : {};
    const labels = distinct(rows, colorField);
    const entry = Math.max(0, ...labels.map(width)) + LEGEND_ENTRY_EXTRA;
    const columns = Math.max(1, Math.floor(widthPt / entry));
    if (c.legend !== null && legend.columns === undefined && legend.orient === undefined && columns < labels.length) {
      out.color = { ...c, legend: { ...legend, columns } };
    }
    // a legend beside the plot lists its entries one under the other (the theme's default direction is horizontal)
    if (c.legend !== null && (legend.orient === 'left' || legend.orient === 'right') && legend.direction === undefined) {
      out.color = { ...c, legend: { ...legend, direction: 'vertical' } };
    }
  }
  return out;
}
