/**
 * A word's break opportunities without hyphenation patterns, against oracles written from the rules themselves:
 * an explicit break after "-", "–" or "/" (two letters before it, one of them right before the dash, a letter or
 * digit after it, three characters left) and character breaks only inside a stretch between breaks that is wider
 * than the narrowest line. Random words over an alphabet of letters, digits, dashes and punctuation, with integer
 * advances (some negative, as kerning gives) so every width sum is exact.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { charStream } from '../../src/text/charStream.ts';
import type { Hyphenator } from '../../src/text/types.ts';
import { wordPieces, type WordBreak } from '../../src/text/wordBreaks.ts';
import { para } from './fakeFonts.ts';

const ALPHABET = ['a', 'b', 'é', 'Q', '1', '-', '–', '/', '.', '’', '\u0308'];
const noPatterns: Hyphenator = { hyphenate: () => [] };
const LETTER = /[\p{L}\p{M}]/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** The explicit breaks of `word` by the rule, position → kind. */
function explicitOracle(word: string): Map<number, WordBreak> {
  const out = new Map<number, WordBreak>();
  for (let p = 1; p < word.length; p++) {
    const dash = word[p - 1]!;
    if (dash !== '-' && dash !== '–' && dash !== '/') continue;
    const letters = [...word.slice(0, p - 1)].filter((c) => LETTER.test(c)).length;
    if (letters >= 2 && p >= 2 && LETTER.test(word[p - 2]!) && ALNUM.test(word[p]!) && word.length - p >= 3) out.set(p, dash === '/' ? 'slash' : 'explicit');
  }
  return out;
}

/** Breaks of the pieces, position → kind. */
function breaksOf(pieces: ReturnType<typeof wordPieces>['pieces']): Map<number, WordBreak> {
  const out = new Map<number, WordBreak>();
  let pos = 0;
  for (const piece of pieces) {
    if (piece.kind === 'box') pos += piece.text.length;
    else out.set(pos, piece.brk);
  }
  return out;
}

test('explicit breaks and the need for character breaks follow the rules for random words', () => {
  const word = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
  const advances = fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 14, maxLength: 14 });
  fc.assert(
    fc.property(word, advances, fc.integer({ min: 0, max: 80 }), (w, adv, minLine) => {
      const cs = charStream(para(w));
      // prefix widths of each piece's text: the running sum of the characters' integer advances
      const prefixWidths = (text: string) => {
        const units = [0];
        for (let i = 0; i < text.length; i++) units.push(units[i]! + adv[i % adv.length]!);
        return { units, scale: 1 };
      };
      const opts = { hyphenate: false, hyphenator: noPatterns, prefixWidths, minLine };
      const { pieces, emergency } = wordPieces(cs, 0, w.length, opts);
      const explicit = explicitOracle(w);
      // the oracle for character breaks: a stretch between explicit breaks whose characters' advances (the word is
      // shaped whole: character k has advance k) add up to more than the narrowest line, and that has a position
      // inside it before a character that is not a combining mark
      const bounds = [0, ...explicit.keys(), w.length];
      let wide = false;
      for (let i = 0; i + 1 < bounds.length; i++) {
        const [from, to] = [bounds[i]!, bounds[i + 1]!];
        let sum = 0;
        for (let k = from; k < to; k++) sum += adv[k % adv.length]!;
        const breakable = [...w.slice(from + 1, to)].some((c) => !/\p{M}/u.test(c));
        if (sum > minLine && breakable) wide = true;
      }
      expect(emergency, w).toBe(wide);
      const found = breaksOf(pieces);
      if (!wide) expect(found, w).toEqual(explicit);
      else for (const [p, kind] of explicit) expect(found.get(p), `${w} at ${p}`).toBe(kind);
    }),
    { numRuns: 3000 },
  );
});
