import { describe, expect, it } from 'vitest';
import { passageLanguages } from '../../src/style/passageLanguages.ts';
import type { StyledSection } from '../../src/style/types.ts';

const at = (line: number) => ({ file: 's.yaml', line, column: 1 });
const run = (text: string, lang?: string) => ({ text, font: 'serif', sizePt: 9, color: '#000000', features: ['kern'], ...(lang && { passage: { lang, id: 0 } }) });
const para = (line: number, runs: object[], lang?: string) => ({ runs, align: 'left', leadingPt: 12, hyphenate: true, firstLineIndentPt: 0, ...(lang && { lang }), source: at(line) });

describe('languages of a report besides its own', () => {
  it('finds block languages and inline passages, nested in boxes and footnotes, each where it first appears', () => {
    const section = {
      id: 's',
      opener: { title: para(1, [run('Titel')]) },
      blocks: [
        { kind: 'paragraph', para: para(2, [run('tekst '), run('text', 'en-GB')]) },
        { kind: 'quote', text: para(3, [run('citation')], 'fr-FR'), box: { padding: { top: 0 } } },
        { kind: 'table', rows: [[para(4, [run('x')], 'en-GB')], [para(5, [run('y', 'de-DE')])]] },
      ],
      footnotes: new Map([['n', para(6, [run('Anmerkung')], 'de-DE')]]),
    } as unknown as StyledSection;
    const found = passageLanguages([section], 'nl-NL');
    expect([...found]).toEqual([
      ['en-GB', at(2)],
      ['fr-FR', at(3)],
      ['de-DE', at(5)],
    ]);
  });

  it('leaves out the report language in any case', () => {
    const section = { id: 's', opener: {}, blocks: [{ kind: 'paragraph', para: para(1, [run('a')], 'NL-nl') }], footnotes: new Map() } as unknown as StyledSection;
    expect(passageLanguages([section], 'nl-NL').size).toBe(0);
  });
});
