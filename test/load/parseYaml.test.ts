import { describe, expect, it } from 'vitest';
import { nodeAt, parseYaml, spanOf, unquotedRefOf } from '../../src/load/parseYaml.ts';
import { toLocatedJson } from '../../src/load/locatedJson.ts';

const errorsOf = (text: string) => parseYaml('f.yaml', text).errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.code}`);

describe('parseYaml', () => {
  it('points an unterminated string at its opening quote, past closed multi-line strings, apostrophes and comments', () => {
    const text = 'a: "ok\n  twee"\nb: auto\'s zijn "mooi"\n# "comment\nc: \'it\'\'s "\'\nd: "open\ne: f\n';
    expect(errorsOf(text)).toEqual(['6:4 LOAD002']);
  });
  it('turns "key: {ref} more text" into one SPEC006 at the reference', () => {
    expect(errorsOf('a: 1\np: {asiel.eerste} aanvragen\n')).toEqual(['2:4 SPEC006']);
  });
  it('reports duplicate keys', () => {
    expect(errorsOf('a: 1\na: 2\n')).toEqual(['2:1 LOAD002']);
  });
  it('finds nodes by path with string keys for numbers and recognises {ref} maps', () => {
    const { parsed } = parseYaml('f.yaml', 'g:\n  2019: 5\n  v: {asiel.eerste}\n');
    expect(spanOf(parsed, nodeAt(parsed, ['g', '2019']))).toMatchObject({ line: 2, column: 9, offset: 11, endOffset: 12 });
    expect(unquotedRefOf(nodeAt(parsed, ['g', 'v']))).toBe('asiel.eerste');
    expect(unquotedRefOf(nodeAt(parsed, ['g']))).toBeUndefined();
  });
  it('keys LocatedJson spans by escaped JSON pointers', () => {
    const { parsed } = parseYaml('f.yaml', 'data: { name: x }\nlayer:\n  - mark: bar\n"a/b~c": 1\n');
    const json = toLocatedJson(parsed);
    expect(json.value).toEqual({ data: { name: 'x' }, layer: [{ mark: 'bar' }], 'a/b~c': 1 });
    expect(json.spans.get('/data/name')).toMatchObject({ line: 1, column: 15 });
    expect(json.spans.get('/layer/0/mark')).toMatchObject({ line: 3, column: 11 });
    expect(json.spans.get('/a~1b~0c')).toMatchObject({ line: 4, column: 10 });
  });
});
