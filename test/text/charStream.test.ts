/**
 * The character stream of a paragraph: soft hyphens dropped from the text and remembered as break positions, and
 * the counts that answer "does [s, e] hold one?" checked against a plain scan of the positions, hand-written cases.
 */
import { describe, expect, test } from 'vitest';
import { charStream, hasSoftHyphen } from '../../src/text/charStream.ts';
import { para, run } from './fakeFonts.ts';

/** The oracle: any soft-hyphen position in [s, e]. */
const scan = (positions: ReadonlySet<number>, s: number, e: number) => [...positions].some((p) => p >= s && p <= e);

describe('charStream', () => {
  test('drops soft hyphens, keeps their positions and each code unit\'s run', () => {
    const cs = charStream(para([run('ver\u00ADblijfs\u00AD'), run('\u00ADver\u00ADgun\u00ADning', { font: 'bold' })]));
    expect(cs.text).toBe('verblijfsvergunning');
    expect([...cs.softHyphens].sort((a, b) => a - b)).toEqual([3, 9, 12, 15]);
    expect(cs.runOf).toEqual([...'verblijfs'].map(() => 0).concat([...'vergunning'].map(() => 1)));
  });

  test('hasSoftHyphen agrees with a scan of the positions for every range', () => {
    const cs = charStream(para([run('ab\u00ADcd ef\u00AD gh'), run('\u00ADij kl\u00AD')]));
    for (let s = 0; s <= cs.text.length; s++) {
      for (let e = s; e <= cs.text.length; e++) expect(hasSoftHyphen(cs, s, e), `[${s}, ${e}]`).toBe(scan(cs.softHyphens, s, e));
    }
  });

  test('a paragraph without soft hyphens has no counts and no range holds one', () => {
    const cs = charStream(para('Een verblijfsvergunning is nodig'));
    expect(cs.softBefore).toBeUndefined();
    expect(hasSoftHyphen(cs, 0, cs.text.length)).toBe(false);
  });
});
