import { describe, expect, it } from 'vitest';
import { applyTypography, curlQuotes, NBSP } from '../../src/style/typography.ts';

describe('curlQuotes', () => {
  it('pairs double quotes', () => {
    expect(curlQuotes('hij zei "ja" en "nee".')).toBe('hij zei \u201Cja\u201D en \u201Cnee\u201D.');
  });
  it('opens after markup asterisks and brackets', () => {
    expect(curlQuotes('**"Vet"** ("x")')).toBe('**\u201CVet\u201D** (\u201Cx\u201D)');
  });
  it('turns apostrophes inside words into ’', () => {
    expect(curlQuotes("zo'n IND'ers en auto's")).toBe('zo\u2019n IND\u2019ers en auto\u2019s');
  });
  it('treats word-initial elisions as apostrophes', () => {
    expect(curlQuotes("'s-Hertogenbosch, 's avonds, in '94")).toBe('\u2019s-Hertogenbosch, \u2019s avonds, in \u201994');
  });
  it('pairs single quotes when a closing one follows', () => {
    expect(curlQuotes("het woord 'asiel' hier")).toBe('het woord \u2018asiel\u2019 hier');
  });
  it('nests single quotes in double ones', () => {
    expect(curlQuotes(`"zij zei 'nee'."`)).toBe('\u201Czij zei \u2018nee\u2019.\u201D');
  });
});

describe('applyTypography', () => {
  it('makes en and em dashes', () => {
    expect(applyTypography('2019--2020')).toBe('2019\u20132020');
    expect(applyTypography('a---b')).toBe('a\u2014b');
  });
  it('replaces a spaced hyphen by a spaced en dash bound to the word before', () => {
    expect(applyTypography('asiel - en migratie')).toBe(`asiel${NBSP}\u2013 en migratie`);
  });
  it('leaves hyphens in words and ISO dates alone', () => {
    expect(applyTypography('Midden-Oosten op 2021-04-30')).toBe('Midden-Oosten op 2021-04-30');
  });
  it('makes an ellipsis', () => {
    expect(applyTypography('en toen...')).toBe('en toen\u2026');
  });
  it('binds day and month but not month and year', () => {
    expect(applyTypography('op 30 april 2021 en 1 mei')).toBe(`op 30${NBSP}april 2021 en 1${NBSP}mei`);
  });
  it('does not bind a number to an ordinary word', () => {
    expect(applyTypography('13.670 aanvragen in 2020 meer')).toBe('13.670 aanvragen in 2020 meer');
  });
  it('binds abbreviations to the next word', () => {
    expect(applyTypography('t.o.v. vorig jaar, o.a. Syrië')).toBe(`t.o.v.${NBSP}vorig jaar, o.a.${NBSP}Syrië`);
    expect(applyTypography('dr. Jansen, nr. 12')).toBe(`dr.${NBSP}Jansen, nr.${NBSP}12`);
  });
  it('binds initials to each other and the surname', () => {
    expect(applyTypography('door J. A. Jansen')).toBe(`door J.${NBSP}A.${NBSP}Jansen`);
  });
  it('does not treat a role abbreviation as an initial', () => {
    expect(applyTypography('Wnd. Hoofddirecteur IND')).toBe('Wnd. Hoofddirecteur IND');
  });
  it('binds currency and units to the number', () => {
    expect(applyTypography('€ 12 mln voor 40 km')).toBe(`€${NBSP}12${NBSP}mln voor 40${NBSP}km`);
    expect(applyTypography('70% van 3 medewerkers')).toBe('70% van 3 medewerkers');
  });
});
