import { describe, expect, test } from 'vitest';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

// Expected values written from the languages' conventions (CLDR), not computed.
describe('vegaLocale', () => {
  test('Dutch: point for thousands, comma for decimals, euro before the amount, Dutch month names', () => {
    const l = vegaLocale('nl-NL');
    expect([l.number.thousands, l.number.decimal, l.number.currency]).toEqual(['.', ',', ['€\u00a0', '']]);
    expect(l.time.months.slice(0, 3)).toEqual(['januari', 'februari', 'maart']);
    expect(l.time.days[0]).toBe('zondag');
    expect(l.time.date).toBe('%d-%m-%Y');
  });
  test('British English: comma for thousands, point for decimals, day-first dates, English names', () => {
    const l = vegaLocale('en-GB');
    expect([l.number.thousands, l.number.decimal, l.number.currency]).toEqual([',', '.', ['€', '']]);
    expect(l.time.months[2]).toBe('March');
    expect(l.time.date).toBe('%d/%m/%Y');
    expect(vegaLocale('en-US').time.date).toBe('%m/%d/%Y');
  });
  test('German and French: the euro after the amount; French groups with a narrow no-break space', () => {
    expect(vegaLocale('de-DE').number.currency).toEqual(['', '\u00a0€']);
    expect(vegaLocale('de-DE').time.months[2]).toBe('März');
    expect(vegaLocale('fr-FR').number.thousands).toBe('\u202f');
  });
  test('percentages on chart axes are spaced as the text writes them (through d3-format itself)', async () => {
    // d3-format (vega's own number formatting) ships no type declarations
    const { formatLocale } = (await import('d3-format' as string)) as { formatLocale: (l: unknown) => { format: (f: string) => (n: number) => string } };
    const pct = (tag: string) => formatLocale(vegaLocale(tag).number as never).format('.0%')(0.14);
    expect(pct('nl-NL')).toBe('14%');
    expect(pct('en-GB')).toBe('14%');
    expect(pct('de-DE')).toBe('14\u00a0%');
    expect(pct('fr-FR')).toMatch(/^14[\u00a0\u202f]%$/);
  });
  test('the minus is always U+2212, as the text writes it', () => {
    expect(vegaLocale('en-GB').number.minus).toBe('\u2212');
  });
});
