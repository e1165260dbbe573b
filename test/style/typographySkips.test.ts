/**
 * The no-break space and quote rules skip a text that lacks what they match (style/typography.ts: a digit, ". ", a
 * currency sign, a quote): random texts made of the rules' own words and triggers give the same result as every
 * rule applied in full, the oracle written out below as the rules read before the skips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTypography, curlQuotes, NBSP, noBreakSpaces, type Typography } from '../../src/style/typography.ts';

/** noBreakSpaces with every rule applied to every text. */
function everyRule(text: string, lang: string, typography: Typography): string {
  const rules = typography.rules(lang);
  let s = text;
  s = s.replace(rules.date, `$1${NBSP}$2`);
  s = s.replace(/(?<![\p{L}.])((?:\p{Ll}\.){2,}) (?=\S)/gu, `$1${NBSP}`);
  s = s.replace(rules.abbreviation, `$1${NBSP}`);
  s = s.replace(/(?<!\p{L})(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`);
  s = s.replace(/([€$£]) (?=\d)/g, `$1${NBSP}`);
  s = s.replace(rules.unit, `$1${NBSP}$2`);
  return s;
}

/** Pieces the rules look for (Dutch, English, German and French words), and what surrounds them. */
const PIECES = ['30', '1.', '3', ' ', ' ', '. ', '.', 'april', 'mei', 'mrt.', 'March', 'Mai', 'avril', 'o.a.', 't.o.v.', 'dr.', 'Dr.', 'z.B.', 'J.', 'A.', 'Jansen', '€', '$', '£', 'km', 'mln', 'kg', 'uur', 'word', 'Word', '"', "'", '’', '(', '-', 'é', 'ß', '\u00a0', ',', '2021'];

describe('typography rules skipped where they cannot match', () => {
  it.each(['nl-NL', 'en-GB', 'de-DE', 'fr-FR'])('%s: the same text as every rule applied', (lang) => {
    const typography = createTypography();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(noBreakSpaces(text, lang, typography)).toBe(everyRule(text, lang, typography));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('the oracle can fail: each kind of trigger changes a text', () => {
    const typography = createTypography();
    for (const text of ['op 30 april', 'o.a. dit', 'dr. Jansen', 'J. Jansen', '€ 12', '40 km']) expect(noBreakSpaces(text, 'nl-NL', typography)).not.toBe(text);
  });

  it('a text without quotes keeps every character; one with them still gets curly quotes', () => {
    const typography = createTypography();
    expect(curlQuotes('zo’n 30 auto’s', 'nl-NL', typography)).toBe('zo’n 30 auto’s');
    expect(curlQuotes('Hij zei "ja"', 'nl-NL', typography)).toBe('Hij zei “ja”');
  });
});
