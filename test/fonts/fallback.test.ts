/**
 * Which characters no face can draw (uncovered) and which face draws each stretch (segmentByFont), with the real
 * faces: the oracle is fontkit's reading of each face's character map, asked character by character.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, test } from 'vitest';
import { segmentByFont, uncovered } from '../../src/fonts/fallback.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';

const files = { serif: 'SourceSerif4_400Regular.ttf', 'fallback-serif': 'NotoSerif_400Regular.ttf' };
const fonts = createFontStore('fonts', files);
const cmaps = Object.values(files).map((f) => new Set((fontkit.create(readFileSync(join('fonts', f))) as Font).characterSet));
/** Needs no glyph (fallback.ts IGNORABLE, written out): spaces, controls, soft hyphen, zero-width and bidi marks. */
const ignorable = (cp: number) => /[\p{Zs}\t\n\r\u00AD\u200B-\u200F]/u.test(String.fromCodePoint(cp));
const drawable = (cp: number) => ignorable(cp) || cmaps.some((m) => m.has(cp));

describe('uncovered', () => {
  const texts = [
    'Gewone tekst met ĳ, € en – streepjes.',
    'Grieks αβγ, Cyrillisch ж, ʘ and ḁ in Noto only, Armeens Հայ in none',
    'Zero\u200Bwidth, soft\u00ADhyphen, nbsp\u00A0and\u202Fnarrow',
    'Een ☃ sneeuwpop en een 🙂 en ☃ weer',
    'lone \uD800 surrogate',
    '',
  ];
  for (const text of texts) {
    test(JSON.stringify(text), () => {
      const expected = [...new Set([...text].filter((ch) => !drawable(ch.codePointAt(0)!)))];
      expect(uncovered(text, fonts)).toEqual(expected);
    });
  }
});

describe('segmentByFont', () => {
  test('a word the face lacks goes whole to the fallback that has it; covered text stays in one segment', () => {
    expect(segmentByFont('Gewone tekst.', 'serif', fonts)).toEqual([{ text: 'Gewone tekst.', font: 'serif' }]);
    const segs = segmentByFont('Het woord ḁʘa hier', 'serif', fonts);
    expect(segs.map((s) => s.text).join('')).toBe('Het woord ḁʘa hier');
    for (const s of segs) for (const ch of s.text.trim()) expect(cmaps[s.font === 'serif' ? 0 : 1]!.has(ch.codePointAt(0)!), `${ch} in ${s.font}`).toBe(true);
    expect(segs.some((s) => s.font === 'fallback-serif' && s.text.includes('ḁʘa'))).toBe(true);
  });
});
