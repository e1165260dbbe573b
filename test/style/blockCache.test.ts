/**
 * Styled blocks kept per session (style/blockCache.ts). The oracle is styling with no cache at all: after each change
 * the result must equal it. A restyled section keeps the objects of its unchanged blocks; a block whose indent,
 * label, chart or image, or footnote numbers changed is styled again.
 */
import { describe, expect, it } from 'vitest';
import { resolveStyles } from '../../src/style/index.ts';
import type { StyledBlockEntry } from '../../src/style/blockCache.ts';
import type { BoundBlock, BoundReport, BoundSection, BoundText } from '../../src/bind/types.ts';
import type { ChartBox } from '../../src/charts/types.ts';
import type { PreparedImage } from '../../src/images/types.ts';
import { loadTestTheme } from './themeFixture.ts';

const theme = loadTestTheme();
const at = { file: 'sections/a.yaml', line: 1, column: 1 };
const t = (text: string): BoundText => ({ text, source: at });
const fonts = { measure: (s: string, _f: string, size: number) => s.length * size * 0.5, hashes: { serif: 'a' } };
const p = (text: string): BoundBlock => ({ type: 'paragraph', text: t(text) });

function report(blocks: BoundBlock[], numbering: ('figures' | 'tables')[] = ['figures']): BoundReport {
  const section: BoundSection = { id: 'a', kind: 'article', title: 'Titel', shortTitle: 'a', blocks, footnotes: new Map([['n', t('Noot.')], ['m', t('Andere noot.')]]), source: at };
  return {
    meta: { title: 'J', organisation: 'O', author: 'A', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: '30 april 2021', numbering },
    sections: [section],
    charts: [],
    images: new Map(),
  };
}
const base = (): BoundBlock[] => [
  { type: 'heading', text: t('Kop') },
  p('Eerste alinea.'),
  p('Tweede alinea met een noot[^n].'),
  { type: 'chart', chartId: 'c', caption: t('Grafiek'), source: at },
  { type: 'image', src: 'i.svg', alt: 'Beeld', caption: t('Bijschrift'), source: at },
  p('Slot.'),
];
const charts = (w = 200) => new Map<string, ChartBox>([['c', { id: 'c', widthPt: w, heightPt: 100, alt: 'x' }]]);
const images = (aspect = 0.5) => new Map<string, PreparedImage>([['i.svg', { svg: '<svg/>', aspect }]]);

describe('styled blocks in a session', () => {
  it('a restyled section keeps its unchanged blocks and styles the changed ones again, equal to styling afresh', () => {
    // sections are never taken whole from the cache here (get finds nothing), so every section is restyled and
    // what is kept is the blocks' doing
    const cache = { get: () => undefined, set: () => undefined, blocks: new Map<string, StyledBlockEntry>() };
    const style = (blocks: BoundBlock[], c = charts(), i = images(), numbering?: ('figures' | 'tables')[]) => {
      const kept = resolveStyles(report(blocks, numbering), theme, c, i, fonts, undefined, cache)[0]!;
      expect(kept).toStrictEqual(resolveStyles(report(blocks, numbering), theme, c, i, fonts)[0]);
      return kept.blocks;
    };
    const first = style(base());
    // one paragraph edited: only it is new
    const edited = base();
    edited[5] = p('Slot, herzien.');
    const second = style(edited);
    expect(second.map((b, k) => b === first[k])).toEqual([true, true, true, true, true, false]);
    const changes: [string, () => readonly unknown[], number[]][] = [
      // the heading becomes a paragraph: the first paragraph after it is now indented
      ['indent', () => style([p('Kop'), ...base().slice(1)]), [0, 1]],
      // a note marked earlier: the note of the third block gets another number
      ['footnote numbers', () => style([base()[0]!, p('Eerste alinea[^m].'), ...base().slice(2)]), [1, 2]],
      ['chart box', () => style(base(), charts(300)), [3]],
      ['image', () => style(base(), charts(), images(0.75)), [4]],
      // without figure numbers the chart and the image lose their labels
      ['labels', () => style(base(), charts(), images(), []), [3, 4]],
    ];
    for (const [what, run, changed] of changes) {
      const before = style(base());
      const after = run();
      expect(after.map((b, k) => (b === before[k] ? -1 : k)).filter((k) => k >= 0), what).toEqual(changed);
    }
  });
});
