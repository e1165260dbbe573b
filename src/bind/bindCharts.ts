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

/** Every `data: { name }` in the spec (top level, layers, concat, facet/repeat specs), with its JSON pointer. */
export function dataNames(spec: unknown, pointer = ''): { name: string; pointer: string }[] {
  if (Array.isArray(spec)) return spec.flatMap((v, i) => dataNames(v, `${pointer}/${i}`));
  if (!spec || typeof spec !== 'object') return [];
  const out: { name: string; pointer: string }[] = [];
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'data' && v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
      out.push({ name: (v as { name: string }).name, pointer: `${pointer}/data/name` });
    else if (k !== 'datasets') out.push(...dataNames(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return out;
}

/** Maps every string of the spec (except Vega expressions) through `text`, passing its JSON pointer. */
export function mapSpecStrings(spec: unknown, text: (s: string, pointer: string) => string, pointer = '', key = ''): unknown {
  if (typeof spec === 'string') return EXPRESSION_KEY.test(key) ? spec : text(spec, pointer);
  if (Array.isArray(spec)) return spec.map((v, i) => mapSpecStrings(v, text, `${pointer}/${i}`, key));
  if (!spec || typeof spec !== 'object') return spec;
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, mapSpecStrings(v, text, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k)]));
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
