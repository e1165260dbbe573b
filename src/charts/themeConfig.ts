import type { ResolvedTheme } from '../spec/theme.ts';

type ChartTheme = ResolvedTheme['chart'];

/** Numbers in labels and text marks: grouped thousands, no trailing zeros ("13.670", "2,5" in Dutch). */
const NUMBER_FORMAT = ',~f';

/** Default date label format: day and month name in the report's language ("1 maart", "1 March") rather than d3's multi-format ticks. */
const DATE_FORMAT = '%-d %B';

/**
 * The template's chart theme as a Vega-Lite config: one font family for every text, the template's
 * sizes and colours, the palette as the category range, no view outline. Weights are only 'bold' or
 * 'normal' because svg-to-pdfkit recognises nothing else.
 */
export function themeConfig(t: ChartTheme): Record<string, unknown> {
  const text = { font: t.font, fontSize: t.fontSize, color: t.labelColor };
  const axisAndLegend = {
    labelFont: t.font,
    labelFontSize: t.fontSize,
    labelColor: t.labelColor,
    titleFont: t.font,
    titleFontSize: t.fontSize,
    titleFontWeight: 'bold',
    titleColor: t.labelColor,
  };
  return {
    font: t.font,
    background: null,
    view: { stroke: null },
    padding: 2,
    axis: {
      ...axisAndLegend,
      gridColor: t.gridColor,
      domainColor: t.domainColor,
      tickColor: t.domainColor,
      labelOverlap: true,
    },
    axisTemporal: { format: DATE_FORMAT },
    axisBand: { grid: false },
    legend: { ...axisAndLegend, symbolSize: 64, orient: 'bottom', direction: 'horizontal' },
    header: { ...axisAndLegend, labelFontWeight: 'normal', titleFontWeight: 'bold' },
    title: { font: t.font, fontSize: t.titleFontSize, fontWeight: 'bold', color: t.labelColor, anchor: 'start' },
    text,
    mark: { color: t.palette[0], font: t.font },
    arc: { stroke: '#ffffff', strokeWidth: 0.75 },
    rule: { color: t.labelColor },
    boxplot: { rule: { color: t.labelColor }, ticks: false },
    // Quantities (heatmaps, maps) in one hue: from a pale tint of the first palette colour to that colour.
    range: { category: [...t.palette], ordinal: [...t.palette], ramp: sequential(t.palette[0]!), heatmap: sequential(t.palette[0]!) },
    numberFormat: NUMBER_FORMAT,
    timeFormat: DATE_FORMAT,
    // the report's number and time locale (renderSvg hands it to vega's View: axes and labels as in the text)
    locale: t.locale,
  };
}

/** Share of the colour in the pale end of a sequential ramp (the rest is white). */
const RAMP_TINT = 0.2;

/** A two-stop sequential range for a hex colour: its pale tint, then the colour itself. */
function sequential(hex: string): string[] {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const tint = c.map((v) => Math.round(255 - (255 - v) * RAMP_TINT));
  return [`#${tint.map((v) => v.toString(16).padStart(2, '0')).join('')}`, hex];
}
