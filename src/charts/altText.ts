import type { BoundChartSpec, DataRow } from '../bind/types.ts';
import { formatDate, formatNumber } from '../bind/formatters.ts';
import type { WordKey, Words } from '../locale/index.ts';
import type { IntlCache } from '../locale/intlCache.ts';

type JsonObject = Record<string, unknown>;

/** Most values an alt text lists before it says how many more there are; a screen reader reads all of it. */
const MAX_VALUES = 40;

/** The word naming a chart kind, by Vega-Lite mark type. */
const KIND: Readonly<Record<string, WordKey>> = {
  bar: 'chart.bar',
  line: 'chart.line',
  area: 'chart.area',
  arc: 'chart.pie',
  point: 'chart.scatter',
  circle: 'chart.scatter',
  square: 'chart.scatter',
  tick: 'chart.tick',
  rect: 'chart.heatmap',
  boxplot: 'chart.boxplot',
  geoshape: 'chart.map',
  text: 'chart.table',
  rule: 'chart.other',
  trail: 'chart.line',
};

/** The language and words a text alternative is written in (the theme's chart section carries both). */
export interface AltLocale {
  readonly language: string;
  readonly words: Words;
  /** The build context's Intl formatters and texts (none: made per call). */
  readonly intl?: IntlCache;
}

interface Channel {
  readonly field: string;
  readonly type: string;
  readonly title: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A child view with its parent's data and shared encoding filled in. */
function inherit(child: JsonObject, parent: JsonObject): JsonObject {
  const enc = { ...(isObject(parent.encoding) ? parent.encoding : {}), ...(isObject(child.encoding) ? child.encoding : {}) };
  return { ...child, data: child.data ?? parent.data, encoding: enc };
}

/** The first unit view of a spec (a layer's first layer, a facet's inner spec, a concat's first part). */
function unitOf(spec: JsonObject): JsonObject {
  for (const k of ['layer', 'concat', 'hconcat', 'vconcat']) {
    const list = spec[k];
    if (Array.isArray(list) && isObject(list[0])) return unitOf(inherit(list[0], spec));
  }
  if (isObject(spec.spec)) return unitOf(inherit(spec.spec, spec));
  return spec;
}

/** A channel's title as the chart shows it: its own title, the axis or legend title, else the field name. */
function titleOfChannel(c: JsonObject, field: string): string {
  for (const t of [c.title, isObject(c.axis) ? c.axis.title : undefined, isObject(c.legend) ? c.legend.title : undefined]) {
    if (typeof t === 'string' && t) return t;
  }
  return field;
}

function channel(enc: JsonObject, name: string): Channel | undefined {
  const c = enc[name];
  if (!isObject(c) || typeof c.field !== 'string') return undefined;
  return { field: c.field, type: typeof c.type === 'string' ? c.type : 'nominal', title: titleOfChannel(c, c.field) };
}

function markType(unit: JsonObject): string {
  const m = unit.mark;
  return typeof m === 'string' ? m : isObject(m) && typeof m.type === 'string' ? m.type : '';
}

function kindName(unit: JsonObject, words: Words): string {
  const type = markType(unit);
  const m = unit.mark;
  if (type === 'arc' && isObject(m) && Number(m.innerRadius) > 0) return words['chart.donut'];
  const enc = isObject(unit.encoding) ? unit.encoding : {};
  if (type === 'bar' && (enc.xOffset || enc.yOffset)) return words['chart.groupedBar'];
  if (type === 'bar' && isObject(enc.color) && typeof enc.color.field === 'string') return words['chart.stackedBar'];
  return words[KIND[type] ?? 'chart.other'];
}

function fmt(v: unknown, c: Channel, lang: string, intl?: IntlCache): string {
  if (typeof v === 'number' && c.type === 'quantitative') return formatNumber(v, lang, {}, intl); // as in the text: "1.600", "\u221240"
  if (c.type === 'temporal' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return formatDate(v.slice(0, 10), lang, {}, intl);
  return String(v ?? '');
}

const lower = (s: string): string => (s.length > 1 && s[1] !== s[1].toUpperCase() ? s[0].toLowerCase() + s.slice(1) : s);
const fill = (pattern: string, values: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/**
 * A text alternative generated from the chart's data: kind, what the axes show and the values in the report's
 * language and notation, e.g. "Staafdiagram: aanvragen per jaar. 2019: 20.430, 2020: 12.310."
 */
export function altText(chart: BoundChartSpec, loc: AltLocale): string {
  if (chart.alt) return chart.alt;
  const { words, language: lang, intl } = loc;
  const spec = chart.spec as JsonObject;
  const unit = unitOf(spec);
  const enc = isObject(unit.encoding) ? unit.encoding : {};
  if (markType(unit) === 'geoshape') return mapAlt(chart, spec, unit, enc, loc);
  const data = isObject(unit.data) && typeof unit.data.name === 'string' ? unit.data.name : Object.keys(chart.datasets)[0];
  const rows: readonly DataRow[] = chart.datasets[data] ?? [];
  const all = ['x', 'y', 'theta', 'color', 'size'].map((n) => channel(enc, n)).filter((c): c is Channel => !!c);
  const value = all.find((c) => c.type === 'quantitative');
  const key = ['x', 'y', 'color'].map((n) => channel(enc, n)).find((c) => c && c.field !== value?.field);
  const series = ['color', 'y', 'xOffset', 'yOffset', 'column', 'row', 'facet']
    .map((n) => channel(enc, n) ?? channel(isObject(spec.facet) ? { facet: spec.facet } : {}, n))
    .find((c) => c && c.field !== key?.field && c.field !== value?.field);
  const title = titleOf(spec) ?? (value && key ? fill(words['chart.per'], { value: lower(value.title), key: lower(key.title) }) : undefined);
  const head = `${kindName(unit, words)}${title ? `: ${title}` : ''}.`;
  if (!value || !key || rows.length === 0) return head;
  const items = rows.slice(0, MAX_VALUES).map((r) => {
    const s = series ? `${fmt(r[series.field], series, lang, intl)}, ` : '';
    return `${s}${fmt(r[key.field], key, lang, intl)}: ${fmt(r[value.field], value, lang, intl)}`;
  });
  const more = rows.length > MAX_VALUES ? fill(words['chart.more'], { n: formatNumber(rows.length - MAX_VALUES, lang, {}, intl) }) : '';
  return `${head} ${items.join(series ? '; ' : ', ')}${more}.`;
}

function titleOf(spec: JsonObject): string | undefined {
  const t = spec.title;
  if (typeof t === 'string') return lower(t);
  if (isObject(t) && typeof t.text === 'string') return lower(t.text);
  if (typeof spec.description === 'string') return lower(spec.description);
  return undefined;
}

/**
 * A map's alternative: the values joined onto the outlines by a lookup, each under the first text field of its
 * row (a country name) rather than the join key, e.g. "Kaart: aanvragen per land. Duitsland: 8.000, …".
 */
function mapAlt(chart: BoundChartSpec, spec: JsonObject, unit: JsonObject, enc: JsonObject, loc: AltLocale): string {
  const { words, language: lang, intl } = loc;
  const transforms = [unit.transform, spec.transform].flatMap((t) => (Array.isArray(t) ? t : []));
  const lookup = transforms.find((t): t is JsonObject => isObject(t) && typeof t.lookup === 'string' && isObject(t.from) && isObject(t.from.data));
  const from = lookup && isObject(lookup.from) ? lookup.from : undefined;
  const name = from && isObject(from.data) && typeof from.data.name === 'string' ? from.data.name : undefined;
  const rows: readonly DataRow[] = (name && chart.datasets[name]) || [];
  const value = channel(enc, 'color');
  const key = typeof from?.key === 'string' ? from.key : undefined;
  const label = rows[0] ? Object.keys(rows[0]).find((k) => k !== key && typeof rows[0]![k] === 'string') ?? key : key;
  // "per land": the join key names what each value belongs to (the label field holds the names).
  const title = titleOf(spec) ?? (value ? (key ? fill(words['chart.per'], { value: lower(value.title), key: lower(key) }) : lower(value.title)) : undefined);
  const head = `${words['chart.map']}${title ? `: ${title}` : ''}.`;
  if (!value || !label || rows.length === 0) return head;
  const items = rows.slice(0, MAX_VALUES).map((r) => `${String(r[label] ?? '')}: ${fmt(r[value.field], value, lang, intl)}`);
  const more = rows.length > MAX_VALUES ? fill(words['chart.more'], { n: formatNumber(rows.length - MAX_VALUES, lang, {}, intl) }) : '';
  return `${head} ${items.join(', ')}${more}.`;
}
