import { describe, expect, test } from 'vitest';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { hyphenationPatterns } from '../../src/locale/index.ts';
import { nl } from '../../src/locale/nl.ts';
import { spell } from '../helpers/spell.ts';

const check = (h: { hyphenate(w: string, l?: string): readonly number[] }, expected: readonly string[], lang?: string) =>
  expect(expected.map((e) => spell(e.replace(/-/g, ''), h.hyphenate(e.replace(/-/g, ''), lang)))).toEqual(expected);

// Hand-written expected hyphenations (leftmin 2, rightmin 3, words of 6+ letters). British English follows the
// Oxford style of the en-gb patterns (etymological: "nat-ur-al-isa-tion"), American English Webster's ("knowl-edge").
const EN_GB = ['Neth-er-lands', 'ap-plic-a-tions', 'in-ter-na-tional', 'gov-ern-ment', 'or-gan-isa-tion', 'know-ledge', 'de-part-ment', 'back-log', 'res-id-ence'];
const EN_US = ['Nether-lands', 'ap-pli-ca-tions', 'in-ter-na-tional', 'gov-ern-ment', 'knowl-edge', 'res-i-dence', 'per-ma-nent', 'pro-cess-ing', 'fam-i-lies'];
const NL = ['asiel-aan-vra-gen', 'na-tu-ra-li-sa-tie-ver-zoe-ken', 'ver-blijfs-ver-gun-ning', 'ken-nis-mi-gran-ten', 'dienst-ver-le-ning'];
const DE = ['Ein-wan-de-rung', 'Staats-bür-ger-schaft', 'Auf-ent-halts-ge-neh-mi-gung', 'An-trag-stel-ler'];
const FR = ['na-tu-ra-li-sa-tion', 'gou-ver-ne-ment', 'de-man-deurs'];

describe('hyphenation per language', () => {
  test('British and American English, Dutch, German and French words break where their dictionaries do', async () => {
    check(await createHyphenator({ language: 'en-GB' }), EN_GB);
    check(await createHyphenator({ language: 'en-US' }), EN_US);
    check(await createHyphenator({ language: 'nl-NL' }), NL);
    check(await createHyphenator({ language: 'de-DE' }), DE);
    check(await createHyphenator({ language: 'fr' }), FR);
  });

  test('English words are not hyphenated with Dutch patterns in an English report (the issue\'s co-vers, Ne-therlands)', async () => {
    const en = await createHyphenator({ language: 'en-GB' });
    expect(spell('covers', en.hyphenate('covers'))).toBe('cov-ers');
    expect(spell('received', en.hyphenate('received'))).toBe('re-ceived');
  });

  test('a passage in another language is hyphenated with that language\'s patterns', async () => {
    const h = await createHyphenator({ language: 'nl-NL', others: ['en-GB'] });
    expect(spell('organisation', h.hyphenate('organisation', 'en-GB'))).toBe('or-gan-isa-tion');
    expect(spell('organisatie', h.hyphenate('organisatie'))).toBe('or-ga-ni-sa-tie');
  });

  test('a language without patterns is set without hyphenation and reported as missing', async () => {
    const h = await createHyphenator({ language: 'sw-KE' });
    expect(h.hyphenate('maendeleo')).toEqual([]);
    expect(h.missing).toEqual(['sw-KE']);
    expect(hyphenationPatterns('sw-KE')).toBeUndefined();
  });

  test('tags map to pattern files: region first, then the language, English defaulting to US', () => {
    expect(['en-GB', 'en-US', 'en', 'nl-BE', 'de-AT', 'fr-CA', 'pt-BR'].map(hyphenationPatterns)).toEqual(['en-gb', 'en-us', 'en-us', 'nl', 'de', 'fr', 'pt']);
  });
});

describe('Dutch exceptions kept in src/locale/nl.ts: each true for the language, not one report', () => {
  test('exactly these three prefix rules', () => {
    expect(nl.hyphenation).toEqual(['co-ro-na-', 'asiel-', 'di-gi-ta-li-se-rings-']);
  });
  test('"corona" postdates the patterns: they read co-ron-a; every corona compound needs co-ro-na', async () => {
    const bare = await createHyphenator({ language: 'nl-NL' });
    for (const w of ['co-ro-na-maat-re-ge-len', 'co-ro-na-cri-sis', 'co-ro-na-tijd-perk']) check(bare, [w]);
  });
  test('"asiel" glues onto the next word\'s first syllable (asielme-de-wer-kers) in every asiel compound', async () => {
    check(await createHyphenator({ language: 'nl-NL' }), ['asiel-me-de-wer-kers', 'asiel-zoe-kers', 'asiel-pro-ce-dure']);
  });
  test('"digitaliserings" does the same (di-gi-ta-li-se-ringstra-ject)', async () => {
    check(await createHyphenator({ language: 'nl-NL' }), ['di-gi-ta-li-se-rings-tra-ject', 'di-gi-ta-li-se-rings-slag']);
  });
});
