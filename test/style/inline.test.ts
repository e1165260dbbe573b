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

  describe('passages in another language: [text]{lang=xx}', () => {
    const passages = (runs: ReturnType<typeof parseInline>) => runs.map((r) => [r.text, r.passage ? `${r.passage.lang}#${r.passage.id}` : '']);
    it('marks the runs of each passage with its language and a number per passage', () => {
      expect(passages(parseInline('al doende: [learning by doing]{lang=en-GB}, en [Aufenthalt]{lang=de}.', body))).toEqual([
        ['al doende: ', ''], ['learning by doing', 'en-GB#0'], [', en ', ''], ['Aufenthalt', 'de#1'], ['.', ''],
      ]);
    });
    it('keeps bold, italic, links and footnotes inside a passage, all in the passage', () => {
      const runs = parseInline('zie [the **Home** [Office](https://gov.uk)[^a]]{lang=en}', body, () => 1);
      expect(runs.map((r) => [r.text, r.font, r.link ?? r.footnoteId ?? '', r.passage?.id ?? ''])).toEqual([
        ['zie ', 'serif', '', ''], ['the ', 'serif', '', 0], ['Home', 'serif-bold', '', 0], [' ', 'serif', '', 0],
        ['Office', 'serif', 'https://gov.uk', 0], ['1', 'serif', 'a', 0],
      ]);
    });
    it('gives a passage the quotation marks of the sentence around it (Dutch here), not its own', () => {
      const de = parseInline('Hij zei: [Das ist "gut"]{lang=de}.', body);
      expect(de.map((r) => r.text).join('')).toBe('Hij zei: Das ist \u201Cgut\u201D.');
    });
    it('does not mark a passage in the text\'s own language, and leaves a bracket without the attribute alone', () => {
      expect(passages(parseInline('[Asiel]{lang=nl-nl} en [dit] en [x]{taal=en}', body))).toEqual([['Asiel en [dit] en [x]{taal=en}', '']]);
    });
    it('applies typography inside the passage ("--" becomes a dash) and keeps the attribute intact', () => {
      const runs = parseInline('[a -- b]{lang=en-GB}', body);
      expect(runs.map((r) => [r.text.replace(/\s/gu, ' '), r.passage?.lang])).toEqual([['a \u2013 b', 'en-GB']]);
    });
  });
});
