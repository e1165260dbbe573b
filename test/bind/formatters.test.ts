import { describe, expect, it } from 'vitest';
import { applyFormats, formatDate, formatNumber, formatOrdinal, formatPercent, parseIsoDate, roundTo } from '../../src/bind/formatters.ts';

const num = (value: number) => ({ kind: 'number', value }) as const;

describe('formatters (nl-NL)', () => {
  it('groups thousands with a dot, also for four digits', () => {
    expect(formatNumber(13670)).toBe('13.670');
    expect(formatNumber(1600)).toBe('1.600');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
  });
  it('uses a typographic minus and optional plus', () => {
    expect(formatNumber(-1234.5)).toBe('\u22121.234,5');
    expect(formatNumber(12, 'nl-NL', { signed: true })).toBe('+12');
  });
  it('writes percentages spaced as each language writes them', () => {
    // Dutch and English style guides: no space; German (DIN 5008/Duden) and French (Imprimerie nationale): a
    // no-break space (ICU writes a plain or a narrow one for French, depending on its version).
    expect(formatPercent(0.14, 'en-GB')).toBe('14%');
    expect(formatPercent(0.14, 'de-DE')).toBe('14\u00a0%');
    expect(formatPercent(0.14, 'fr-FR')).toMatch(/^14[\u00a0\u202f]%$/);
    expect(formatPercent(-0.14, 'de-DE', { signed: true })).toBe('\u221214\u00a0%');
    expect(formatPercent(0.7)).toBe('70%');
    expect(formatPercent(0.005)).toBe('1%');
    expect(formatPercent(-0.397, 'nl-NL', { signed: true })).toBe('\u221240%');
  });
  it('formats the change 20430 → 12310 with abs as 40%', () => {
    expect(applyFormats(num((12310 - 20430) / 20430), ['abs'], 'percent')).toBe('40%');
    expect(applyFormats(num((12310 - 20430) / 20430), ['signed', 'percent'], undefined)).toBe('\u221240%');
  });
  it('applies modifiers wherever they stand; the last rendering format wins', () => {
    const change = num((12310 - 20430) / 20430);
    expect(applyFormats(change, ['percent', 'signed'], undefined)).toBe('\u221240%');
    expect(applyFormats(change, ['signed'], 'percent')).toBe('\u221240%');
    expect(applyFormats(change, ['abs', 'signed', 'percent'], undefined)).toBe('+40%');
    expect(applyFormats(num(0), ['signed', 'percent'], undefined)).toBe('0%');
    expect(applyFormats(num(3), ['number', 'ordinal'], undefined)).toBe('3e');
  });
  it('writes dates and weekdays in Dutch', () => {
    expect(formatDate('2021-04-30')).toBe('30 april 2021');
    expect(formatDate('2021-04-30', 'nl-NL', { weekday: true })).toBe('vrijdag 30 april 2021');
    expect(applyFormats({ kind: 'date', value: '2020-03-15' }, ['weekday'], undefined)).toBe('zondag 15 maart 2020');
    expect(parseIsoDate('2021-02-30')).toBeUndefined();
  });
  it('writes ordinals and rounds', () => {
    expect(formatOrdinal(3)).toBe('3e');
    expect(roundTo(12345, -2)).toBe(12300);
    expect(roundTo(0.126, 2)).toBe(0.13);
    expect(applyFormats(num(12345), ['round:-2'], undefined)).toBe('12.300');
    expect(applyFormats(num(2.345), ['round:1'], undefined)).toBe('2,3');
  });
  it('uses the figure format as fallback and rejects unknown or mismatched formats', () => {
    expect(applyFormats(num(0.7), [], 'percent')).toBe('70%');
    expect(applyFormats(num(0.7), ['number'], 'percent')).toBe('0,7');
    expect(applyFormats(num(1), ['procent'], undefined)).toEqual({ format: 'procent', reason: 'unknown' });
    expect(applyFormats(num(1), ['date'], undefined)).toEqual({ format: 'date', reason: 'mismatch' });
    expect(applyFormats({ kind: 'date', value: '2021-04-30' }, ['percent'], undefined)).toEqual({ format: 'percent', reason: 'mismatch' });
  });
});
