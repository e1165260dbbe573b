/**
 * Passages in another language are hyphenated with that language's patterns: hand-written British English (Oxford)
 * and Dutch spellings of the same words, read from the break items itemize makes for a Dutch paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { itemize, type WordCache } from '../../src/text/itemize.ts';
import type { Hyphenator } from '../../src/text/types.ts';
import type { ParagraphSpec } from '../../src/style/types.ts';
import { fakeFonts, para, run } from './fakeFonts.ts';

/** The paragraph's words as spelled by its break items: a hyphen where a hyphenating break may fall. */
function spelled(p: ParagraphSpec, h: Hyphenator, cache?: WordCache): string[] {
  const { items } = itemize(p, { fonts: fakeFonts(), hyphenator: h, widthPt: 400, ragged: false, cache });
  let out = '';
  for (const it of items) out += it.kind === 'box' ? it.text : it.kind === 'glue' ? ' ' : it.hyphen ? '-' : '';
  return out.trim().split(/\s+/);
}

const WORDS = 'applications international government';
// en-GB patterns (Oxford, etymological) and the Dutch patterns on the same letters, written out by hand
const ENGLISH = ['ap-plic-a-tions', 'in-ter-na-tional', 'gov-ern-ment'];
const DUTCH = ['ap-pli-ca-ti-ons', 'in-ter-na-ti-o-nal', 'govern-ment'];

let h: Hyphenator;
beforeAll(async () => {
  h = await createHyphenator({ language: 'nl-NL', others: ['en-GB', 'sw'] });
});

describe('hyphenation of passages in another language', () => {
  it('breaks English words of an inline passage inside a Dutch paragraph the English way, the same letters outside it the Dutch way', () => {
    const p = para([run(`${WORDS} `), run(WORDS, { passage: { lang: 'en-GB', id: 0 } }), run(' einde')], { lang: 'nl-NL' });
    expect(spelled(p, h)).toEqual([...DUTCH, ...ENGLISH, 'einde']);
  });

  it('breaks a whole paragraph in English (lang: on the block) the English way', () => {
    expect(spelled(para(`${WORDS} end`, { lang: 'en-GB' }), h)).toEqual([...ENGLISH, 'end']);
  });

  it('does not let the shared word cache hand a word its other language\'s breaks', () => {
    const cache: WordCache = new Map();
    expect(spelled(para(`${WORDS} x`, { lang: 'nl-NL' }), h, cache)).toEqual([...DUTCH, 'x']);
    expect(spelled(para(`${WORDS} x`, { lang: 'en-GB' }), h, cache)).toEqual([...ENGLISH, 'x']);
  });

  it('sets a passage in a language without patterns unhyphenated, and names the language once', () => {
    const p = para([run('maendeleo ', { passage: { lang: 'sw', id: 0 } }), run('ontwikkeling einde')], { lang: 'nl-NL' });
    expect(spelled(p, h)).toEqual(['maendeleo', 'ont-wik-ke-ling', 'einde']);
    expect(h.missing).toEqual(['sw']);
  });

  it('applies the passage language\'s own exceptions: a Dutch passage in an English report keeps co-ro-na-', async () => {
    const en = await createHyphenator({ language: 'en-GB', others: ['nl-NL'] });
    const p = para([run('coronamaatregelen ', { passage: { lang: 'nl-NL', id: 0 } }), run('end')], { lang: 'en-GB' });
    expect(spelled(p, en)).toEqual(['co-ro-na-maat-re-ge-len', 'end']);
  });

  it('applies report.yaml\'s exceptions for a passage language (hyphenation.languages) to that language only', async () => {
    const word = [run('headquarters ', { passage: { lang: 'en-GB', id: 0 } }), run('headquarters einde')];
    const plain = await createHyphenator({ language: 'nl-NL', others: ['en-GB'] });
    const own = await createHyphenator({ language: 'nl-NL', others: ['en-GB'], otherExceptions: { 'en-gb': ['head-quar-ters'] } });
    // the en-gb patterns read "headquar-ters", the Dutch ones "he-ad-quar-ters"
    expect(spelled(para(word, { lang: 'nl-NL' }), plain)).toEqual(['headquar-ters', 'he-ad-quar-ters', 'einde']);
    expect(spelled(para(word, { lang: 'nl-NL' }), own)).toEqual(['head-quar-ters', 'he-ad-quar-ters', 'einde']);
  });
});
