import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/diag/suggest.ts';

describe('suggest', () => {
  it('computes Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('suggests close names only, best first', () => {
    expect(closest('asiel.eerst', ['asiel.eerste', 'asiel.totaal', 'nareis.aanvragen'])).toEqual(['asiel.eerste']);
    expect(didYouMean('factbox', ['p', 'facts', 'quote'])).toBe('did you mean "facts"?');
    expect(didYouMean('spaceAftr', ['spaceBefore', 'spaceAfter'])).toBe('did you mean "spaceAfter"?');
    expect(didYouMean('zzz', ['facts', 'quote'])).toBeUndefined();
  });
});
