/**
 * What Vega-Lite would reject late and without a position (or not at all), checked before compiling so the error
 * stands at the offending property of the chart file (issue 12, item 5): an unknown mark, an unknown field type,
 * an encoding field that no dataset of the chart has and no transform makes.
 */
import type { BoundChartSpec } from '../bind/types.ts';
import type { Diagnostic } from '../diag/types.ts';
import { chartMessages as msg } from './messages.ts';

/** Vega-Lite 6's mark types: primitive marks and the composite ones (boxplot, errorbar, errorband). */
export const MARKS = ['arc', 'area', 'bar', 'image', 'line', 'point', 'rect', 'rule', 'text', 'tick', 'trail', 'circle', 'square', 'geoshape', 'boxplot', 'errorbar', 'errorband'];
/** Vega-Lite's measurement types of an encoding. */
export const FIELD_TYPES = ['quantitative', 'ordinal', 'nominal', 'temporal', 'geojson'];
/**
 * Transforms whose output columns cannot be known before running them (pivot: from the data's values; lookup and
 * flatten: from other rows): a chart with one gets no field check.
 */
const OPEN_TRANSFORMS = ['pivot', 'lookup', 'flatten'];
/** Column names transforms and generators produce when their `as` is left out (fold, density, quantile, sequence, …). */
const DEFAULT_OUTPUTS = ['key', 'value', 'density', 'prob', '__count', 'count', 'data'];

type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const seg = (k: string | number): string => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** Problems of marks, field types and fields, each with the JSON pointer of the offending property. */
export function checkSpec(chart: BoundChartSpec): { readonly pointer: string; readonly make: (span: Parameters<typeof msg.unknownMark>[2]) => Diagnostic }[] {
  const out: { pointer: string; make: (span: Parameters<typeof msg.unknownMark>[2]) => Diagnostic }[] = [];
  const fields = knownFields(chart);
  // a channel definition (encoding.x, an item of encoding.tooltip, a condition): its type and field
  const channel = (def: Json, ptr: string): void => {
    if (Array.isArray(def)) return def.forEach((d, i) => channel(d, `${ptr}/${i}`));
    if (!isObject(def)) return;
    const { type, field } = def;
    if (typeof type === 'string' && !FIELD_TYPES.includes(type)) out.push({ pointer: `${ptr}/type`, make: (s) => msg.unknownFieldType(type, FIELD_TYPES, s) });
    if (typeof field === 'string' && fields && !fields.has(field) && !/[.[\\]/.test(field)) {
      const known = [...fields].filter((f) => !DEFAULT_OUTPUTS.includes(f));
      out.push({ pointer: `${ptr}/field`, make: (s) => msg.unknownField(field, known, s) });
    }
    if (def.condition !== undefined) channel(def.condition, `${ptr}/condition`);
  };
  const walk = (node: Json, ptr: string): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${ptr}/${i}`));
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const p = `${ptr}/${seg(k)}`;
      if (k === 'mark') {
        const type = isObject(v) ? v.type : v;
        const at = isObject(v) ? `${p}/type` : p;
        if (typeof type === 'string' && !MARKS.includes(type)) out.push({ pointer: at, make: (s) => msg.unknownMark(type, MARKS, s) });
        continue;
      }
      if (k === 'encoding' && isObject(v)) {
        for (const [c, def] of Object.entries(v)) channel(def, `${p}/${seg(c)}`);
        continue;
      }
      if (k === 'data' || k === 'datasets') continue;
      walk(v, p);
    }
  };
  walk(chart.spec, '');
  return out;
}

/**
 * Every column a field may name: the chart's datasets' columns and every name a transform or aggregate gives
 * (`as`), or undefined when the chart reads map outlines or has a transform with unknowable outputs.
 */
function knownFields(chart: BoundChartSpec): Set<string> | undefined {
  const names = new Set<string>(DEFAULT_OUTPUTS);
  for (const rows of Object.values(chart.datasets)) for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  let open = false;
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (OPEN_TRANSFORMS.includes(k)) open = true;
      if (k === 'name' && typeof v === 'string' && v.startsWith('geo:')) open = true;
      if (k === 'as') for (const a of Array.isArray(v) ? v : [v]) if (typeof a === 'string') names.add(a);
      walk(v);
    }
  };
  walk(chart.spec);
  return open ? undefined : names;
}
