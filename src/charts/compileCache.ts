/**
 * vega-lite's compile and vega's parse, remembered without the data: the compiled Vega spec and the parsed vega
 * runtime (its dataflow description) depend on the Vega-Lite spec but not on the datasets' rows, which vega-lite
 * only copies into `data[].values` and vega's parser only hands on to a Collect operator (`$ingest`). So the spec
 * is compiled and parsed with every dataset empty and the rows are put back by name; after a figure changes, a
 * chart skips compiling and parsing (≈ a third and a fifth of a warm render). A compile that logged anything is not
 * kept, so its warnings repeat on every build. test/charts/compileCache.test.ts checks the equivalence on every
 * gallery chart (the same SVG as vega-lite and vega given the data directly).
 */
import type { DataRow } from '../bind/types.ts';

type JsonObject = Record<string, unknown>;

/** A compiled spec (JSON of the Vega spec with empty datasets) and, once parsed, its runtime. */
export interface CompiledSpec {
  readonly json: string;
  runtime?: ParsedRuntime;
}

/** JSON of a parsed runtime and where the datasets go: operator index → dataset name. */
interface ParsedRuntime {
  readonly json: string;
  readonly slots: readonly (readonly [number, string])[];
  /**
   * The runtime's operators themselves, when a View may be made of them again: vega reads operators without
   * changing them, but marks the rows it ingests, so the datasets' rows (`slots`) and every other Collect's inline
   * rows (`inline`: a guide's datum; operator index → JSON) are put in as fresh copies each time; the rest of the
   * runtime (event config, which the View rewrites in place, locale) is read from its JSON each time. A facet's
   * subflow is parsed per cell: such a runtime is taken whole from its JSON each time instead.
   */
  readonly shared?: { readonly operators: unknown[]; readonly rest: string };
  readonly inline: readonly (readonly [number, string])[];
}

/**
 * The compiled specs of one render that nothing reads again (a one-shot build's worker, a render without a build
 * context): a runtime parsed without the data would only be used once, so the spec is parsed with its rows at once,
 * which draws the same SVG (test/charts/compileCache.test.ts) without parseEmpty's JSON round trips of the runtime
 * (≈ 50 ms of the chart worker's CPU in a cold build of the bundled report).
 */
export class OneShotSpecs extends Map<string, CompiledSpec> {}

/** Most compiled specs kept: far more than a report has charts. */
const MAX_ENTRIES = 128;

type Datasets = Record<string, readonly DataRow[] | object>;

/** A fresh copy of a dataset: vega marks every row it ingests, so rows are never shared between renders. */
const copyRows = (rows: readonly DataRow[] | object) => (Array.isArray(rows) ? rows.map((r: DataRow) => ({ ...r })) : rows);

/** The compiled spec with empty datasets, from memory when an equal spec compiled cleanly before. */
function compiledEntry(compiled: Map<string, CompiledSpec>, spec: JsonObject, compile: (s: JsonObject) => JsonObject, logged: () => boolean): { entry: CompiledSpec; datasets: Datasets; kept: boolean } {
  // Rows of the report's datasets; a map outline is a TopoJSON object, passed on as it is (vega only reads it).
  const datasets = (spec.datasets ?? {}) as Datasets;
  const empty = { ...spec, datasets: Object.fromEntries(Object.keys(datasets).map((k) => [k, []])) };
  const key = JSON.stringify(empty);
  const hit = compiled.get(key);
  if (hit) return { entry: hit, datasets, kept: true };
  const entry: CompiledSpec = { json: JSON.stringify(compile(empty)) };
  const kept = !logged();
  if (kept) {
    compiled.set(key, entry);
    if (compiled.size > MAX_ENTRIES) compiled.delete(compiled.keys().next().value as string);
  }
  return { entry, datasets, kept };
}

/**
 * The compiled Vega spec of `spec` (a Vega-Lite spec whose data is in `datasets`), from memory when an
 * equal spec compiled cleanly before. `compile` is vega-lite's, with the caller's logger; `logged` tells
 * whether that logger was called during the compile.
 */
export function compileWithoutData(compiled: Map<string, CompiledSpec>, spec: JsonObject, compile: (s: JsonObject) => JsonObject, logged: () => boolean): JsonObject {
  const { entry, datasets } = compiledEntry(compiled, spec, compile, logged);
  return withRows(entry.json, datasets);
}

/** The compiled spec from its JSON, with the datasets' rows put back by name. */
function withRows(json: string, datasets: Datasets): JsonObject {
  const vg = JSON.parse(json) as JsonObject;
  for (const d of (vg.data ?? []) as JsonObject[]) {
    const rows = typeof d.name === 'string' ? datasets[d.name] : undefined;
    if (rows && Array.isArray(d.values)) d.values = copyRows(rows);
  }
  return vg;
}

/**
 * The vega runtime of `spec` (what vega.parse gives for its compiled spec), from memory when an equal spec was
 * compiled and parsed before; `parse` is vega's. A runtime whose datasets cannot all be found again (each empty
 * dataset's array must reach exactly one operator) is not kept: the spec is then parsed with its data.
 */
export function parseWithoutData(
  compiled: Map<string, CompiledSpec>,
  spec: JsonObject,
  compile: (s: JsonObject) => JsonObject,
  logged: () => boolean,
  parse: (vg: JsonObject) => JsonObject,
): JsonObject {
  const { entry, datasets, kept } = compiledEntry(compiled, spec, compile, logged);
  if (compiled instanceof OneShotSpecs && !entry.runtime) return parse(withRows(entry.json, datasets));
  const runtime = entry.runtime ?? parseEmpty(entry.json, datasets, parse);
  if (!runtime) return parse(withRows(entry.json, datasets));
  if (kept) entry.runtime = runtime;
  // one render at a time per process (renderPlans), and the View has read the runtime before the next one fills it
  const { shared } = runtime;
  const rt = (shared ? { ...(JSON.parse(shared.rest) as JsonObject), operators: shared.operators } : JSON.parse(runtime.json)) as { operators: { value: unknown }[] };
  if (shared) for (const [i, json] of runtime.inline) rt.operators[i]!.value = JSON.parse(json);
  for (const [i, name] of runtime.slots) (rt.operators[i]!.value as JsonObject).$ingest = copyRows(datasets[name]!);
  return rt as unknown as JsonObject;
}

/** Parses the compiled spec with each report dataset as a marked empty array and finds where the arrays went. */
function parseEmpty(json: string, datasets: Datasets, parse: (vg: JsonObject) => JsonObject): ParsedRuntime | undefined {
  const vg = JSON.parse(json) as JsonObject;
  const marked = new Map<unknown, string>();
  for (const d of (vg.data ?? []) as JsonObject[]) {
    if (typeof d.name !== 'string' || !datasets[d.name] || !Array.isArray(d.values)) continue;
    d.values = [];
    marked.set(d.values, d.name);
  }
  const rt = parse(vg) as { operators?: { type?: string; value?: { $ingest?: unknown } }[] };
  const slots: [number, string][] = [];
  const inline: [number, string][] = [];
  (rt.operators ?? []).forEach((op, i) => {
    const name = marked.get(op.value?.$ingest);
    if (name !== undefined) slots.push([i, name]);
    else if (String(op.type).toLowerCase() === 'collect' && op.value !== undefined) inline.push([i, JSON.stringify(op.value)]);
  });
  const found = new Set(slots.map(([, n]) => n));
  if (slots.length !== marked.size || found.size !== marked.size) return undefined;
  const text = JSON.stringify(rt);
  const shareable = !text.includes('"$subflow"');
  if (!shareable) return { json: text, slots, inline };
  const { operators, ...rest } = JSON.parse(text) as { operators: unknown[] };
  return { json: text, slots, inline, shared: { operators, rest: JSON.stringify(rest) } };
}
