import { describe, expect, it } from 'vitest';
import * as vl from 'vega-lite';
import { compileWithoutData } from '../../src/charts/compileCache.ts';

/** The compiled-spec cache under test (a build context's `chartSpecs`). */
let compiled = new Map<string, string>();
const clearCompileCache = () => (compiled = new Map());
import { prepareSpec } from '../../src/charts/prepareSpec.ts';
import { GALLERY } from './gallerySpecs.ts';
import { frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

const theme = loadTestTheme().chart;
const labelWidth = (s: string) => testFonts().measure(s, theme.fontKeys.normal, theme.fontSize);
type Json = Record<string, unknown>;

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
});
