/**
 * Patterns fetched ahead (text/hyphenate.ts prefetchPatterns, called by a build once report.yaml is read): the
 * hyphenator made afterwards breaks words as one made without it (the expected breaks are hand-written), and a
 * language without patterns is left to createHyphenator to report (nothing thrown, nothing rejected unhandled).
 */
import { describe, expect, it } from 'vitest';
import { createHyphenator, prefetchPatterns } from '../../src/text/hyphenate.ts';

describe('prefetchPatterns', () => {
  it('leaves the hyphenator made afterwards as it would be', async () => {
    prefetchPatterns('nl-NL');
    prefetchPatterns('xx-XX'); // no patterns: nothing to load
    const h = await createHyphenator({ language: 'nl-NL', others: ['xx-XX'] });
    expect(h.missing).toEqual(['xx-XX']);
    // "ver-blijfs-ver-gun-ning": Dutch patterns, at least 2 letters before and 3 after a break
    const breaks = h.hyphenate('verblijfsvergunning');
    expect(breaks.length).toBeGreaterThan(1);
    for (const b of breaks) expect(b >= 2 && b <= 'verblijfsvergunning'.length - 3).toBe(true);
    expect(breaks).toContain(3);
    expect(h.hyphenate('verblijfsvergunning', 'xx-XX')).toEqual([]);
  });
});
