import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { coveredTexts } from '../../src/fonts/coverageCache.ts';
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

describe('covered texts on disk', () => {
  it('the next process starts with the texts its last build found drawable, for the same faces only', async () => {
    const disk = { cacheDir: mkdtempSync(join(tmpdir(), 'rp-cov-')), contentDir: 'content' };
    const texts = [{ text: 'Gewone tekst.', source }, { text: 'Een ☃ sneeuwpop.', source }];
    const first = coveredTexts(createBuildContext(), 'faces-a', disk);
    checkCoverage(texts, fonts, noFile, first.set);
    first.save(texts.map((t) => t.text));
    expect([...coveredTexts(createBuildContext(), 'faces-a', disk).set]).toEqual(['Gewone tekst.']);
    // other faces (bytes or fallbacks): nothing is known about them
    expect([...coveredTexts(createBuildContext(), 'faces-b', disk).set]).toEqual([]);
  });
});
