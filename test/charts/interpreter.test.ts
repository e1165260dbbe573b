/**
 * Chart expressions run through vega-interpreter: while a chart with expressions renders, the global Function
 * constructor and eval are replaced by traps that record and throw, and nothing may reach them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { loadVega } from '../../src/charts/loadVega.ts';
import { createSink } from '../../src/diag/sink.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

type Globals = { Function: FunctionConstructor; eval: typeof eval };
const g = globalThis as unknown as Globals;
const realFunction = g.Function;
const realEval = g.eval;

/** Replaces Function and eval by traps; returns the list their calls are recorded in. */
function trapCodeGeneration(): string[] {
  const calls: string[] = [];
  const fail = (what: string, args: unknown[]): never => {
    calls.push(`${what}(${args.map(String).join(', ').slice(0, 80)})`);
    throw new Error(`${what} called while rendering a chart`);
  };
  g.Function = new Proxy(realFunction, {
    apply: (_t, _this, args: unknown[]) => fail('Function', args),
    construct: (_t, args: unknown[]) => fail('new Function', args),
  });
  g.eval = ((code: unknown) => fail('eval', [code])) as typeof eval;
  return calls;
}

afterEach(() => {
  g.Function = realFunction;
  g.eval = realEval;
});

const rows = [
  { soort: 'Asiel', n: 1234 },
  { soort: 'Nareis', n: 0 },
  { soort: 'Studie', n: 617 },
];

/** A spec full of expressions: filter, calculate, a signal and a text mark whose text is an expression. */
const spec = {
  params: [{ name: 'factor', expr: '1 + 1' }],
  transform: [
    { filter: 'datum.n > 0' },
    { calculate: "'n=' + format(datum.n * factor, ',d')", as: 'label' },
  ],
  layer: [
    { mark: 'bar', encoding: { x: { field: 'soort', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } } },
    {
      mark: { type: 'text', dy: -4, text: { expr: "upper(substring('totaal', 0, 1)) + 'otaal'" } },
      encoding: { x: { field: 'soort', type: 'nominal' }, y: { aggregate: 'max', field: 'n', type: 'quantitative' } },
    },
    { mark: { type: 'text', dy: 10 }, encoding: { x: { field: 'soort', type: 'nominal' }, y: { field: 'n', type: 'quantitative' }, text: { field: 'label' } } },
  ],
};

describe('chart expressions without code generation', () => {
  const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt };

  it('renders filter, calculate, params and text expressions with Function and eval trapped', async () => {
    const calls = trapCodeGeneration();
    let svg: string;
    try {
      svg = (await renderCharts([chart('expr', spec, rows)], opts, { diag: createSink() })).get('expr')!.svg;
    } finally {
      g.Function = realFunction;
      g.eval = realEval;
    }
    expect(calls).toEqual([]);
    // The expressions really ran: nl-NL grouping of 2 × 1234, the filtered-out row is gone, the mark text computed.
    expect(svg).toContain('>n=2.468</text>');
    expect(svg).toContain('>n=1.234</text>');
    expect(svg).not.toContain('Nareis');
    expect(svg).toContain('>Totaal</text>');
  });

  it('the trap would catch vega\'s default expression compiler (control)', async () => {
    const { vega, vl } = await loadVega();
    const vg = vl.compile({ data: { values: rows }, ...spec } as never).spec;
    const calls = trapCodeGeneration();
    try {
      const view = new vega.View(vega.parse(vg), { renderer: 'none' });
      await view.runAsync().catch(() => undefined);
    } catch {
      // the trap throws inside vega.parse or the dataflow
    } finally {
      g.Function = realFunction;
      g.eval = realEval;
    }
    expect(calls.length).toBeGreaterThan(0);
  });
});
