/**
 * Balanced ragged lines (issue 11 item 5: titles and headings never end in a lone word). Hand-written cases with the
 * fake font (every character 6 pt, a space 3 pt), so each expected break is plain arithmetic, worked out below.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createLineBreaker } from '../../src/text/breakLines.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import type { Hyphenator } from '../../src/text/types.ts';
import { fakeFonts, para, texts } from './fakeFonts.ts';

let hyphenator: Hyphenator;
beforeAll(async () => {
  hyphenator = await createHyphenator();
});
const heading = (text: string, balance: boolean) => para(text, { align: 'left', hyphenate: false, ...(balance && { balance: true }) });
const breakAt = (text: string, width: number, balance: boolean) => texts(createLineBreaker({ fonts: fakeFonts(), hyphenator })(heading(text, balance), width));

describe('balanced headings', () => {
  // Dienstverlening 90, in 12, coronatijd: 66, loketten 48, bleven 36, open 24 (+3 per space)
  const TITLE = 'Dienstverlening in coronatijd: loketten bleven open';

  test('a heading that ends in one word at 270 pt ends in three once balanced, on as many lines', () => {
    // unbalanced: 90+3+12+3+66+3+48+3+36 = 264 fits 270, leaving "open" alone
    expect(breakAt(TITLE, 270, false)).toEqual(['Dienstverlening in coronatijd: loketten bleven', 'open']);
    // balanced: the narrowest measure that still takes two lines is 174 (90+3+12+3+66); the other split,
    // "Dienstverlening in" / "coronatijd: loketten bleven open", needs 183
    expect(breakAt(TITLE, 270, true)).toEqual(['Dienstverlening in coronatijd:', 'loketten bleven open']);
  });

  test('never adds a line, and leaves text alone that fits on one', () => {
    expect(breakAt(TITLE, 300, true)).toEqual([TITLE]);
    // three lines at 120 either way: unbalanced 105 | 66+3+48 = 117 | 36+3+24 = 63; balanced, the longest line
    // cannot be shorter than "loketten bleven open" (48+3+36+3+24 = 111), and two splits reach that
    expect(breakAt(TITLE, 120, false)).toEqual(['Dienstverlening in', 'coronatijd: loketten', 'bleven open']);
    expect([
      ['Dienstverlening', 'in coronatijd:', 'loketten bleven open'],
      ['Dienstverlening in', 'coronatijd:', 'loketten bleven open'],
    ]).toContainEqual(breakAt(TITLE, 120, true));
  });

  test('keeps a lone word when no other break has as few lines', () => {
    // Vreemdelingenketen 108, partnerorganisaties 114: two words that do not share a 200 pt line
    expect(breakAt('Vreemdelingenketen partnerorganisaties', 200, true)).toEqual(['Vreemdelingenketen', 'partnerorganisaties']);
  });

  test('keeps explicit line breaks where the author put them', () => {
    expect(breakAt('Eerste regel die lang is\nen nog een', 400, true)).toEqual(['Eerste regel die lang is', 'en nog een']);
  });
});
