/**
 * vega-lite's compile, remembered without the data: the compiled Vega spec depends on the Vega-Lite spec
 * but not on the datasets' rows, which vega-lite only copies into `data[].values`. So the spec is compiled
 * with every dataset empty and the rows are put back by name; after a figure changes, a chart skips
 * compiling (≈ a third of a warm render). A compile that logged anything is not kept, so its warnings
 * repeat on every build. test/charts/compileCache.test.ts checks the equivalence on every gallery chart.
 */
import type { DataRow } from '../bind/types.ts';

type JsonObject = Record<string, unknown>;

/** Most compiled specs kept: far more than a report has charts. */
const MAX_ENTRIES = 128;

/**
 * The compiled Vega spec of `spec` (a Vega-Lite spec whose data is in `datasets`), from memory when an
 * equal spec compiled cleanly before. `compile` is vega-lite's, with the caller's logger; `logged` tells
 * whether that logger was called during the compile.
 */
export function compileWithoutData(compiled: Map<string, string>, spec: JsonObject, compile: (s: JsonObject) => JsonObject, logged: () => boolean): JsonObject {
  // Rows of the report's datasets; a map outline is a TopoJSON object, passed on as it is (vega only reads it).
  const datasets = (spec.datasets ?? {}) as Record<string, readonly DataRow[] | object>;
  const empty = { ...spec, datasets: Object.fromEntries(Object.keys(datasets).map((k) => [k, []])) };
  const key = JSON.stringify(empty);
  let json = compiled.get(key);
  if (json === undefined) {
    const vg = compile(empty);
    json = JSON.stringify(vg);
    if (!logged()) {
      compiled.set(key, json);
      if (compiled.size > MAX_ENTRIES) compiled.delete(compiled.keys().next().value as string);
    }
  }
  const vg = JSON.parse(json) as JsonObject;
  for (const d of (vg.data ?? []) as JsonObject[]) {
    const rows = typeof d.name === 'string' ? datasets[d.name] : undefined;
    if (rows && Array.isArray(d.values)) d.values = Array.isArray(rows) ? rows.map((r) => ({ ...r })) : rows;
  }
  return vg;
}
