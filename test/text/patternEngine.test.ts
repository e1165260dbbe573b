import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import hyphenopoly from 'hyphenopoly';
import { describe, expect, test } from 'vitest';
import { createHyphenator, dropVowellessPieces, LEFT_MIN, MIN_WORD_LENGTH, RIGHT_MIN } from '../../src/text/hyphenate.ts';
import { patternBreaks, spelledBreaks } from '../../src/text/patternEngine.ts';

// Oracle: hyphenopoly's own text function, configured as the build configures it; the direct engine must give
// the breaks it gives (read from its soft hyphens) for every word, on the fast path and off it.
const PATTERNS = join(dirname(createRequire(import.meta.url).resolve('hyphenopoly')), 'patterns');
const settings = { leftmin: LEFT_MIN, rightmin: RIGHT_MIN, minWordLength: MIN_WORD_LENGTH };

async function both(name: string) {
  const bytes = readFileSync(join(PATTERNS, `${name}.wasm`));
  const text = (await hyphenopoly.config({
    require: [name], hyphen: '\u00AD', ...settings, loader: (f: string) => Promise.resolve(readFileSync(join(PATTERNS, f))),
  })) as (t: string) => string;
  // a fallback that records the words it was asked for, so the test knows which path each word took
  const slow = new Set<string>();
  const direct = patternBreaks(bytes, settings, (w) => (slow.add(w), text(w)));
  return { text, direct, slow };
}

/** Every letter stretch of the bundled content (all reports, all files), as the breaker hands words over. */
function contentWords(): string[] {
  const root = join(import.meta.dirname, '..', '..', 'content');
  const words = new Set<string>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.yaml')) for (const w of readFileSync(p, 'utf8').match(/[\p{L}\p{M}]+/gu) ?? []) words.add(w);
    }
  };
  walk(root);
  return [...words];
}

const EDGES = [
  'kort', 'korter', 'langzaam', 'COVID', 'Vreemdelingenketen', 'VREEMDELINGENKETEN', 'naïeve', 'coördinatie', 'Ĳsselmeer',
  'ijsselmeer', 'Straße', 'Ελληνικά', 'Москва', 'œuvre', 'e-mailadres', 'kennis-en-ontwikkeling',
  'a'.repeat(61), 'ab'.repeat(31), 'arbeidsongeschiktheidsverzekeringsmaatschappijen', 'ſchrift', 'Kelvin\u212Aschaal',
];

describe('patternBreaks', () => {
  test('spelledBreaks reads positions after soft hyphens and hyphens', () => {
    expect(spelledBreaks('co\u00ADro\u00ADna')).toEqual([2, 4]);
    expect(spelledBreaks('in-dex')).toEqual([2]);
    expect(spelledBreaks('woord')).toEqual([]);
  });

  for (const name of ['nl', 'en-us', 'en-gb', 'de', 'fr']) {
    test(`${name}: every word of the bundled content and the edge cases break as hyphenopoly's text function says`, async () => {
      const { text, direct, slow } = await both(name);
      const words = [...contentWords(), ...EDGES];
      let checked = 0;
      let broken = 0;
      for (const w of words) {
        if (w.length < MIN_WORD_LENGTH || w.length > 61) continue;
        const got = direct(w);
        expect(got, w).toEqual(spelledBreaks(text(w)));
        checked++;
        if (got.length > 0) broken++;
      }
      expect(checked).toBeGreaterThan(500);
      // not a comparison of two empty answers: most long words have breaks
      expect(broken).toBeGreaterThan(checked / 2);
      // most words take the direct path; words with letters outside the alphabet do not
      expect(slow.size).toBeLessThan(checked / 4);
      expect(slow.has('Ελληνικά') && slow.has('Москва')).toBe(true);
    });
  }

  test("a report's hyphenator loads hyphenopoly for the words it leaves to it, and they break as hyphenopoly says", async () => {
    const h = await createHyphenator({ language: 'nl-NL' });
    const { text, direct, slow } = await both('nl');
    // "ĳ" is in neither the Dutch alphabet nor hyphenopoly's word class: only "sselmeerpolders" is hyphenated
    const words = ['ĳsselmeerpolders', 'Ĳsselmondenaren', 'straßenbahnhaltestelle', 'Łódźwojewodschap', 'verblijfsvergunning'];
    let broken = 0;
    for (const w of words) {
      const expected = dropVowellessPieces(w, spelledBreaks(text(w)).filter((p) => p >= LEFT_MIN && w.length - p >= RIGHT_MIN));
      expect(h.hyphenate(w), w).toEqual(expected);
      direct(w);
      if (expected.length > 0) broken++;
    }
    expect(broken).toBeGreaterThanOrEqual(3);
    expect(h.hyphenate('ĳsselmeerpolders')[0]).toBeGreaterThan(1);
    expect([...slow].sort()).toEqual(words.filter((w) => w !== 'verblijfsvergunning').sort());
  });
});
