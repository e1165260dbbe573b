import { describe, expect, it } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { checkCoverage } from '../../src/fonts/checkCoverage.ts';

const fonts = createFontStore('fonts', { serif: 'SourceSerif4_400Regular.ttf' });
const source = { file: 'sections/a.yaml', line: 3, column: 5 };
const noFile = () => undefined;

describe('checkCoverage with the session\'s covered texts', () => {
  it('remembers texts found drawable and keeps reporting those that are not', () => {
    const covered = new Set<string>();
    const texts = [{ text: 'Gewone tekst.', source }, { text: 'Een ☃ sneeuwpop.', source }];
    const first = checkCoverage(texts, fonts, noFile, covered);
    expect(first.map((d) => d.code)).toEqual([expect.any(String)]);
    expect([...covered]).toEqual(['Gewone tekst.']);
    expect(checkCoverage(texts, fonts, noFile, covered)).toStrictEqual(first);
  });

  it('skips a text the set holds (the set is keyed by font bytes and fallbacks, so it is only given for the same faces)', () => {
    const text = [{ text: 'Een ☃ sneeuwpop.', source }];
    expect(checkCoverage(text, fonts, noFile)).toHaveLength(1);
    expect(checkCoverage(text, fonts, noFile, new Set(['Een ☃ sneeuwpop.']))).toEqual([]);
  });
});
