import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createHyphenator, dropVowellessPieces, isUnhyphenatable, positionsOf } from '../../src/text/hyphenate.ts';
import type { Hyphenator } from '../../src/text/types.ts';
import { spell } from '../helpers/spell.ts';


// Words from the IND annual report with their hyphenation (Woordenlijst syllables; leftmin 2, rightmin 3).
const EXPECTED = [
  'asiel-aan-vra-gen', 'na-tu-ra-li-sa-tie-ver-zoe-ken', 'ver-blijfs-ver-gun-ning', 'in-ge-bre-ke-stel-lin-gen',
  'vreem-de-lin-gen-ke-ten', 'be-slis-me-de-wer-ker', 'co-ro-na-maat-re-ge-len', 'in-wil-li-gin-gen',
  'co-ro-na-vi-rus', 'co-ro-na-cri-sis', 'co-ro-na-pe-ri-ode', 'asiel-me-de-wer-kers', 'na-reis-pro-ces',
  'nood-op-vang-lo-ca-tie', 'di-gi-ta-li-se-rings-tra-ject', 'asiel-zoe-kers', 'ken-nis-mi-gran-ten',
  'ver-blijfs-do-cu-men-ten', 'vreem-de-lin-gen-be-leid', 'ge-zins-le-den', 'fa-mi-lie-le-den',
  'na-tu-ra-li-sa-tie-ce-re-mo-nie', 'ne-der-lan-der-schap', 'uit-voe-rings-or-ga-ni-sa-tie',
  'uit-zon-de-rings-maat-re-gel', 're-pa-tri-ë-rings-vluch-ten', 'staats-se-cre-ta-ris', 'dienst-ver-le-ning',
  'on-der-wijs-in-stel-lin-gen', 'hand-ha-vings-pro-ces', 'lan-ge-af-stands-re-la-ties', 'door-loop-tij-den',
  'werk-voor-raad', 'ach-ter-stan-den', 'be-slis-sin-gen', 'vi-sum-ver-len-ging', 'in-reis-ver-bod',
  'grens-kan-toor', 'ma-re-chaus-see', 'ont-wik-ke-lin-gen', 'sa-men-wer-king', 'ver-blijfs-recht',
  'ke-ten-part-ners', 'klant-con-tac-ten', 'mond-kap-jes-plicht', 'te-le-fo-nisch', 'or-ga-ni-sa-ties',
  'ope-nings-tij-den', 'be-scher-ming', 'aan-vul-lende', 'voor-lich-tings-bij-een-komst', 'on-der-zoeks-bu-reau',
  'ver-te-gen-woor-di-gers', 'ca-pa-ci-teits-ma-na-ge-ment', 'wacht-tij-den', 'vlieg-ver-keer',
  'ge-con-fron-teerd', 'te-ge-lij-ker-tijd', 'fa-mi-lie-om-stan-dig-he-den', 'Asiel-aan-vra-gen', 'Co-ro-na-maat-re-ge-len',
];

/** The bundled report's own exceptions, from its report.yaml (the tool keeps only Dutch-wide ones). */
function reportExceptions(): string[] {
  const yaml = parse(readFileSync(fileURLToPath(new URL('../../content/jaarverslag-2020/report.yaml', import.meta.url)), 'utf8'));
  return yaml.hyphenation.exceptions;
}

describe('createHyphenator', () => {
  let h: Hyphenator;
  beforeAll(async () => {
    h = await createHyphenator({ language: 'nl-NL', exceptions: reportExceptions() });
  });

  test(`hyphenates ${EXPECTED.length} report words as Dutch typesetting expects`, () => {
    const got = EXPECTED.map((e) => spell(e.replace(/-/g, ''), h.hyphenate(e.replace(/-/g, ''))));
    expect(got).toEqual(EXPECTED);
  });

  test('minWordLength: no word shorter than it has a break, even one the exceptions spell out (breaking skips them)', async () => {
    const withShort = await createHyphenator({ language: 'nl-NL', exceptions: ['as-iel', 'ko-ers', 'a-b-c-d-e'] });
    expect(withShort.minWordLength).toBe(6);
    const short = new Set<string>();
    for (const e of EXPECTED) for (let n = 1; n < 6; n++) for (let i = 0; i + n <= e.length; i++) short.add(e.replace(/-/g, '').slice(i, i + n));
    for (const w of [...short, 'asiel', 'koers', 'abcde']) expect(withShort.hyphenate(w), w).toEqual([]);
    expect(withShort.hyphenate('asielaanvragen').length).toBeGreaterThan(0);
  });

  test('fixes pattern errors on the report\'s names and loan words (its report.yaml exceptions)', () => {
    for (const e of ['Scho-ne-veld', 'Ber-ckel', 'Task-force', 'An-ne-lore', 'ge-o-pend', 'bi-o-me-trie', 'Sy-ri-ërs']) {
      expect(spell(e.replace(/-/g, ''), h.hyphenate(e.replace(/-/g, '')))).toBe(e);
    }
  });

  test('keeps two letters before and three after every break', () => {
    expect(spell('eenvoudigere', h.hyphenate('eenvoudigere'))).toBe('een-vou-di-gere');
    expect(spell('aanvullende', h.hyphenate('aanvullende'))).toBe('aan-vul-lende');
    // words whose first syllable is one letter (o-ver, e-ven, e-co): that break is never taken
    expect(spell('overeenkomst', h.hyphenate('overeenkomst'))).toBe('over-een-komst');
    expect(spell('evenwel', h.hyphenate('evenwel'))).toBe('even-wel');
    expect(spell('economische', h.hyphenate('economische'))).toBe('eco-no-mi-sche');
  });

  test('never hyphenates short words, digits, URLs, e-mail addresses or acronyms', () => {
    for (const w of ['asiel', 'COVID19', '2020-2021', 'www.ind.nl', 'info@ind.nl', 'https://ind.nl/jaarverslag', 'NEDERLANDERSCHAP', 'IND’ers']) {
      expect(h.hyphenate(w), w).toEqual([]);
    }
  });

  test('caches: the same array comes back for the same word', () => {
    expect(h.hyphenate('naturalisatieverzoeken')).toBe(h.hyphenate('naturalisatieverzoeken'));
  });

  test('content exceptions override the patterns, prefix rules ("xx-") combine with them', async () => {
    const custom = await createHyphenator({ exceptions: ['be-slis-mede-wer-ker', 'pas-jes-'] });
    expect(spell('beslismedewerker', custom.hyphenate('beslismedewerker'))).toBe('be-slis-mede-wer-ker');
    expect(spell('pasjesformaat', custom.hyphenate('pasjesformaat'))).toBe('pas-jes-for-maat');
    // The report's instance is untouched.
    expect(spell('beslismedewerker', h.hyphenate('beslismedewerker'))).toBe('be-slis-me-de-wer-ker');
  });
});

describe('helpers', () => {
  test('dropVowellessPieces removes breaks around consonant-only pieces', () => {
    expect(dropVowellessPieces('Schoneveld', [4, 5, 6])).toEqual([4, 6]);
    expect(dropVowellessPieces('Berckel', [3, 4])).toEqual([3]);
    expect(dropVowellessPieces('geopend', [2, 3])).toEqual([2, 3]);
    expect(dropVowellessPieces('abcdfgh', [3])).toEqual([]);
  });
  test('positionsOf reads a hyphenated spelling', () => {
    expect(positionsOf('co-ro-na-maat')).toEqual([2, 4, 6]);
    expect(positionsOf('co-ro-na-')).toEqual([2, 4, 6]);
  });
  test('isUnhyphenatable', () => {
    expect(isUnhyphenatable('verblijfsvergunning')).toBe(false);
    expect(isUnhyphenatable('IND-medewerker')).toBe(true);
    expect(isUnhyphenatable('EU-burgers')).toBe(true);
    expect(isUnhyphenatable('Schiphol')).toBe(false);
    expect(isUnhyphenatable('SCHIPHOL')).toBe(true);
    expect(isUnhyphenatable('ScHIphol')).toBe(true);
    expect(isUnhyphenatable('bijvoorbeeld2')).toBe(true);
  });

  test('the ASCII fast paths of isUnhyphenatable and dropVowellessPieces decide as the regex rules do', () => {
    // the rules as written before the fast paths, the oracle
    const unhyphenatable = (w: string) =>
      w.length < 6 || w.length > 61 || /\d|@|:\/\/|^www\.|\.(nl|com|org|eu)$/i.test(w) || !/^[\p{L}’']+$/u.test(w) || /\p{Lu}{2}/u.test(w) || w === w.toUpperCase();
    const vowel = /[aeiouyàáâäèéêëìíîïòóôöùúûüýœæ]/i;
    const dropVowelless = (w: string, ps: number[]) => {
      if (!/^[\p{Script=Latin}’']+$/u.test(w)) return ps;
      const kept: number[] = [];
      let last = 0;
      for (const p of ps) if (vowel.test(w.slice(last, p))) kept.push((last = p));
      if (kept.length > 0 && !vowel.test(w.slice(last))) kept.pop();
      return kept;
    };
    const words = new Set<string>();
    for (const e of [...EXPECTED, ...reportExceptions()]) {
      const w = e.replace(/-/g, '');
      for (const v of [w, w.toUpperCase(), w.toLowerCase(), w[0]!.toUpperCase() + w.slice(1), w.slice(0, 2).toUpperCase() + w.slice(2), `${w}7`, 'Brdkrrtsch', 'ĳsbeer']) words.add(v);
    }
    for (const w of words) {
      expect(isUnhyphenatable(w), w).toBe(unhyphenatable(w));
      const every = [...Array(w.length).keys()].slice(1);
      expect(dropVowellessPieces(w, every), w).toEqual(dropVowelless(w, every));
    }
  });
});
