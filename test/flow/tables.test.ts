import { describe, expect, it } from 'vitest';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import { compose, env, find, para, section, table, theme } from './helpers.ts';
import type { StyledSection } from '../../src/style/types.ts';

const flow = (...sections: StyledSection[]) => runFlowWith(compose, sections, theme, env, { firstPageNumber: 3 });
const COL2 = 120;
const TOP = 60;

describe('tables split between rows', () => {
  // title 10 + header 10 + rows of 10: 10 rows fit in a 120 pt column
  const doc = flow(section('a', [table('tab', 30), para('z', 30)]));

  it('fills the column with whole rows', () => {
    expect(find(doc.frames, 'tab.row9').item.x).toBe(20);
    expect(find(doc.frames, 'tab.row9').item.y).toBe(TOP + 110 + 8);
    expect(find(doc.frames, 'tab.row10').item.x).toBe(COL2);
  });

  it('repeats the header with the continued title at the top of the next column', () => {
    const cont = find(doc.frames, 'tab (vervolg)');
    expect([cont.page, cont.item.x, cont.item.y]).toEqual([3, COL2, TOP + 8]);
    const heads = doc.frames[0]!.items.map((p) => p.item).filter((i) => i.kind === 'glyphs' && i.text === 'head');
    expect(heads.map((h) => (h.kind === 'glyphs' ? [h.x, h.y] : []))).toEqual([[20, TOP + 18], [COL2, TOP + 18]]);
    expect(find(doc.frames, 'tab.row10').item.y).toBe(TOP + 20 + 8);
  });

  it('lists the repeated header before its first row', () => {
    const f = [doc.frames[0]!];
    expect(find(f, 'tab (vervolg)').index).toBeLessThan(find(f, 'tab.row10').index);
    expect(find(f, 'tab (vervolg)').index).toBeGreaterThan(find(f, 'tab.row9').index);
  });

  it('continues on the next page with another repeat', () => {
    expect(find(doc.frames, 'tab.row20').page).toBe(4);
    expect(doc.frames[1]!.items.some((p) => p.item.kind === 'glyphs' && p.item.text === 'tab (vervolg)')).toBe(true);
  });

  it('sets a row flush under a repeated header that is off the grid', () => {
    const odd = { ...compose, composeTable: (b: Parameters<typeof compose.composeTable>[0], w: number, e: Parameters<typeof compose.composeTable>[2]) => {
      const t = compose.composeTable(b, w, e);
      return { ...t, header: { ...t.header, heightPt: 7 } };
    } };
    const d = runFlowWith(odd, [section('a', [table('tab', 30), para('z', 30)])], theme, env, { firstPageNumber: 3 });
    // repeat = continued title 10 + header 7; the row follows at 17, not on the next grid line
    expect(find(d.frames, 'tab (vervolg)').item.x).toBe(COL2);
    const first = d.frames[0]!.items.map((p) => p.item).find((i) => i.kind === 'glyphs' && i.x === COL2 && i.text.startsWith('tab.row'));
    expect(first && first.kind === 'glyphs' ? first.y : 0).toBe(TOP + 17 + 8);
  });

  it('leaves at least two rows on each side of a break', () => {
    // 8 lines + title + header leave room for two rows; three rows would split 2 + 1: the table moves
    const three = flow(section('a', [para('a', 8), table('t3', 3), para('z', 30)]));
    expect(find(three.frames, 't3.row0').item.x).toBe(COL2);
    const five = flow(section('a', [para('a', 8), table('t5', 5), para('z', 30)]));
    expect(find(five.frames, 't5.row1').item.x).toBe(20);
    expect(find(five.frames, 't5.row2').item.x).toBe(COL2);
  });

  it('keeps a short table whole: it moves to the next column instead of splitting', () => {
    // same place as t5 above, which splits 2 + 3; kept whole, all five rows start the next column
    const whole = { ...table('w5', 5), keepWhole: true } as ReturnType<typeof table>;
    const d = flow(section('a', [para('a', 8), whole, para('z', 30)]));
    for (let r = 0; r < 5; r++) expect(find(d.frames, `w5.row${r}`).item.x).toBe(COL2);
    expect(d.warnings).toEqual([]);
  });

  it('never separates the header from the first row', () => {
    const d = flow(section('a', [para('a', 10), table('t2', 5), para('z', 30)]));
    // 10 lines leave 20 pt: title + header would fit but no row, so the table starts in the next column
    expect(find(d.frames, 't2').item.x).toBe(COL2);
    expect(find(d.frames, 't2.row0').item.x).toBe(COL2);
  });
});
