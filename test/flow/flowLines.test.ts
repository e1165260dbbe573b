import { describe, expect, it } from 'vitest';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import { compose, env, find, heading, L, para, section, spec, theme } from './helpers.ts';
import type { StyledSection } from '../../src/style/types.ts';

// Page 3 is a right-hand page: text area x 20, y 20, 190×160; columns at x 20 and 120.
// Article opener (title 20 + rule gaps 20) leaves 120 pt = 12 lines; continuation pages hold 14 lines.
const flow = (...sections: StyledSection[]) => runFlowWith(compose, sections, theme, env, { firstPageNumber: 3 });
const COL2 = 120;
const OPENER_TOP = 60;

describe('lines into columns', () => {
  it('fills the left column, then the right, then the next page', () => {
    const { frames } = flow(section('a', [para('p', 40)]));
    expect(frames.map((f) => f.number)).toEqual([3, 4]);
    const l0 = find(frames, 'p.0');
    expect([l0.page, l0.item.x, l0.item.y]).toEqual([3, 20, OPENER_TOP + 8]);
    expect(find(frames, 'p.11').item.y).toBeCloseTo(OPENER_TOP + 11 * L + 8);
    const l12 = find(frames, 'p.12');
    expect([l12.page, l12.item.x, l12.item.y]).toEqual([3, COL2, OPENER_TOP + 8]);
    // page 4 is a left-hand page: outer margin (10) on the left; the continuation marker takes 2 grid lines
    const l24 = find(frames, 'p.24');
    expect([l24.page, l24.item.x, l24.item.y]).toEqual([4, 10, 40 + 8]);
  });

  it('ends a column one line early rather than on a hyphenated word', () => {
    // p.11 would be the last line of the first column (12 lines); mark it hyphenated.
    const hyphenAt11 = { ...env, breakLines: (q: Parameters<typeof env.breakLines>[0], w: number) => env.breakLines(q, w).map((l, i) => (i === 11 ? { ...l, hyphenated: true } : l)) };
    const { frames } = runFlowWith(compose, [section('a', [para('p', 40)])], theme, hyphenAt11, { firstPageNumber: 3 });
    const l11 = find(frames, 'p.11');
    expect([l11.page, l11.item.x, l11.item.y]).toEqual([3, COL2, OPENER_TOP + 8]);
    expect(find(frames, 'p.10').item.x).toBe(20);
  });

  it('starts every section on a new page with an anchor', () => {
    const { frames } = flow(section('a', [para('p', 3)]), section('b', [para('q', 3)]));
    expect(frames.map((f) => [f.number, f.sectionId, f.master])).toEqual([[3, 'a', 'opener'], [4, 'b', 'opener']]);
    expect(frames[1]!.items.some((p) => p.item.kind === 'anchor' && p.item.name === 'b')).toBe(true);
  });

  it('sets the opener across the full width: kicker, title, lead, rule, then the columns on the grid', () => {
    const { frames } = flow(section('a', [para('p', 40)], { label: 'Eerste artikel', lead: spec('lead', 3) }));
    const f = frames[0]!.items.map((p) => p.item);
    expect(find(frames, 'K-a.0').item.y).toBe(20 + 8); // kicker 10 pt leading
    expect(find(frames, 'T-a.0').item.y).toBe(34 + 16); // title after 4 pt gap, 20 pt leading
    expect(find(frames, 'lead.0').item.y).toBe(62 + 8); // lead after an 8 pt gap
    const rule = f.find((i) => i.kind === 'rule');
    expect(rule && rule.kind === 'rule' ? [rule.x1, rule.y1, rule.x2] : []).toEqual([20, 102, 210]);
    // the opener (20 → 112, 92 pt) rounds up to 100: the body starts on the grid
    expect(find(frames, 'p.0').item.y).toBe(20 + 100 + 8);
  });

  it('marks continuation pages with the lower-cased kicker', () => {
    const { frames } = flow(section('a', [para('p', 40)], { label: 'Eerste artikel' }));
    expect(find(frames, 'Vervolg eerste artikel').page).toBe(4);
  });
});

describe('widows and orphans', () => {
  it('moves a 3-line paragraph whole instead of leaving an orphan', () => {
    const { frames } = flow(section('a', [para('a', 11), para('b', 3), para('c', 20)]));
    expect(find(frames, 'b.0').item.x).toBe(COL2);
    expect(find(frames, 'b.0').item.y).toBe(OPENER_TOP + 8);
  });

  it('leaves at least two lines at the top of the next column (no widow)', () => {
    const { frames } = flow(section('a', [para('a', 9), para('b', 4), para('c', 20)]));
    expect(find(frames, 'b.1').item.x).toBe(20);
    expect(find(frames, 'b.2').item.x).toBe(COL2);
    expect(find(frames, 'b.2').item.y).toBe(OPENER_TOP + 8);
  });

  it('warns when no break honours the rules', () => {
    // an 15-line heading cannot be kept with what follows in a 12-line column
    const { warnings } = flow(section('a', [heading('h', 15), para('b', 4)], { columns: 2 }));
    expect(warnings.map((w) => w.code)).toContain('FLOW001');
  });
});

describe('headings', () => {
  it('keeps a heading with two lines of what follows and drops its space at the column top', () => {
    const { frames } = flow(section('a', [para('a', 9), heading('h'), para('b', 6)]));
    // 9 lines + space + heading = 110; only one line of b would fit: the heading moves
    const h = find(frames, 'h.0');
    expect([h.item.x, h.item.y]).toEqual([COL2, OPENER_TOP + 8]);
    expect(find(frames, 'b.0').item.y).toBe(OPENER_TOP + L + 8);
  });

  it('keeps the heading space in mid-column', () => {
    const { frames } = flow(section('a', [para('a', 2), heading('h'), para('b', 2)], { columns: 1 }));
    expect(find(frames, 'h.0').item.y).toBe(OPENER_TOP + 3 * L + 8);
  });
});

describe('signature', () => {
  it('takes the last lines of the text along to a new column', () => {
    const sig = { kind: 'signature' as const, name: spec('sig', 2), spaceBeforePt: 0, source: { file: 't', line: 1, column: 1 } };
    // one column of 12 lines: 12 lines fill it; the 20 pt signature must not stand alone at the next top
    const { frames } = flow(section('a', [para('a', 12), sig], { columns: 1 }));
    expect(find(frames, 'sig').page).toBe(4);
    // it takes two lines along (never one: a widow), and page 3 is not shortened further to fill page 4: page 3
    // already runs two lines short, the most a page may (more is a hole; a short last page is the lesser evil)
    expect(find(frames, 'a.10').page).toBe(4);
    expect(find(frames, 'a.9').page).toBe(3);
  });
});
