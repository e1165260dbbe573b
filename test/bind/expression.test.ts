import { describe, expect, it } from 'vitest';
import { evaluate, holds, parseComparison, refsOf } from '../../src/bind/expression.ts';

const values: Record<string, number> = { 'a.b': 2, 'a.c': 3, 'x-y.z': 10, 'studie.aanvragen.2019': 20430 };
const run = (src: string) => {
  const c = parseComparison(src);
  return holds(c.op, evaluate(c.left, (p) => values[p]), evaluate(c.right, (p) => values[p]));
};

describe('check expressions', () => {
  it('evaluates arithmetic with precedence and parentheses', () => {
    expect(run('a.b + a.c * 2 = 8')).toBe(true);
    expect(run('(a.b + a.c) * 2 = 10')).toBe(true);
    expect(run('a.c - a.b - 1 = 0')).toBe(true);
    expect(run('-a.b + 4 = a.b')).toBe(true);
    expect(run('a.c / a.b = 1.5')).toBe(true);
  });
  it('supports every comparison', () => {
    expect(run('a.b <= a.c')).toBe(true);
    expect(run('a.b >= a.c')).toBe(false);
    expect(run('a.b < 2')).toBe(false);
    expect(run('a.b > 1.99')).toBe(true);
    expect(run('a.b == 2')).toBe(true);
  });
  it('reads hyphenated and numeric path segments as names, spaced "-" as minus', () => {
    expect(refsOf(parseComparison('x-y.z - a.b = 8').left)).toEqual(['x-y.z', 'a.b']);
    expect(run('x-y.z - a.b = 8')).toBe(true);
    expect(run('studie.aanvragen.2019 > 20000')).toBe(true);
  });
  it('tolerates rounding noise on "="', () => {
    expect(holds('=', 0.1 + 0.2, 0.3)).toBe(true);
  });
  it('rejects malformed expressions with a reason', () => {
    expect(() => parseComparison('a.b +')).toThrow(/comparison|too early/);
    expect(() => parseComparison('a.b + a.c')).toThrow(/missing a comparison/);
    expect(() => parseComparison('(a.b = 1')).toThrow(/missing "\)"/);
    expect(() => parseComparison('a.b = 1 2')).toThrow(/unexpected "2"/);
    expect(() => parseComparison('a.b = process.exit()')).toThrow();
    expect(() => parseComparison('a.b = $x')).toThrow(/unexpected "\$"/);
  });
});
