import { describe, expect, it } from 'vitest';
import { dataNames, mapSpecStrings } from '../../src/bind/bindCharts.ts';

describe('data names of a chart spec', () => {
  it('finds every named dataset with its JSON pointer, escaping ~ and / and skipping datasets', () => {
    const spec = {
      data: { name: 'top' },
      layer: [{ mark: 'bar', data: { name: 'a' } }, { mark: 'line' }, { data: { name: 'b' } }],
      'x/y~z': { spec: { data: { name: 'c' } } },
      datasets: { d: [{ data: { name: 'never' } }] },
      vconcat: [1, 'x', null, { data: { values: [1, 2], inner: { data: { name: 'e' } } } }],
    };
    expect(dataNames(spec)).toEqual([
      { name: 'top', pointer: '/data/name' },
      { name: 'a', pointer: '/layer/0/data/name' },
      { name: 'b', pointer: '/layer/2/data/name' },
      { name: 'c', pointer: '/x~1y~0z/spec/data/name' },
      { name: 'e', pointer: '/vconcat/3/data/inner/data/name' },
    ]);
  });

  it('starts pointers at the given base and walks top-level arrays', () => {
    expect(dataNames([{ data: { name: 'n' } }], '/s')).toEqual([{ name: 'n', pointer: '/s/0/data/name' }]);
    expect(dataNames('text')).toEqual([]);
  });
});

describe('strings of a chart spec', () => {
  it('maps every string but Vega expressions, telling its pointer when asked', () => {
    const seen: string[] = [];
    const spec = { title: 'T', encoding: { x: { field: 'f', title: ['a', 'b'] } }, transform: [{ calculate: 'datum.x', filter: 'y' }], n: 3, z: null, 'a/b': 'k' };
    const out = mapSpecStrings(spec, (s, at) => (seen.push(at()), s.toUpperCase()));
    expect(out).toEqual({ title: 'T', encoding: { x: { field: 'F', title: ['A', 'B'] } }, transform: [{ calculate: 'datum.x', filter: 'y' }], n: 3, z: null, 'a/b': 'K' });
    expect(seen).toEqual(['/title', '/encoding/x/field', '/encoding/x/title/0', '/encoding/x/title/1', '/a~1b']);
    expect(Object.keys(out as object)).toEqual(Object.keys(spec));
  });
});
