/**
 * tooDeepAt jumps between the characters that matter with native searches. The oracle is the loop over every
 * character it replaced, kept here: both must agree on every content and template file, on edge cases, and on
 * random cuts and depth limits of those files. The control-character warnings are pinned on hand-written cases
 * (emoji and paired surrogates pass, lone surrogates, C0/C1 controls and noncharacters warn).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tooDeepAt } from '../../src/load/yamlGuards.ts';
import { parseYaml } from '../../src/load/parseYaml.ts';

function referenceTooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  const indents: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || (c === "'" && /[\s:[{,-]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) {
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '-') j++;
      if (text[j] === '\n' || text[j] === '#' || j >= text.length) continue;
      const indent = j - i - 1;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > max) return j;
    }
  }
  return undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const texts = [...yamlFiles('content'), ...yamlFiles('templates')].map((f) => readFileSync(f, 'utf8'));
const edges = [
  '',
  'a',
  '[[[[[[',
  '{a: [b, {c: [d]}]}',
  'a: "un[closed\nb: [x]\n',
  "a: 'it''s [x'\nb: [[y]]\n",
  "a: it's [x]\n",
  'a: "esc \\" [ \\\\" [[z]]\n',
  'a: "ends in backslash \\',
  'a: 1 # comment [[[[\nb:\n  c:\n    d:\n      e: 1\n',
  'a: 1# not a comment [[\n',
  '# only comment [[[',
  '- - - - - x\n',
  'a:\n  - b:\n      - c:\n          - d\n',
  'a:\n\n    b:\n  c:\n#x\n      d: 1\n   \n',
  'x: [\n  1,\n  [2, [3]]\n]\ny:\n  z: 1\n',
  'a: "x\n  [[\n  y"\nb: 1\n',
  'k: \u00a0# nbsp before hash\n',
  'a: ]]]} [\n',
];

describe('tooDeepAt against the character loop', () => {
  it('agrees on every bundled file at every depth limit', () => {
    for (const text of texts) for (let max = 0; max <= 8; max++) expect(tooDeepAt(text, max)).toBe(referenceTooDeepAt(text, max));
  });
  it('agrees on edge cases', () => {
    for (const text of edges) for (let max = 0; max <= 5; max++) expect([text, max, tooDeepAt(text, max)]).toEqual([text, max, referenceTooDeepAt(text, max)]);
  });
  it('agrees on random cuts and splices of the bundled files', () => {
    let seed = 13;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let k = 0; k < 400; k++) {
      const a = texts[rand(texts.length)]!;
      const b = texts[rand(texts.length)]!;
      const text = a.slice(rand(a.length + 1)) + b.slice(0, rand(b.length + 1));
      const max = rand(7);
      expect(tooDeepAt(text, max)).toBe(referenceTooDeepAt(text, max));
    }
  });
});

describe('control characters', () => {
  const warned = (text: string) => parseYaml('f.yaml', text).warnings.map((w) => `${w.span?.line}:${w.span?.column} ${w.message.match(/U\+[0-9A-F]{4}(, U\+[0-9A-F]{4})*/)?.[0]}`);
  it('warns for controls, lone surrogates and noncharacters, not for emoji or paired surrogates', () => {
    expect(warned('a: "🙂 😀 \\U0001F600"\nb: plain 中文 ✓\n')).toEqual([]);
    expect(warned('a: "x\\u0007y"\n')).toEqual(['1:4 U+0007']);
    expect(warned('a: b\u0001c\n')).toEqual(['1:5 U+0001']);
    expect(warned('a: "\\ud800 x"\nb: "y \\udc00"\nc: "\\ufffe\\u007f"\n')).toEqual(['1:4 U+D800', '2:4 U+DC00', '3:4 U+FFFE, U+007F']);
    expect(warned('a: "\\u0085 \\u009f"\n')).toEqual(['1:4 U+0085, U+009F']);
  });
});
