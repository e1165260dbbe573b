/**
 * A hyphenator loads a language's patterns at that language's first word (text/hyphenate.ts onFirstWord): making
 * one loads nothing, so a next build whose paragraphs all come from its caches compiles no patterns. The breaks are
 * the same as ever (hand-written expectations), and a language without patterns is reported, not loaded.
 */
import { describe, expect, it } from 'vitest';
import { createHyphenator, loadedPatterns } from '../../src/text/hyphenate.ts';
import { hyphenationPatterns } from '../../src/locale/index.ts';

describe('hyphenation patterns', () => {
  it('load at the first word of their language, not when the hyphenator is made', async () => {
    const nl = hyphenationPatterns('nl-NL')!;
    const en = hyphenationPatterns('en-GB')!;
    expect(nl).toBeTruthy();
    expect(en).toBeTruthy();
    const h = await createHyphenator({ language: 'nl-NL', others: ['en-GB', 'xx-XX'] });
    expect(h.missing).toEqual(['xx-XX']);
    expect(loadedPatterns()).toEqual([]);
    // "ver-blijfs-ver-gun-ning": Dutch patterns, at least 2 letters before and 3 after a break
    const breaks = h.hyphenate('verblijfsvergunning');
    expect(breaks.length).toBeGreaterThan(1);
    for (const b of breaks) expect(b >= 2 && b <= 'verblijfsvergunning'.length - 3).toBe(true);
    expect(breaks).toContain(3);
    expect(loadedPatterns()).toEqual([nl]);
    // a short word needs no patterns; English loads at its first long word
    expect(h.hyphenate('the', 'en-GB')).toEqual([]);
    expect(loadedPatterns()).toEqual([nl]);
    expect(h.hyphenate('information', 'en-GB')).toContain(2);
    expect(loadedPatterns()).toEqual([nl, en]);
    expect(h.hyphenate('verblijfsvergunning', 'xx-XX')).toEqual([]);
  });
});
