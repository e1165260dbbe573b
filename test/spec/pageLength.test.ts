/**
 * parseLength reads its tokens by hand; the oracle is the former reader (a sticky regular expression, kept below
 * verbatim), over the bundled templates' lengths, hand-written edge cases and many random texts from the same
 * characters: the same expression, or the same error message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PAGE_NAMES, parseLength, type LengthExpr } from '../../src/spec/pageLength.ts';

// the former parseLength (src/spec/pageLength.ts before the hand-written tokens), the oracle
const OLD_TOKEN = /\s*(?:(\d+(?:\.\d+)?)(%?)|([a-zA-Z]\w*(?:\.[a-z]+)?)|([-+*()]))/y;

/** Parses a length; throws Error with a message when it is not one. */
function regexParseLength(src: number | string): LengthExpr {
  if (typeof src === 'number') return { k: 'num', v: src };
  const tokens: string[][] = [];
  OLD_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (OLD_TOKEN.lastIndex < src.length && (m = OLD_TOKEN.exec(src))) tokens.push([...m]);
  if (src.slice(OLD_TOKEN.lastIndex).trim()) throw new Error(`cannot read "${src.slice(OLD_TOKEN.lastIndex).trim()}"`);
  let i = 0;
  const peek = () => tokens[i]?.[4];
  const factor = (): LengthExpr => {
    const t = tokens[i++];
    if (!t) throw new Error('expression ends too early');
    if (t[1] !== undefined) return t[2] ? { k: 'pct', v: +t[1] } : { k: 'num', v: +t[1] };
    if (t[3] !== undefined) {
      const dot = t[3].indexOf('.');
      if (!(PAGE_NAMES as readonly string[]).includes(t[3]) && !(dot > 0 && ['top', 'bottom', 'baseline'].includes(t[3].slice(dot + 1)))) {
        throw new Error(`unknown name "${t[3]}" (expected ${PAGE_NAMES.join(', ')} or <id>.top/bottom/baseline)`);
      }
      return { k: 'name', name: t[3] };
    }
    if (t[4] === '(') {
      const e = sum();
      if (tokens[i++]?.[4] !== ')') throw new Error('missing ")"');
      return e;
    }
    if (t[4] === '-') return { k: 'op', op: '-', a: { k: 'num', v: 0 }, b: factor() };
    throw new Error(`unexpected "${t[4]}"`);
  };
  const product = (): LengthExpr => {
    let a = factor();
    while (peek() === '*') {
      i++;
      a = { k: 'op', op: '*', a, b: factor() };
    }
    return a;
  };
  const sum = (): LengthExpr => {
    let a = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++]![4] as '+' | '-';
      a = { k: 'op', op, a, b: product() };
    }
    return a;
  };
  const e = sum();
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]![0].trim()}"`);
  return e;
}


/** The expression, or the error message, of one reader. */
const outcome = (f: (s: string) => LengthExpr, s: string): unknown => {
  try {
    return f(s);
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const same = (s: string) => expect(outcome(parseLength, s), JSON.stringify(s)).toEqual(outcome(regexParseLength, s));

describe('parseLength reads what the former reader read', () => {
  test('every length of the bundled templates', () => {
    let n = 0;
    for (const t of ['rijksoverheid', 'corporate']) {
      const text = readFileSync(`templates/${t}/template.yaml`, 'utf8');
      for (const m of text.matchAll(/\b(?:x|y|width|height|x1|y1|x2|y2|baseline): *("[^"]*"|[^,}\s#]+)/g)) {
        const v = m[1]!.startsWith('"') ? m[1]!.slice(1, -1) : m[1]!;
        same(v);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  const cases = [
    '', ' ', '\t', '0', '12', '12 ', ' 12', '12.5', '12.', '.5', '1.5.3', '50%', '50 %', '50%%', '100% - 112', '62% + 64',
    'text.left + 48', 'text.left+48', 'text.Left', 'text.left2', 'title.bottom + 9', 'title.baseline', 'title.middle',
    'foo', 'foo.bar', 'page.width * 0.5', '2 * grid', '-12', '- -12', '--12', '(1 + 2) * 3', '(1 + 2', '1 + 2)', '()', ')',
    '1 +', '* 2', '1 2', 'grid grid', 'inner - outer', 'a_1.top', '_x', '1e3', '0x10', '١٢', '12\u00a0+ 3', '12\u2003+\u30003',
    '12\n+\r\n3', '\ufeff12', '12 # note', '12px', '50%-text.left', 'text.width*(1-0.25)', 'x.top.bottom', 'x..top',
  ];
  test.each(cases)('%j', (s) => same(s));

  test('random texts of the same characters', () => {
    // a fixed linear congruential sequence: the same texts every run
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const parts = ['1', '2', '0.5', '12.', '.', '%', ' ', '  ', '\u00a0', '+', '-', '*', '(', ')', 'a', 'x', 'Z', '_', 'top', '.top', '.bottom', '.baseline', '.Top', ...PAGE_NAMES, 'title', '#', 'é'];
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let j = 1 + next(7); j > 0; j--) s += parts[next(parts.length)];
      same(s);
    }
  });

  test('numbers stay numbers', () => {
    expect(parseLength(42)).toEqual({ k: 'num', v: 42 });
  });
});
