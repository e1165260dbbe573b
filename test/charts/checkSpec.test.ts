import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/charts/checkSpec.ts';
import { expressionPointers, failurePointer, replaceAt } from '../../src/charts/locateFailure.ts';
import { chart } from './helpers.ts';

const rows = [{ jaar: '2019', aanvragen: 1 }];
const found = (spec: Record<string, unknown>) => checkSpec(chart('c', spec, rows)).map((c) => [c.make(undefined).code, c.pointer]);

describe('checkSpec: what vega-lite would reject without a position', () => {
  it('finds an unknown mark, as a string or a mark object, in a layer too', () => {
    expect(found({ mark: 'barr' })).toEqual([['CHART116', '/mark']]);
    expect(found({ layer: [{ mark: 'bar' }, { mark: { type: 'pointt' } }] })).toEqual([['CHART116', '/layer/1/mark/type']]);
  });
  it('finds an unknown field type and field in channels, tooltip lists and conditions, not in scales or axes', () => {
    const spec = {
      mark: 'bar',
      encoding: {
        x: { field: 'jaar', type: 'nominal', scale: { type: 'log' }, axis: { title: 'x' } },
        y: { field: 'aanvragen', type: 'quantitive' },
        tooltip: [{ field: 'jaar', type: 'nominal' }, { field: 'jaren', type: 'nominal' }],
        color: { condition: { test: 'true', field: 'kleur', type: 'nominal' }, value: 'red' },
      },
    };
    expect(found(spec)).toEqual([
      ['CHART117', '/encoding/y/type'],
      ['CHART118', '/encoding/tooltip/1/field'],
      ['CHART118', '/encoding/color/condition/field'],
    ]);
  });
  it('accepts names that transforms make and skips charts whose transforms make unknowable columns', () => {
    expect(found({ transform: [{ calculate: '1', as: 'een' }], mark: 'bar', encoding: { x: { field: 'een', type: 'quantitative' } } })).toEqual([]);
    expect(found({ transform: [{ pivot: 'jaar', value: 'aanvragen' }], mark: 'bar', encoding: { x: { field: '2019', type: 'quantitative' } } })).toEqual([]);
  });
});

describe('locateFailure', () => {
  const spec = { transform: [{ calculate: 'datum.a * 2', as: 'b' }, { filter: 'bad(' }], mark: { type: 'bar', tooltip: { expr: 'x' } } };
  const spans = new Map(expressionPointers(spec).map((p) => [p, { file: 'c.vl.yaml', line: 1, column: 1 }]));
  it('lists the expressions the author wrote', () => {
    expect(expressionPointers(spec)).toEqual(['/transform/0/calculate', '/transform/1/filter', '/mark/tooltip/expr']);
    expect(replaceAt(spec, '/transform/1/filter', 'null')).toEqual({ ...spec, transform: [spec.transform[0], { filter: 'null' }] });
  });
  it('blames the expression whose replacement makes the failure go away', () => {
    // a stand-in parser that fails while any expression contains "bad("
    const fails = (s: Record<string, unknown>) => JSON.stringify(s).includes('bad(');
    expect(failurePointer(spec, 'parse error', fails, spans)).toBe('/transform/1/filter');
  });
  it('else points at a value the message quotes, else at the root', () => {
    const s = { mark: 'bar', encoding: { x: { field: 'jaar' } } };
    const sp = new Map([['/encoding/x/field', { file: 'c', line: 3, column: 5 }]]);
    expect(failurePointer(s, 'no such thing "jaar"', () => false, sp)).toBe('/encoding/x/field');
    expect(failurePointer(s, 'something else', () => false, sp)).toBe('');
  });
});
