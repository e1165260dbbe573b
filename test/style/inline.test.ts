import { describe, expect, it } from 'vitest';
import { parseInline, FOOTNOTE_RISE_RATIO, FOOTNOTE_SIZE_RATIO } from '../../src/style/inline.ts';
import type { TextStyleSpec } from '../../src/spec/theme.ts';

const body: TextStyleSpec = {
  font: 'serif', italic: 'serif-italic', bold: 'serif-bold', size: 10, leading: 13, align: 'justify', hyphenate: true,
  color: '#111111', features: ['onum'], tracking: 0, uppercase: false, spaceBefore: 0, spaceAfter: 0, lang: 'nl-NL',
};
const brief = (runs: ReturnType<typeof parseInline>) => runs.map((r) => [r.text, r.font, r.link ?? r.footnoteId ?? '']);

describe('parseInline', () => {
  it('splits bold and italic into their faces', () => {
    expect(brief(parseInline('een **vet** en *schuin* woord', body))).toEqual([
      ['een ', 'serif', ''], ['vet', 'serif-bold', ''], [' en ', 'serif', ''], ['schuin', 'serif-italic', ''], [' woord', 'serif', ''],
    ]);
  });
  it('keeps lone or spaced asterisks literal', () => {
    expect(brief(parseInline('3 * 4 en *niet af', body))).toEqual([['3 * 4 en *niet af', 'serif', '']]);
  });
  it('sets the style features with kern and liga', () => {
    expect(parseInline('x', body)[0].features).toEqual(['kern', 'liga', 'onum']);
  });
  it('makes http(s) and mailto links, keeps other targets as plain text', () => {
    expect(brief(parseInline('zie [de site](https://ind.nl/a--b) of [mail](mailto:a@b.nl) of [dit](javascript:x)', body))).toEqual([
      ['zie ', 'serif', ''], ['de site', 'serif', 'https://ind.nl/a--b'], [' of ', 'serif', ''], ['mail', 'serif', 'mailto:a@b.nl'],
      [' of dit', 'serif', ''],
    ]);
  });
  it('formats inside a link label', () => {
    expect(brief(parseInline('[**IND**](https://ind.nl)', body))).toEqual([['IND', 'serif-bold', 'https://ind.nl']]);
  });
  it('numbers footnote references through the numberer and sets superscript', () => {
    const seen: string[] = [];
    const numberer = (id: string) => (id === 'x' ? undefined : (seen.includes(id) ? seen.indexOf(id) : seen.push(id) - 1) + 1);
    const runs = parseInline('a[^b] c[^a] d[^b] e[^x]', body, numberer);
    expect(brief(runs)).toEqual([
      ['a', 'serif', ''], ['1', 'serif', 'b'], [' c', 'serif', ''], ['2', 'serif', 'a'], [' d', 'serif', ''], ['1', 'serif', 'b'],
      [' e[^x]', 'serif', ''],
    ]);
    expect(runs[1].sizePt).toBeCloseTo(10 * FOOTNOTE_SIZE_RATIO);
    expect(runs[1].risePt).toBeCloseTo(10 * FOOTNOTE_RISE_RATIO);
  });
  it('applies typography outside URLs and footnote ids', () => {
    const runs = parseInline('"zo\'n" -- [x](https://a.nl/--)[^a--b]', body, () => 4);
    expect(runs.map((r) => r.text).join('|')).toBe('\u201Czo\u2019n\u201D\u00A0\u2013 |x|4');
    expect(runs[1].link).toBe('https://a.nl/--');
    expect(runs[2].footnoteId).toBe('a--b');
  });
  it('uppercases when the style says so', () => {
    expect(parseInline('Eerste artikel', { ...body, uppercase: true })[0].text).toBe('EERSTE ARTIKEL');
  });
  it('honours backslash escapes', () => {
    expect(parseInline('\\*niet\\* schuin', body).map((r) => r.text)).toEqual(['*niet* schuin']);
  });
});
