/**
 * Issue 11 item 1: group rows span the table, sub-rows indent, totals are bold with a rule, numbers line up on
 * their decimal mark, the source line sits under the table. Expected positions come from the template's numbers
 * (row padding 3.5 pt, tableCell 8.5 pt) and widths measured from the font files.
 */
import { describe, expect, it } from 'vitest';
import { composeTable } from '../../../src/flow/boxes/index.ts';
import type { Box, LayoutEnv } from '../../../src/flow/types.ts';
import { createFontStore } from '../../../src/fonts/fontStore.ts';
import type { FrameItem } from '../../../src/model/types.ts';
import { resolveStyles } from '../../../src/style/index.ts';
import type { Block } from '../../../src/style/types.ts';
import type { BoundBlock, BoundText } from '../../../src/bind/types.ts';
import { FONTS_DIR, loadTestTheme } from '../../style/themeFixture.ts';
import { greedyBreaker } from './fakes.ts';

const theme = loadTestTheme();
const PAD = 3.5;
const CELL_PT = 8.5;
const WIDTH = 232;
const at = { file: 'sections/a.yaml', line: 7, column: 3 };
const t = (text: string): BoundText => ({ text, source: at });
const body = (...cells: string[]) => ({ kind: 'body' as const, cells: cells.map(t), indent: 0 });
const fonts = createFontStore(FONTS_DIR, theme.fonts);
const env: LayoutEnv = { fonts, breakLines: greedyBreaker((r, text) => fonts.measure(text, r.font, r.sizePt, r.features)), gridPt: theme.text.body.leading };
const FEATURES = ['kern', 'liga', 'tnum'];

type TableBlock = Extract<Block, { kind: 'table' }>;
function styled(b: BoundBlock, language = 'nl-NL'): TableBlock {
  const section = { id: 's', kind: 'appendix' as const, title: 'T', shortTitle: 'T', blocks: [b], footnotes: new Map(), source: at };
  const report = {
    meta: { title: 'J', organisation: 'IND', author: 'IND', subject: 's', keywords: [], language, date: '2021-04-30', dateText: '' },
    sections: [section], charts: [], images: new Map(),
  };
  return resolveStyles(report, theme, new Map(), new Map(), fonts)[0].blocks[0] as TableBlock;
}
const glyphs = (box: Box) => box.items.filter((i): i is Extract<FrameItem, { kind: 'glyphs' }> => i.kind === 'glyphs');
const rules = (box: Box) => box.items.filter((i): i is Extract<FrameItem, { kind: 'rule' }> => i.kind === 'rule');
const textOf = (box: Box) => glyphs(box).map((g) => g.text).join(' ');

const TABLE: BoundBlock = {
  type: 'table', source: at, title: t('Instroom'),
  columns: [{ label: t('Soort') }, { label: t('2021') }, { label: t('Aandeel') }],
  rows: [
    { kind: 'group', cells: [t('Asiel en bescherming, nareis en gezinshereniging')], indent: 0 },
    body('Eerste aanvragen', '24.740', '12,5%'),
    { kind: 'body', cells: [t('waarvan minderjarig'), t('1.234'), t('7%')], indent: 1 },
    body('Nareis', '5.940', '–'),
    { kind: 'total', cells: [t('Totaal'), t('31.914'), t('100,25%')], indent: 0 },
  ],
  sourceLine: t('IND, Basisadministratie'),
};

describe('table rows with the real fonts', () => {
  const table = styled(TABLE);
  const composed = composeTable(table, WIDTH, env);

  it('defaults columns of numbers to decimal alignment and text columns to left', () => {
    expect(table.aligns).toEqual(['left', 'decimal', 'decimal']);
    expect(table.keepWhole).toBe(true);
  });

  it('sets a group row across all columns in bold with a rule above it', () => {
    const row = composed.rows[0]!;
    const g = glyphs(row);
    expect(g[0]!.x).toBeCloseTo(PAD, 6);
    expect(g.every((x) => x.font === 'sans-bold')).toBe(true);
    // wider than the first column: only possible when it spans
    const line = g.reduce((w, x) => Math.max(w, x.x + x.widthPt), 0);
    expect(line - PAD).toBeCloseTo(fonts.measure('Asiel en bescherming, nareis en gezinshereniging', 'sans-bold', CELL_PT, FEATURES), 1);
    expect(line).toBeGreaterThan(table.widths[0]! * WIDTH);
    expect(rules(row).some((r) => r.y1 === 0 && r.y2 === 0 && r.x2 === WIDTH)).toBe(true);
  });

  it('indents a sub-row by one em of the cell size', () => {
    expect(glyphs(composed.rows[2]!)[0]!.text).toMatch(/^waarvan/);
    expect(glyphs(composed.rows[2]!)[0]!.x).toBeCloseTo(PAD + CELL_PT, 6);
    expect(glyphs(composed.rows[1]!)[0]!.x).toBeCloseTo(PAD, 6);
  });

  it('sets the totals row bold with a rule above', () => {
    const row = composed.rows[4]!;
    expect(glyphs(row).every((g) => g.font === 'sans-bold')).toBe(true);
    expect(rules(row).some((r) => r.y1 === 0 && r.widthPt > 0.5)).toBe(true);
  });

  it('lines numbers up at the end of their integer part', () => {
    // every integer part ends where the widest tail (",25%" in bold) leaves room: template edge minus padding
    const m = (text: string, font = 'sans') => fonts.measure(text, font, CELL_PT, FEATURES);
    const maxTail = Math.max(m(',5%'), m('%'), m(',25%', 'sans-bold'));
    const intEnd = WIDTH - PAD - maxTail;
    for (const [row, text, int, font] of [[1, '12,5%', '12', 'sans'], [2, '7%', '7', 'sans'], [4, '100,25%', '100', 'sans-bold'], [3, '–', '–', 'sans']] as const) {
      const g = glyphs(composed.rows[row]!).find((x) => x.text === text)!;
      expect(g.x + m(int, font), text).toBeCloseTo(intEnd, 2);
    }
    // whole numbers of the second column end flush with its (right-aligned) head
    const head = glyphs(composed.header).find((x) => x.text === '2021')!;
    for (const [row, text] of [[1, '24.740'], [2, '1.234'], [4, '31.914']] as const) {
      const n = glyphs(composed.rows[row]!).find((x) => x.text === text)!;
      expect(n.x + n.widthPt, text).toBeCloseTo(head.x + head.widthPt, 3);
    }
  });

  it('puts the source line under the table with the template word', () => {
    expect(textOf(composed.sourceLine!)).toBe('Bron: IND, Basisadministratie');
  });

  it('uses "." as the decimal mark in English', () => {
    expect(styled(TABLE, 'en-GB').decimalMark).toBe('.');
    expect(table.decimalMark).toBe(',');
  });
});
