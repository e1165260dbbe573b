/**
 * locatedJson.ts makes values and spans in one walk without yaml's toJS. The oracle is the `yaml` package itself:
 * `doc.toJS()` for values (key order, own properties, number kinds included) and the separate span walk the loader
 * used before, kept here, for every node's span — on every YAML file of content/ and templates/ and on edge cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, type Node } from 'yaml';
import { keyString, parseYaml, spanOf, type ParsedYaml } from '../../src/load/parseYaml.ts';
import { NOT_PLAIN, plainValue, pointerSegment, toLocatedJson } from '../../src/load/locatedJson.ts';

/** A value written out with every detail toEqual would blur: key order, own keys, -0, NaN, array or object. */
function canon(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n:-0' : `n:${v}`;
  if (v === null || typeof v !== 'object') return `${typeof v}:${String(v)}`;
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (Object.getPrototypeOf(v) !== Object.prototype) return 'odd-prototype';
  return `{${Reflect.ownKeys(v).map((k) => `${String(k)}=${canon(Object.getOwnPropertyDescriptor(v, k)!.value)}`).join(',')}}`;
}

/** The span walk toLocatedJson made before values and spans were one walk. */
function referenceSpans(p: ParsedYaml): [string, unknown][] {
  const spans = new Map<string, unknown>();
  const walk = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== 'object') return;
    spans.set(pointer, spanOf(p, node as Node));
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyString(pair.key);
        if (key === undefined) continue;
        const ptr = `${pointer}/${pointerSegment(key)}`;
        if (pair.value) walk(pair.value, ptr);
        else spans.set(ptr, spanOf(p, pair.key as Node));
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${pointer}/${i}`));
  };
  walk(p.doc.contents, '');
  return [...spans];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Parses like the loader (no limits hit) and checks value and spans against the oracle. */
function check(text: string, expectPlain = true): void {
  const { parsed, errors } = parseYaml('f.yaml', text);
  expect(errors).toEqual([]);
  const oracle = parsed.doc.toJS();
  const plain = plainValue(parsed.doc.contents);
  if (expectPlain) expect(plain).not.toBe(NOT_PLAIN);
  if (plain !== NOT_PLAIN) expect(canon(plain)).toBe(canon(oracle));
  const json = toLocatedJson(parsed);
  expect(canon(json.value)).toBe(canon(oracle));
  expect([...json.spans]).toEqual(referenceSpans(parsed));
}

describe('plainValue and toLocatedJson against yaml', () => {
  const files = [...yamlFiles('content'), ...yamlFiles('templates')];
  it('covers the bundled files', () => expect(files.length).toBeGreaterThan(30));
  it.each(files)('%s', (file) => check(readFileSync(file, 'utf8')));

  it.each([
    ['scalars', 'a: plain text\nb: "dq \\u00e9 \\n"\nc: \'sq \'\'x\'\'\'\nd: |\n  lit\n  two\ne: >-\n  folded\n  line\nf:\ng: ~\n'],
    ['numbers', 'a: 1_000\nb: 0o14\nc: .inf\nd: -.inf\ne: .nan\nf: 0x1F\ng: 1e3\nh: -0\ni: 012\nj: +12.5\nk: 1.10\nl: 99999999999999999999\n'],
    ['booleans and timestamps', 'a: yes\nb: no\nc: true\nd: False\ne: 2020-01-31\nf: 2020-01-31T10:00:00Z\ng: on\nh: null\ni: NULL\n'],
    ['flow collections', 'a: [1, "two", {x: y}, [ ]]\nb: {k: v, "q": [1,2]}\nc: {}\nd: []\n'],
    ['comments', '# head\na: 1 # after\n# between\nb:\n  # inside\n  - x # item\n  - y\n'],
    ['CRLF', 'a: 1\r\nb:\r\n  - x\r\n  - "y z"\r\nc: |\r\n  l1\r\n  l2\r\n'],
    ['unicode', 'naïef: "één 🙂"\n😀: ✓\nzh: 中文\n'],
    ['empty file', ''],
    ['only a comment', '# nothing\n'],
    ['a scalar document', 'just text\n'],
    ['a sequence document', '- a\n- b: 1\n  c: [x]\n-\n- null\n'],
    ['keys of every kind', '1: one\ntrue: t\nnull: n\n"": empty\n? explicit\n: value\n__proto__: p\ntoString: s\nconstructor: c\n"a/b~c": 1\n'],
    ['keys without values', 'a:\nb:\n  c:\n  d:\n'],
    ['explicit core tags', 'a: !!str 1\nb: !!int "3"\nc: !!float 2\nd: !!null ""\ne: !!bool true\nf: !!map {x: 1}\ng: !!seq [1]\n'],
    ['document markers', '%YAML 1.2\n---\na: 1\n...\n'],
    ['block scalars with keep and indent', 'a: |+\n  keep\n\nb: >2\n   indented\nc: |-\n  strip\n'],
    ['multi-line plain and quoted', 'a: one\n  two\n  three\nb: "x\n  y"\nc: \'p\n\n  q\'\n'],
  ])('%s', (_name, text) => check(text));

  it('leaves aliases to yaml (spans still walked as before)', () => check('a: &x {k: [1, 2]}\nb: *x\nc: [*x, 3]\n', false));
  it('leaves pairs in flow sequences and merge-like keys to yaml', () => {
    check('a: [k: v, x]\n', false);
    check('<<: 1\nb: 2\n', false);
  });
});
