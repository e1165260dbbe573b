/** Turns chart blocks into BoundChartSpecs: an id, the spec, and only the datasets the spec names via data.name. */
import { basename } from 'node:path';
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { ContentBlock } from '../load/types.ts';
import type { BoundChartSpec, DataRow } from './types.ts';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';

type ChartBlock = Extract<ContentBlock, { type: 'chart' }>;

/** Keys whose strings are Vega expressions, never figure text. */
const EXPRESSION_KEY = /(^|[a-z])(expr|Expr|calculate|filter|test)$/;

/** A JSON pointer token: `~` and `/` escaped (RFC 6901). */
const token = (k: string): string => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);

/** The pointer of a path of tokens under `base`. */
const pointerOf = (base: string, path: readonly string[]): string => (path.length === 0 ? base : `${base}/${path.join('/')}`);

/**
 * Every `data: { name }` in the spec (top level, layers, concat, facet/repeat specs), with its JSON pointer.
 * The walk keeps the path as tokens and writes a pointer only for a name found (a cold build walks every node once).
 */
export function dataNames(spec: unknown, pointer = ''): { name: string; pointer: string }[] {
  const out: { name: string; pointer: string }[] = [];
  const path: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (!x || typeof x !== 'object') continue;
        path.push(String(i));
        walk(x);
        path.pop();
      }
      return;
    }
    if (!v || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (k === 'data' && x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') {
        out.push({ name: (x as { name: string }).name, pointer: `${pointerOf(pointer, path)}/data/name` });
      } else if (k !== 'datasets' && x && typeof x === 'object') {
        path.push(token(k));
        walk(x);
        path.pop();
      }
    }
  };
  walk(spec);
  return out;
}

/**
 * Maps every string of the spec (except Vega expressions) through `text`, passing its JSON pointer when asked
 * (only a string that is interpolated needs its position).
 */
export function mapSpecStrings(spec: unknown, text: (s: string, pointer: () => string) => string): unknown {
  const path: string[] = [];
  const map = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return EXPRESSION_KEY.test(key) ? v : text(v, () => pointerOf('', path));
    if (Array.isArray(v)) {
      return v.map((x: unknown, i) => {
        path.push(String(i));
        const r = map(x, key);
        path.pop();
        return r;
      });
    }
    if (!v || typeof v !== 'object') return v;
    const entries: [string, unknown][] = [];
    for (const k of Object.keys(v)) {
      path.push(token(k));
      entries.push([k, map((v as Record<string, unknown>)[k], k)]);
      path.pop();
    }
    return Object.fromEntries(entries);
  };
  return map(spec, '');
}

/** Chart id: the spec file's stem ("charts/studie.vl.yaml" → "studie"), or "<section>-chart-<n>" for inline specs. */
export function chartId(block: ChartBlock, sectionId: string, sectionFile: string, index: number, taken: Set<string>): string {
  const base = block.spec.file === sectionFile ? `${sectionId}-chart-${index + 1}` : basename(block.spec.file).replace(/(\.vl)?\.(ya?ml|json)$/i, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Collects the datasets a chart names; unknown names and specs without data are errors, reported at the `data`
 * that is wrong (inline values or a URL at their own line). The rows it names count against limits.chartValues.
 */
export function chartDatasets(block: ChartBlock, datasets: ReadonlyMap<string, readonly DataRow[]>, errors: Diagnostic[], maxValues = DEFAULT_LIMITS.chartValues): Record<string, readonly DataRow[]> {
  const names = dataNames(block.spec.value);
  const span = (p: string) => block.spec.spans.get(p) ?? block.spec.spans.get('') ?? block.span;
  if (names.length === 0) {
    const inline = inlineData(block.spec.value);
    errors.push(inline ? messages.chartInlineData(inline.key, span(inline.pointer)) : messages.chartWithoutData(block.spec.file, span('')));
  }
  const out: Record<string, readonly DataRow[]> = {};
  let values = 0;
  for (const { name, pointer } of names) {
    // map outlines (geo:countries-50m …) are no figures.yaml dataset: the chart sandbox knows and checks them
    if (name.startsWith('geo:')) continue;
    const rows = datasets.get(name);
    if (rows) {
      out[name] = rows;
      values += rows.length;
      if (values > maxValues) errors.push(messages.limitExceeded('chartValues', values, maxValues, span(pointer), `data rows of chart "${block.spec.file}"`));
    } else errors.push(messages.unknownDataset(name, [...datasets.keys()], span(pointer)));
  }
  return out;
}

/** The first `data` with inline `values` or a `url` (a chart copied from the Vega gallery), with its pointer. */
function inlineData(spec: unknown, pointer = ''): { key: 'values' | 'url'; pointer: string } | undefined {
  if (!spec || typeof spec !== 'object') return undefined;
  for (const [k, v] of Object.entries(spec)) {
    const p = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (k === 'data' && v && typeof v === 'object' && !Array.isArray(v)) {
      if ('values' in v) return { key: 'values', pointer: `${p}/values` };
      if ('url' in v) return { key: 'url', pointer: `${p}/url` };
    }
    const found = inlineData(v, p);
    if (found) return found;
  }
  return undefined;
}

/** Assembles the BoundChartSpec. */
export function boundChart(block: ChartBlock, id: string, spec: Record<string, unknown>, datasets: Record<string, readonly DataRow[]>, caption?: string, alt?: string): BoundChartSpec {
  return { id, spec, datasets, file: block.spec.file, spans: block.spec.spans, size: block.size, caption, alt, source: block.span };
}
