import { describe, expect, it } from 'vitest';
import { cannotFinish, columnNeed } from '../../src/flow/balance.ts';
import { collect } from '../../src/flow/collect.ts';
import { fillPage, isFinished, type FlowSpec, type Region } from '../../src/flow/distribute.ts';
import { box, compose, env, fullChart, heading, L, para, section, table } from './helpers.ts';
import type { Block } from '../../src/style/types.ts';

/** FlowSpec of blocks at the helpers' 90 pt column width on the 10 pt grid. */
function specOf(blocks: Block[]): FlowSpec {
  const { items, notes } = collect(section('a', blocks), { env: { ...env, gridPt: L }, compose, columnWidthPt: 90, fullWidthPt: 190, columns: 2, gridPt: L, tableContinued: '{title}' });
  return { items, notes, gridPt: L, footnoteGapPt: 10 };
}
const start = { next: 0, deferred: [], pageDeferred: [] };
const region: Region = { x: 10, y: 20, width: 190, height: 100, columns: 2, gutter: 10 };

describe('what the columns of a last page must take', () => {
  it('sums the heights of the items left, carried floats in, page-wide floats out', () => {
    // 13 lines of 10 pt and a 30 pt quote; the full-width chart goes across the page top, not into a column
    const spec = specOf([para('a', 13), box('q', 30), fullChart('c', 40)]);
    const need = columnNeed(spec, start);
    expect(need.totalPt).toBe(13 * 10 + 30);
    expect(need.tallestPt).toBe(30);
    expect(need.count).toBe(14);
    // from line 5 on, with the quote carried: 8 lines and the quote
    const q = spec.items.findIndex((it) => it.kind === 'block' && it.span === 'column');
    expect(columnNeed(spec, { next: 5, deferred: [q], pageDeferred: [] }).totalPt).toBe(8 * 10 + 30 + 30);
  });

  it('fails a height only when two columns cannot hold the lines left', () => {
    const need = columnNeed(specOf([para('a', 13)]), start);
    // 2 × 60 = 120 pt < 130 pt of lines: cannot; 2 × 70 = 140 pt: may; 2 × 65 = 130 pt exactly: may
    expect(cannotFinish(need, 60, 2, L)).toBe(true);
    expect(cannotFinish(need, 70, 2, L)).toBe(false);
    expect(cannotFinish(need, 65, 2, L)).toBe(false);
    // one column of 120 pt cannot, of 130 can
    expect(cannotFinish(need, 120, 1, L)).toBe(true);
    expect(cannotFinish(need, 130, 1, L)).toBe(false);
  });

  it('says nothing when an item is taller than the column (it is set alone at a column top anyway)', () => {
    const need = columnNeed(specOf([para('a', 2), box('q', 50)]), start);
    expect(need.totalPt).toBe(70);
    expect(cannotFinish(need, 30, 2, L)).toBe(false);
    expect(cannotFinish(need, 20, 1, L)).toBe(false);
  });

  it('never fails a height at which the page fill finishes', () => {
    const cases: Block[][] = [
      [para('a', 13)],
      [heading('h'), para('a', 7), box('q', 30), para('b', 5)],
      [para('a', 3), table('t', 6), para('b', 4)],
      [para('a', 6), box('q', 20, 10, 10), box('r', 20), para('b', 3)],
    ];
    for (const blocks of cases) {
      const spec = specOf(blocks);
      const need = columnNeed(spec, start);
      for (let lines = 1; lines <= 10; lines++) {
        const fill = fillPage(spec, region, start, { maxTextPt: lines * L });
        if (cannotFinish(need, lines * L, 2, L)) expect(isFinished(spec, fill.state)).toBe(false);
      }
    }
  });
});
