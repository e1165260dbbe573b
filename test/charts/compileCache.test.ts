import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { compileWithoutData, OneShotSpecs, parseWithoutData, type CompiledSpec } from '../../src/charts/compileCache.ts';

/** The compiled-spec cache under test (a build context's `chartSpecs`). */
let compiled = new Map<string, CompiledSpec>();
const clearCompileCache = () => (compiled = new Map());
import { prepareSpec } from '../../src/charts/prepareSpec.ts';
import { GALLERY } from './gallerySpecs.ts';
import { frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

const theme = loadTestTheme().chart;
const labelWidth = (s: string) => testFonts().measure(s, theme.fontKeys.normal, theme.fontSize);
type Json = Record<string, unknown>;

const vlCompile = (s: Json) => vl.compile(s as never).spec as Json;
const vgParse = (vg: Json) => vega.parse(vg as never, undefined, { ast: true } as never) as unknown as Json;
/** The SVG vega draws from a runtime (the oracle: vega given the data directly, no cache). */
async function svgOf(runtime: Json, locale: unknown): Promise<string> {
  const untyped = vega as unknown as { setRandom(r: () => number): void; randomLCG(s: number): () => number; resetSVGDefIds(): void };
  untyped.setRandom(untyped.randomLCG(7));
  untyped.resetSVGDefIds(); // gradient and clip ids count per process
  const view = new vega.View(runtime as never, { expr: expressionInterpreter, renderer: 'none', locale } as never);
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
/** Every number in a dataset's rows changed (as a figures edit does), map outlines left alone. */
function edited(spec: Json, by: number): Json {
  const datasets = Object.fromEntries(
    Object.entries((spec.datasets ?? {}) as Record<string, unknown>).map(([k, rows]) => [
      k,
      Array.isArray(rows) ? rows.map((r: Json) => Object.fromEntries(Object.entries(r).map(([f, v]) => [f, typeof v === 'number' ? v * by + 1 : v]))) : rows,
    ]),
  );
  return { ...spec, datasets };
}

describe('compiling without the data', () => {
  it('gives exactly the spec vega-lite compiles with the data, for every gallery chart', () => {
    clearCompileCache();
    for (const { chart } of GALLERY) {
      const spec = prepareSpec(chart, chart.spec as Json, theme, frameWidthPt(chart.size), labelWidth);
      const direct = vl.compile(spec as never).spec;
      const viaCache = compileWithoutData(compiled, spec, (s) => vl.compile(s as never).spec as Json, () => false);
      expect(viaCache, chart.id).toEqual(direct);
    }
  });

  it('parses without the data into a runtime that draws exactly the SVG vega draws given the data, before and after the rows change, for every gallery chart', async () => {
    clearCompileCache();
    let parses = 0;
    for (const { chart } of GALLERY) {
      const spec = prepareSpec(chart, chart.spec as Json, theme, frameWidthPt(chart.size), labelWidth);
      const locale = (spec.config as Json | undefined)?.locale;
      for (const s of [spec, edited(spec, 3), edited(spec, 2)]) {
        const direct = await svgOf(vgParse(vlCompile(s)), locale);
        const viaCache = await svgOf(parseWithoutData(compiled, s, vlCompile, () => false, (vg) => (parses++, vgParse(vg))), locale);
        expect(viaCache, chart.id).toBe(direct);
      }
    }
    // the edited rows reused the runtime parsed for the first ones: one parse per chart
    expect(parses).toBe(GALLERY.length);
    // operators shared between Views are as they were parsed after three Views ran on them (but for the rows put in)
    let shared = 0;
    for (const entry of compiled.values()) {
      const r = entry.runtime as unknown as { json: string; slots: [number, string][]; shared?: { operators: { value: Json }[] } } | undefined;
      if (!r?.shared) continue;
      shared++;
      const copy = JSON.parse(JSON.stringify(r.shared)) as { operators: { value: Json }[] };
      for (const [i] of r.slots) copy.operators[i]!.value.$ingest = [];
      expect(JSON.stringify(copy.operators)).toBe(JSON.stringify((JSON.parse(r.json) as { operators: unknown }).operators));
    }
    expect(shared).toBeGreaterThan(0); // single views; a facet or repeat (a subflow) is not shared
  });

  it('parses again when the spec changes, and keeps no runtime of a compile that logged', () => {
    clearCompileCache();
    let parses = 0;
    const parse = (vg: Json) => (parses++, vgParse(vg));
    const spec = (mark: string): Json => ({ datasets: { d: [{ a: 'x', n: 1 }] }, data: { name: 'd' }, mark, encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } } });
    parseWithoutData(compiled, spec('bar'), vlCompile, () => false, parse);
    const point = parseWithoutData(compiled, spec('point'), vlCompile, () => false, parse);
    expect(parses).toBe(2);
    expect(JSON.stringify(point)).toContain('"symbol"');
    expect(JSON.stringify(point)).not.toContain('"rect"');
    for (let i = 0; i < 2; i++) parseWithoutData(compiled, spec('line'), vlCompile, () => true, parse);
    expect(parses).toBe(4);
  });

  it('compiles an equal spec once and puts the new rows in', () => {
    clearCompileCache();
    let compiles = 0;
    const compile = (s: Json) => (compiles++, vl.compile(s as never).spec as Json);
    const spec = (n: number): Json => ({
      datasets: { d: [{ jaar: '2020', n }] },
      data: { name: 'd' },
      mark: 'bar',
      encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' } },
    });
    compileWithoutData(compiled, spec(1), compile, () => false);
    const second = compileWithoutData(compiled, spec(12310), compile, () => false);
    expect(compiles).toBe(1);
    expect((second.data as Json[]).find((d) => d.name === 'd')!.values).toEqual([{ jaar: '2020', n: 12310 }]);
  });

  it('does not keep a compile that logged a warning, so the warning comes back on the next build', () => {
    clearCompileCache();
    let compiles = 0;
    const spec: Json = { datasets: { d: [] }, data: { name: 'd' }, mark: 'bar' };
    for (let i = 0; i < 2; i++) compileWithoutData(compiled, spec, (s) => (compiles++, vl.compile(s as never).spec as Json), () => true);
    expect(compiles).toBe(2);
  });

  it('parses a one-shot render with its data: the SVG vega draws given the data, the spec handed to vega with its rows, no runtime kept', async () => {
    for (const { chart } of GALLERY) {
      const spec = prepareSpec(chart, chart.spec as Json, theme, frameWidthPt(chart.size), labelWidth);
      const locale = (spec.config as Json | undefined)?.locale;
      const once = new OneShotSpecs();
      const handed: Json[] = [];
      const runtime = parseWithoutData(once, spec, vlCompile, () => false, (vg) => (handed.push(structuredClone(vg)), vgParse(vg)));
      expect(await svgOf(runtime, locale), chart.id).toBe(await svgOf(vgParse(vlCompile(spec)), locale));
      // one parse, of the spec with the report's rows in it (a runtime parsed empty would have had [] there)
      expect(handed.length).toBe(1);
      // (as JSON: the compiled spec is kept as JSON, so a date in it is its ISO text, as on the cached path)
      expect(JSON.stringify(handed[0]), chart.id).toBe(JSON.stringify(vlCompile(spec)));
      expect([...once.values()].every((e) => e.runtime === undefined)).toBe(true);
    }
  });
});
