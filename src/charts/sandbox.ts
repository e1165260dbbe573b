import type { BoundChartSpec } from '../bind/types.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { ReportError } from '../diag/errors.ts';
import { isGeoName } from './geoData.ts';
import { chartMessages as msg } from './messages.ts';
import { checkSpec } from './checkSpec.ts';

/** Most marks one chart may draw: beyond this a print chart is unreadable and vega gets slow. */
export const MAX_MARKS = 50_000;
/** Most data rows a chart may read; aggregating 200,000 rows into a few bars still renders in about a second. */
export const MAX_ROWS = 200_000;

type Json = unknown;
type JsonObject = Record<string, Json>;

const HTTP = /^https?:\/\//i;
// A string that names a local file or a path outside the report: file: URLs, absolute paths, "../" escapes.
const FILE_LIKE = /^\s*file:|^\s*(\/|\.\.?[\\/]|[a-z]:[\\/])/i;

/** JSON pointer segment escaping (RFC 6901). */
const seg = (k: string | number): string => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** The span of a JSON pointer, or of its nearest ancestor that has one, else the chart block. */
export function spanAt(chart: BoundChartSpec, pointer: string): SourceSpan {
  let p = pointer;
  for (;;) {
    const s = chart.spans.get(p);
    if (s) return s;
    if (p === '') return chart.source;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a Vega-Lite spec before compiling: data only by name from the report's datasets (or a map outline of
 * geoData.ts), no URLs, no
 * files, no inline values, links only http(s). Returns the spec with unsafe links dropped; throws a
 * ReportError listing every refusal with its position.
 */
export function sandboxSpec(chart: BoundChartSpec, diag: DiagnosticSink): JsonObject {
  const errors: Diagnostic[] = [];
  const known = Object.keys(chart.datasets);
  let rows = 0;
  for (const d of Object.values(chart.datasets)) rows += d.length;
  if (rows > MAX_ROWS) errors.push(msg.tooManyRows(rows, MAX_ROWS, spanAt(chart, '/data')));

  const visit = (node: Json, ptr: string): Json => {
    if (typeof node === 'string') {
      if (/\bfile:/i.test(node)) errors.push(msg.fileRefused(node, spanAt(chart, ptr)));
      return node;
    }
    if (Array.isArray(node)) return node.map((v, i) => visit(v, `${ptr}/${i}`));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      const p = `${ptr}/${seg(k)}`;
      if (k === 'data' && isObject(v)) {
        checkData(v, p);
        out[k] = v; // a data reference holds no nested specs
        continue;
      }
      if ((k === 'datasets' && ptr === '') || k === 'url') {
        errors.push(k === 'url' ? msg.urlRefused(k, describe(v), spanAt(chart, p)) : msg.inlineValues(spanAt(chart, p)));
        continue;
      }
      if (k === 'href' && !isSafeHref(v)) {
        diag.push(msg.hrefDropped(describe(v), spanAt(chart, p)));
        continue;
      }
      out[k] = visit(v, p);
    }
    return out;
  };

  const checkData = (d: JsonObject, p: string): void => {
    if (typeof d.url === 'string') {
      const m = FILE_LIKE.test(d.url) ? msg.fileRefused(d.url, spanAt(chart, `${p}/url`)) : msg.dataUrl(d.url, spanAt(chart, `${p}/url`));
      errors.push(m);
    }
    if ('values' in d) errors.push(msg.inlineValues(spanAt(chart, `${p}/values`)));
    if (typeof d.name === 'string' && !known.includes(d.name) && !isGeoName(d.name)) {
      errors.push(msg.unknownDataset(d.name, known, spanAt(chart, `${p}/name`)));
    }
  };

  const isSafeHref = (v: Json): boolean => {
    if (typeof v === 'string') return HTTP.test(v);
    if (!isObject(v)) return false;
    if (typeof v.value === 'string') return HTTP.test(v.value);
    if (typeof v.field === 'string') {
      const field = v.field;
      return Object.values(chart.datasets).every((ds) => ds.every((r) => r[field] === undefined || HTTP.test(String(r[field]))));
    }
    return false; // expressions and conditions cannot be checked before rendering
  };

  const out = visit(chart.spec, '') as JsonObject;
  // marks, field types and fields Vega-Lite would reject without a position (or draw as nothing)
  if (!errors.length) for (const c of checkSpec(chart)) errors.push(c.make(spanAt(chart, c.pointer)));
  if (errors.length) throw new ReportError(errors);
  return out;
}

function describe(v: Json): string {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v.value === 'string') return v.value;
  if (isObject(v) && typeof v.field === 'string') return `field ${v.field}`;
  return JSON.stringify(v);
}

/**
 * A vega loader that fetches nothing: no data, images or files, by http or from disk. Only links
 * (sanitize with context 'href') to http(s) pass, so they stay clickable in the SVG. Refused URIs are
 * appended to `refused` so the caller can turn them into an error after the run.
 */
export function createSandboxLoader(refused: string[], droppedLinks: string[] = []) {
  const deny = (what: unknown): Promise<never> => {
    refused.push(String(what));
    return Promise.reject(new Error(`loading "${String(what)}" is not allowed`));
  };
  // A link vega computed (a calculate transform) that is not http(s) is dropped, never rejected: vega 6.4's SVG
  // renderer reads the sanitized value without checking it, so a rejection there crashed the whole process.
  const sanitize = (uri: unknown, o?: { context?: string }) => {
    if (o?.context !== 'href') return deny(uri);
    if (HTTP.test(String(uri))) return Promise.resolve({ href: String(uri) });
    droppedLinks.push(String(uri));
    return Promise.resolve({});
  };
  return { options: {}, load: deny, sanitize, http: deny, file: deny };
}
