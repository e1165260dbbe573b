import { describe, expect, it } from 'vitest';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import { box, compose, env, find, heading, para, section, table, theme } from './helpers.ts';
import type { FrameItem } from '../../src/model/types.ts';
import type { StyledSection } from '../../src/style/types.ts';

const flow = (...sections: StyledSection[]) => runFlowWith(compose, sections, theme, env, { firstPageNumber: 3 });
const COL2 = 120;
const TOP = 60;

describe('balanced last page', () => {
  it('splits a short article evenly over both columns', () => {
    const { frames } = flow(section('a', [para('p', 10)]));
    expect(find(frames, 'p.4').item.x).toBe(20);
    expect(find(frames, 'p.5').item.x).toBe(COL2);
    expect(find(frames, 'p.5').item.y).toBe(TOP + 8);
  });

  it('keeps the left column the longer one and honours widows', () => {
    const { frames } = flow(section('a', [para('p', 7)]));
    expect(find(frames, 'p.3').item.x).toBe(20);
    expect(find(frames, 'p.4').item.x).toBe(COL2);
  });

  it('balances only the last page of a long article', () => {
    const { frames } = flow(section('a', [para('p', 40)]));
    // page 3 full (12 + 12); page 4 holds 16 lines: 8 + 8
    expect(find(frames, 'p.23').item.x).toBe(COL2);
    expect(find(frames, 'p.31').item.x).toBe(10);
    expect(find(frames, 'p.32').item.x).toBe(110);
    expect(find(frames, 'p.32').item.y).toBe(40 + 8);
  });

  it('leaves one-column sections alone', () => {
    const { frames } = flow(section('a', [para('p', 6)], { columns: 1 }));
    expect(find(frames, 'p.5').item.x).toBe(20);
  });
});

describe('nothing outside the text area', () => {
  const inside = (it: FrameItem, a: { x: number; y: number; width: number; height: number }): boolean => {
    const e = 0.01;
    switch (it.kind) {
      case 'glyphs':
        return it.x >= a.x - e && it.x + it.widthPt <= a.x + a.width + e && it.y > a.y && it.y <= a.y + a.height + e;
      case 'rule':
        return Math.min(it.x1, it.x2) >= a.x - e && Math.max(it.x1, it.x2) <= a.x + a.width + e && it.y1 >= a.y - e && it.y2 <= a.y + a.height + e;
      case 'anchor':
        return it.y >= a.y - e;
      default:
        return it.x >= a.x - e && it.x + it.width <= a.x + a.width + e && it.y >= a.y - e && it.y + it.height <= a.y + a.height + e;
    }
  };

  it('keeps every item of a mixed document inside its page text area', () => {
    const blocks = [para('a', 17), heading('h'), box('q', 45), para('b', 23, [[3, 'n']]), table('t', 25), box('r', 70), para('c', 9)];
    const { frames, warnings } = flow(section('s', blocks, { notes: { n: 3 }, label: 'Artikel' }), section('u', blocks, { kind: 'appendix', columns: 1, notes: { n: 1 } }));
    expect(frames.length).toBeGreaterThan(4);
    expect(warnings).toEqual([]);
    for (const f of frames) for (const p of f.items) expect(inside(p.item, f.textArea), `${f.number} ${JSON.stringify(p.item)}`).toBe(true);
  });

  it('keeps body lines of both columns on one baseline grid after headings, boxes and tables', () => {
    const blocks = [para('a', 17), heading('h'), box('q', 45, 6.6, 13.2), para('b', 23), table('t', 25), box('r', 73, 6.6, 13.2), para('c', 9)];
    const { frames } = flow(section('s', blocks));
    const body = frames.flatMap((f) => f.items.map((p) => p.item)).filter((i) => i.kind === 'glyphs' && /^[abc]\.\d+$/.test(i.text));
    expect(body.length).toBe(49);
    // region tops (60 on openers, 40 on continuation pages) are whole grid lines; ascent is 8
    for (const g of body) if (g.kind === 'glyphs') expect(((g.y - 8) % 10 + 10) % 10, g.text).toBeCloseTo(0);
  });
});

describe('last page never holds a float alone', () => {
  it('shortens the page before so that text comes along', () => {
    // 24 lines fill page 3 exactly; the box would sit alone on page 4
    const { frames } = flow(section('a', [para('a', 24), box('q', 45)]));
    expect(frames.map((f) => f.number)).toEqual([3, 4]);
    expect(find(frames, 'q').page).toBe(4);
    // both columns of page 3 lose two lines (level bottoms; more would be a hole): 4 lines go with the box
    expect(find(frames, 'a.9').item.x).toBe(20);
    expect(find(frames, 'a.10').item.x).toBe(COL2);
    expect(find(frames, 'a.19').item.x).toBe(COL2);
    expect(find(frames, 'a.19').page).toBe(3);
    expect(find(frames, 'a.20').page).toBe(4);
  });

  it('keeps a full page when the last page already has enough text', () => {
    const { frames } = flow(section('a', [para('a', 24), box('q', 45), para('b', 6)]));
    expect(find(frames, 'a.23').page).toBe(3);
  });
});
