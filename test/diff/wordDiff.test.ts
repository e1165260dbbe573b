import { describe, expect, it } from 'vitest';
import { diffWords, formatHunk, toWords } from '../../src/diff/wordDiff.ts';

const w = (s: string) => toWords(s);

describe('diffWords', () => {
  it('finds nothing in equal texts', () => {
    expect(diffWords(w('a b c'), w('a b c'))).toEqual([]);
  });

  it('shows one replaced word with up to four words of context either side', () => {
    const h = diffWords(w('een twee drie vier vijf zes zeven acht negen'), w('een twee drie vier VIJF zes zeven acht negen'));
    expect(h).toEqual([{ before: ['een', 'twee', 'drie', 'vier'], removed: ['vijf'], added: ['VIJF'], after: ['zes', 'zeven', 'acht', 'negen'] }]);
    expect(formatHunk(h[0]!)).toBe('een twee drie vier [-vijf-] {+VIJF+} zes zeven acht negen');
  });

  it('reports insertions and deletions separately when far apart', () => {
    const a = w('a b c d e f g h i j k l m');
    const b = w('a X b c d e f g h i j l m');
    const h = diffWords(a, b);
    expect(h.map((x) => [x.removed, x.added])).toEqual([
      [[], ['X']],
      [['k'], []],
    ]);
  });

  it('merges changes closer than the context into one hunk', () => {
    const h = diffWords(w('a b c d e'), w('a B c D e'));
    expect(h).toHaveLength(1);
    expect(h[0]!.removed).toEqual(['b', 'c', 'd']);
    expect(h[0]!.added).toEqual(['B', 'c', 'D']);
  });

  it('drops soft hyphens when splitting words', () => {
    expect(toWords('ver\u00adblijf  aanvraag\n')).toEqual(['verblijf', 'aanvraag']);
  });
});

describe('toWords', () => {
  it('joins a word hyphenated at a line end, keeps real compounds', () => {
    expect(toWords('de zorgvul-\ndige planning in Noord-\nHolland')).toEqual(['de', 'zorgvuldige', 'planning', 'in', 'Noord-', 'Holland']);
  });
});
