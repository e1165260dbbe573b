import { describe, expect, it } from 'vitest';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import { box, compose, env, find, fullChart, heading, L, para, section, spec, theme } from './helpers.ts';
import type { StyledSection } from '../../src/style/types.ts';

// Page 3: columns at x 20 and 120, body region from y 60, 12 lines of 10 pt (see flowLines.test.ts).
const flow = (...sections: StyledSection[]) => runFlowWith(compose, sections, theme, env, { firstPageNumber: 3 });
const COL2 = 120;
const TOP = 60;
const rectAt = (frames: ReturnType<typeof flow>['frames'], page: number, x: number, w?: number) =>
  frames.find((f) => f.number === page)!.items.map((p) => p.item).filter((i) => i.kind === 'rect' && i.x === x && (w === undefined || i.width === w));

describe('boxes float to the next column and text fills the hole', () => {
  const doc = flow(section('a', [para('a', 8), box('q', 45), para('b', 6), para('c', 30)]));

  it('moves the box to the top of the next column', () => {
    const q = find(doc.frames, 'q');
    expect([q.page, q.item.x, q.item.y]).toEqual([3, COL2, TOP + 8]);
  });

  it('lets the following text fill the left column', () => {
    expect(find(doc.frames, 'b.3').item.x).toBe(20);
    expect(find(doc.frames, 'b.3').item.y).toBe(TOP + 11 * L + 8);
  });

  it('puts text after the box back on the baseline grid', () => {
    // box 45 pt rounds up to 50
    expect(find(doc.frames, 'b.4').item.y).toBe(TOP + 50 + 8);
  });

  it('lists the box in content order among the page items', () => {
    const q = find(doc.frames, 'q').index;
    expect(q).toBeGreaterThan(find(doc.frames, 'a.7').index);
    expect(q).toBeLessThan(find(doc.frames, 'b.0').index);
  });

  it('keeps two floats in their order', () => {
    const d = flow(section('a', [para('a', 8), box('q1', 45), box('q2', 20), para('b', 6), para('c', 30)]));
    const [q1, q2] = [find(d.frames, 'q1'), find(d.frames, 'q2')];
    expect([q1.item.x, q2.item.x]).toEqual([COL2, COL2]);
    expect(q2.item.y).toBeGreaterThan(q1.item.y);
  });

  it('does not strand a heading above a box that floats', () => {
    const d = flow(section('a', [para('a', 10), heading('h'), box('q', 45), para('c', 30)]));
    expect(find(d.frames, 'h.0').item.x).toBe(COL2);
    expect(find(d.frames, 'q').item.y).toBeGreaterThan(find(d.frames, 'h.0').item.y);
  });

  it('places a full-width chart across the columns at the next page top', () => {
    const d = flow(section('a', [para('a', 5), fullChart('fc', 50), para('b', 40)]));
    const fc = find(d.frames, 'fc');
    expect([fc.page, fc.item.x, fc.item.y]).toEqual([4, 10, 40 + 8]);
    expect(rectAt(d.frames, 4, 10, 190)).toHaveLength(1);
    // the text of page 4 starts below the chart, on the grid
    const first = d.frames[1]!.items.map((p) => p.item).find((i) => i.kind === 'glyphs' && i.text.startsWith('b.'));
    expect(first && first.kind === 'glyphs' ? first.y : 0).toBe(40 + 50 + 8);
  });
});

describe('footnotes', () => {
  const doc = flow(section('a', [para('a', 11, [[10, 'n1']]), para('c', 30)], { notes: { n1: 2 } }));

  it('moves the referencing line to the next column when its note does not fit', () => {
    expect(find(doc.frames, 'a.8').item.x).toBe(20);
    // a.10 cannot go alone (widow): a.9 and a.10 move
    expect(find(doc.frames, 'a.9').item.x).toBe(COL2);
    expect(find(doc.frames, 'a.10').item.x).toBe(COL2);
  });

  it('sets the note at the bottom of the same column, below a short rule', () => {
    const n0 = find(doc.frames, 'note-n1.0');
    const n1 = find(doc.frames, 'note-n1.1');
    expect([n0.page, n0.item.x]).toEqual([3, COL2]);
    expect(n1.item.y).toBe(TOP + 120 - 2); // last note line ends at the region bottom
    const rule = doc.frames[0]!.items.map((p) => p.item).find((i) => i.kind === 'rule' && i.x1 === COL2);
    expect(rule && rule.kind === 'rule' ? rule.y1 : 0).toBe(TOP + 120 - 24);
  });

  it('shrinks the column so text stays above the notes', () => {
    // 120 − (10 gap + 4 + 20 note) leaves 86 pt: 8 lines in the right column
    expect(find(doc.frames, 'c.5').item.x).toBe(COL2);
    expect(find(doc.frames, 'c.6').page).toBe(4);
  });

  it('raises the reference marker', () => {
    const marker = doc.frames[0]!.items.map((p) => p.item).find((i) => i.kind === 'glyphs' && i.text === '1');
    expect(marker && marker.kind === 'glyphs' ? marker.y : 0).toBe(find(doc.frames, 'a.10').item.y - 3);
  });
});

describe('footnotes referenced in the lead', () => {
  it('sets them at the bottom of the first column of the opener page', () => {
    // opener: title 20 + 8 + lead 20 + rule gaps 20 = 68 → 70; region 90; the note takes 34 → 5 lines fit
    const doc = flow(section('a', [para('a', 30)], { notes: { n: 2 }, lead: spec('lead', 2, [[1, 'n']]) }));
    const note = find(doc.frames, 'note-n.1');
    expect([note.page, note.item.x, note.item.y]).toEqual([3, 20, 180 - 2]);
    expect(find(doc.frames, 'a.4').item.x).toBe(20);
    expect(find(doc.frames, 'a.5').item.x).toBe(COL2);
  });
});
