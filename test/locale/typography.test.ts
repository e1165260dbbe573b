import { describe, expect, test } from 'vitest';
import { applyTypography, NBSP } from '../../src/style/typography.ts';
import { formatOrdinal } from '../../src/bind/formatters.ts';

// Hand-written expectations from each language's typographic conventions.
describe('typography per language', () => {
  test('quotation marks: Dutch and English “…” and ‘…’, German „…“ and ‚…‘, French « … » with narrow no-break spaces', () => {
    expect(applyTypography('Hij zei "ja" en \'nee\'', 'nl-NL')).toBe('Hij zei \u201Cja\u201D en \u2018nee\u2019');
    expect(applyTypography('She said "yes" and \'no\'', 'en-GB')).toBe('She said \u201Cyes\u201D and \u2018no\u2019');
    expect(applyTypography('Er sagte "ja" und \'nein\'', 'de-DE')).toBe('Er sagte \u201Eja\u201C und \u201Anein\u2018');
    expect(applyTypography('Il a dit "oui"', 'fr-FR')).toBe('Il a dit \u00AB\u202Foui\u202F\u00BB');
  });
  test('apostrophes stay apostrophes in every language: zo’n, IND’ers, don’t, ’s-Hertogenbosch', () => {
    expect(applyTypography("zo'n IND'ers 's-Hertogenbosch", 'nl-NL')).toBe('zo\u2019n IND\u2019ers \u2019s-Hertogenbosch');
    expect(applyTypography("don't stop the '90s", 'en-GB')).toBe('don\u2019t stop the \u201990s');
  });
  test('day and month stay together with the language\'s own month names', () => {
    expect(applyTypography('op 30 april 2021', 'nl-NL')).toBe(`op 30${NBSP}april 2021`);
    expect(applyTypography('on 30 April 2021', 'en-GB')).toBe(`on 30${NBSP}April 2021`);
    expect(applyTypography('am 30. April 2021', 'de-DE')).toBe(`am 30.${NBSP}April 2021`);
    // an English month name is not a Dutch one: no binding in a Dutch text
    expect(applyTypography('op 30 March', 'nl-NL')).toBe('op 30 March');
  });
  test('abbreviations of the language keep their word: "dr. Jansen", "Mr. Smith", "Dr. Müller"', () => {
    expect(applyTypography('dr. Jansen', 'nl-NL')).toBe(`dr.${NBSP}Jansen`);
    expect(applyTypography('Mr. Smith', 'en-GB')).toBe(`Mr.${NBSP}Smith`);
    expect(applyTypography('Dr. Müller', 'de-DE')).toBe(`Dr.${NBSP}Müller`);
  });
  test('ordinals: 3e, 3rd, 3.', () => {
    expect([formatOrdinal(3, 'nl-NL'), formatOrdinal(3, 'en-GB'), formatOrdinal(21, 'en-GB'), formatOrdinal(12, 'en-GB'), formatOrdinal(3, 'de-DE')]).toEqual(['3e', '3rd', '21st', '12th', '3.']);
  });
});
