import type { SourceSpan } from '../diag/types.ts';
import { diagnostic } from '../diag/messages.ts';
import { didYouMean } from '../diag/suggest.ts';
import { GEO_NAMES } from './geoData.ts';

/*
 * Message builders of the charts stage, codes CHART1xx (CHART0xx are bind's chart-block checks in
 * diag/messages.ts, whose header lets a stage keep its own builders).
 */

const err = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('error', code, message, span, hint);
const warn = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('warning', code, message, span, hint);

/** Messages of the chart sandbox, compiler and renderer. */
export const chartMessages = {
  dataUrl: (url: string, span?: SourceSpan) =>
    err('CHART101', `chart data may not be loaded from "${url}"`, span, 'name a dataset from figures.yaml: data: { name: … }'),
  inlineValues: (span?: SourceSpan) =>
    err('CHART102', 'chart data may not be given inline', span, 'define the rows as a dataset in figures.yaml and name it'),
  unknownDataset: (name: string, known: readonly string[], span?: SourceSpan) =>
    err(
      'CHART103',
      `unknown dataset "${name}"`,
      span,
      name.startsWith('geo:')
        ? `map outlines: ${GEO_NAMES.join(', ')}`
        : known.length
          ? `figures.yaml defines ${known.join(', ')}`
          : 'figures.yaml defines no datasets',
    ),
  urlRefused: (key: string, value: string, span?: SourceSpan) =>
    err('CHART104', `"${key}" in a chart may not load "${value}"`, span, 'charts can only use the report\'s own datasets'),
  fileRefused: (value: string, span?: SourceSpan) =>
    err('CHART105', `chart refers to a local file "${value}"`, span, 'charts can only use the report\'s own datasets'),
  hrefDropped: (value: string, span?: SourceSpan) =>
    warn('CHART106', `link "${value}" in a chart is not http(s) and was dropped`, span),
  tooManyMarks: (count: number, limit: number, span?: SourceSpan) =>
    err('CHART107', `chart has ${count} marks, more than the limit of ${limit}`, span, 'aggregate the data before charting it'),
  tooManyRows: (count: number, limit: number, span?: SourceSpan) =>
    err('CHART113', `chart datasets have ${count} rows, more than the limit of ${limit}`, span, 'aggregate the data in figures.yaml'),
  compileFailed: (detail: string, span?: SourceSpan) => err('CHART108', `vega-lite could not compile the chart: ${detail}`, span),
  renderFailed: (detail: string, span?: SourceSpan) => err('CHART109', `vega could not render the chart: ${detail}`, span),
  loaderRefused: (what: string, span?: SourceSpan) =>
    err('CHART110', `chart tried to load "${what}" at render time`, span, 'charts can only use the report\'s own datasets'),
  vegaWarning: (detail: string, span?: SourceSpan) => warn('CHART111', `chart: ${detail}`, span),
  scaledDown: (id: string, widthPt: number, frameWidthPt: number, span?: SourceSpan) =>
    warn(
      'CHART112',
      `chart "${id}" is ${Math.round(widthPt)}pt wide and was scaled down to the ${Math.round(frameWidthPt)}pt frame, so its text is smaller than the template's`,
      span,
      'give the parts of a facet or concat a smaller width, or use size: full',
    ),
  outsideFrame: (id: string, what: string, byPt: number, span?: SourceSpan) =>
    warn('CHART114', `chart "${id}": ${what} lies ${Math.round(byPt * 10) / 10}pt outside the chart's frame and is cut off`, span, 'move the legend (legend: { orient: bottom }), shorten labels, or give the chart more height'),
  labelsOverlap: (id: string, a: string, b: string, span?: SourceSpan) =>
    warn('CHART115', `chart "${id}": ${a} overlaps ${b}`, span, 'shorten the labels, or set labelAngle or labelOverlap on the axis'),
  unknownMark: (mark: string, known: readonly string[], span?: SourceSpan) =>
    err('CHART116', `unknown mark "${mark}"`, span, didYouMean(mark, known) ?? `marks: ${known.join(', ')}`),
  unknownFieldType: (type: string, known: readonly string[], span?: SourceSpan) =>
    err('CHART117', `unknown field type "${type}"`, span, didYouMean(type, known) ?? `types: ${known.join(', ')}`),
  unknownField: (field: string, known: readonly string[], span?: SourceSpan) =>
    err('CHART118', `the chart's data has no field "${field}"`, span, didYouMean(field, known) ?? (known.length ? `fields: ${known.slice(0, 12).join(', ')}` : 'the dataset has no columns')),
} as const;
