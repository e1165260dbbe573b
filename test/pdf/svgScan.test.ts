/**
 * svgScan.ts reads numbers and separators by hand; the oracle is svg-to-pdfkit 0.1.8's StringParser itself: its
 * matchNumber and matchSeparator patterns are taken from its source file (not from ours) and run from the same
 * position over hand-picked edge cases and every string of a small alphabet up to four characters, plus random
 * longer ones; the text read and the position after it must agree. The white-space test is compared with /\s/ on
 * every UTF-16 code unit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { isWhite, Scan } from '../../src/pdf/svgScan.ts';

const source = readFileSync(createRequire(import.meta.url).resolve('svg-to-pdfkit/source.js'), 'utf8');
/** A StringParser method's pattern, as written in svg-to-pdfkit's source (anchored with ^ there). */
function pattern(method: string): RegExp {
  const m = new RegExp(`this\\.${method} = function\\(\\) \\{\\s*return this\\.match\\(/\\^(.*)/\\);`).exec(source);
  if (!m) throw new Error(`svg-to-pdfkit's ${method} not found`);
  return new RegExp(`^${m[1]!}`);
}
const NUMBER = pattern('matchNumber');
const SEPARATOR = pattern('matchSeparator');

/** What svg-to-pdfkit reads from `s` at `at` with `re`: the text and the position after it (undefined: no match). */
function oracle(re: RegExp, s: string, at: number): [string, number] | undefined {
  const m = re.exec(s.slice(at));
  return m ? [m[0], at + m[0].length] : undefined;
}

function ours(read: 'number' | 'separator', s: string, at: number): [string, number] | undefined {
  const p = new Scan(s);
  p.i = at;
  if (read === 'number') {
    const n = p.number();
    return n === undefined ? undefined : [n, p.i];
  }
  p.separator();
  return [s.slice(at, p.i), p.i];
}

const EDGES = ['', '1', '-1', '+.5', '.5.5', '1.5.5', '5.', '5.e3', '5e', '5e+', '5e-3x', '1E10', '-', '+', '.', '-.', '..1', '007', '1,2', ' ,  3', ' \t\n,\u00a0\u2003x', ',,', '1 e3', '-0.0', '12.34.', 'e5', '3.14159e-0010', '\ufeff1', '\u3000,\u2028'];
const ALPHABET = ['0', '7', '.', '-', '+', 'e', 'E', ' ', ',', '\t', 'x'];

function* strings(): Generator<string> {
  yield* EDGES;
  let level = [''];
  for (let n = 1; n <= 4; n++) {
    level = level.flatMap((s) => ALPHABET.map((c) => s + c));
    yield* level;
  }
  let seed = 13;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 3000; i++) yield Array.from({ length: 5 + Math.floor(rand() * 20) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
}

describe('svgScan', () => {
  test('numbers read as svg-to-pdfkit reads them, from every position', () => {
    let compared = 0;
    for (const s of strings()) {
      for (let at = 0; at <= s.length; at++, compared++) expect(ours('number', s, at), JSON.stringify([s, at])).toEqual(oracle(NUMBER, s, at));
    }
    expect(compared).toBeGreaterThan(16000);
  });

  test('separators read as svg-to-pdfkit reads them, from every position', () => {
    for (const s of strings()) for (let at = 0; at <= s.length; at++) expect(ours('separator', s, at), JSON.stringify([s, at])).toEqual(oracle(SEPARATOR, s, at));
  });

  test('white space is what \\s matches, on every code unit and past the end', () => {
    for (let c = 0; c <= 0xffff; c++) if (isWhite(c) !== /\s/.test(String.fromCharCode(c))) expect.fail(`U+${c.toString(16)}`);
    expect(isWhite(Number.NaN)).toBe(false);
  });
});
