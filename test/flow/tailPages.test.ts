import { describe, expect, it } from 'vitest';
import { collect } from '../../src/flow/collect.ts';
import { fillPage, type FlowSpec, type Region } from '../../src/flow/distribute.ts';
import { hasFloatOnlyColumn, holeLines, hyphenEnds, pageFillRatio } from '../../src/flow/pageScore.ts';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import type { FlowEnv } from '../../src/flow/types.ts';
import { box, compose, env, fakeBreakLines, find, L, para, section, theme } from './helpers.ts';
import type { StyledSection } from '../../src/style/types.ts';

const flow = (s: StyledSection, e: FlowEnv = env) => runFlowWith(compose, [s], theme, e, { firstPageNumber: 3 });
const COL2 = 120;

/** FlowSpec of a section's blocks at the helpers' 90 pt column width. */
function specOf(s: StyledSection): FlowSpec {
  const { items, notes } = collect(s, { env: { ...env, gridPt: L }, compose, columnWidthPt: 90, fullWidthPt: 190, columns: 2, gridPt: L, tableContinued: '{title}' });
  return { items, notes, gridPt: L, footnoteGapPt: 10 };
}
const region: Region = { x: 10, y: 20, width: 190, height: 100, columns: 2, gutter: 10 };

describe('stub last pages', () => {
  it('pulls lines onto a last page that would hold two lines and a quote', () => {
    // 26 lines: page 3 takes 24, the old last page kept a.24–a.25 beside the quote
    const { frames } = flow(section('a', [para('a', 26), box('q', 30)]));
    expect(frames.map((f) => f.number)).toEqual([3, 4]);
    const last = frames[1]!;
    const lines = last.items.filter((p) => p.item.kind === 'glyphs' && /^a\.\d+$/.test(p.item.text)).length;
    expect(lines).toBeGreaterThanOrEqual(5);
    // page 3 stays level: its two columns end on the same baseline
    const p3 = frames[0]!.items.map((p) => p.item).filter((i) => i.kind === 'glyphs' && /^a\./.test(i.text));
    const bottoms = [20, COL2].map((x) => Math.max(...p3.filter((i) => i.kind === 'glyphs' && i.x === x).map((i) => (i as { y: number }).y)));
    expect(bottoms[0]).toBe(bottoms[1]);
  });

  it('leaves a last page alone that is already a third full', () => {
    const { frames } = flow(section('a', [para('a', 24), para('b', 10)]));
    expect(find(frames, 'a.23').page).toBe(3);
    expect(find(frames, 'b.0').page).toBe(4);
  });
});

describe('holding floats for the next page', () => {
  it('sends a held float to the next page while the text flows up', () => {
    const spec = specOf(section('a', [para('a', 4), box('q', 30), para('b', 4)]));
    const q = spec.items.findIndex((it) => it.kind === 'block');
    const plain = fillPage(spec, region, { next: 0, deferred: [], pageDeferred: [] });
    expect(plain.columns[0]!.placements.some((p) => p.index === q)).toBe(true);
    const held = fillPage(spec, region, { next: 0, deferred: [], pageDeferred: [] }, { holdFloats: new Set([q]) });
    const placed = held.columns.flatMap((c) => c.placements.map((p) => p.index));
    expect(placed).not.toContain(q);
    expect(placed).toContain(spec.items.length - 1);
    expect(held.state.deferred).toEqual([q]);
  });
});

describe('page shape', () => {
  it('measures fill, float-only columns and hyphenated column ends', () => {
    const spec = specOf(section('a', [box('q', 40), para('b', 6)]));
    const f = fillPage(spec, region, { next: 0, deferred: [], pageDeferred: [] }, { maxTextPt: 40 });
    expect(hasFloatOnlyColumn(spec, f)).toBe(true);
    expect(pageFillRatio(spec, f, 100)).toBeCloseTo(0.4);
    expect(hyphenEnds(spec, f)).toBe(0);
  });

  it('counts the whole grid lines left under each column', () => {
    // 100 pt columns on a 10 pt grid hold 10 lines: 13 lines leave the second column 7 short
    const spec = specOf(section('a', [para('a', 13)]));
    const f = fillPage(spec, region, { next: 0, deferred: [], pageDeferred: [] });
    expect(holeLines(spec, f, region.height)).toEqual([0, 7]);
    // a page cut 3 lines short holds 7 + 6 of them: 3 and 4 lines left under the columns
    const cut = fillPage(spec, region, { next: 0, deferred: [], pageDeferred: [] }, { cutPt: 3 * L });
    expect(cut.columns.map((c) => c.placements.length)).toEqual([7, 6]);
    expect(holeLines(spec, cut, region.height)).toEqual([3, 4]);
    // a note at the foot of the first column is not a hole: 10 gap + 4 rule gap + one 10 pt line leave 7 lines
    const noted = specOf(section('a', [para('a', 13, [[0, 'n']])], { notes: { n: 1 } }));
    const f2 = fillPage(noted, region, { next: 0, deferred: [], pageDeferred: [] });
    expect(f2.columns.map((c) => c.placements.length)).toEqual([7, 6]);
    expect(holeLines(noted, f2, region.height)).toEqual([0, 4]);
  });
});

describe('balancing around floats and hyphens', () => {
  it('sets text under a float carried to the last page instead of leaving the float alone in its column', () => {
    // the quote does not fit on page 3 and opens page 4; b must start under it in the left column
    const { frames } = flow(section('a', [para('a', 19), box('q', 40), para('b', 6)]));
    expect(find(frames, 'q').page).toBe(4);
    expect(find(frames, 'q').item.x).toBe(10);
    expect(find(frames, 'b.0').item.x).toBe(10);
  });

  it('prefers text under a tall float to the float alone in the left column, even at a greater height', () => {
    // page 4 gets the 60 pt quote and 6 lines: quote | 6 lines would be lower, but reads as a stray float
    const { frames } = flow(section('a', [para('a', 23), box('q', 60), para('b', 6)]));
    expect(find(frames, 'q').page).toBe(4);
    expect(find(frames, 'q').item.x).toBe(10);
    expect(find(frames, 'b.1').item.x).toBe(10);
    expect(find(frames, 'b.2').item.x).toBe(110);
  });

  it('moves the column break one line so the left column does not end mid-word', () => {
    const plain = flow(section('a', [para('p', 10)]));
    expect(find(plain.frames, 'p.4').item.x).toBe(20);
    expect(find(plain.frames, 'p.5').item.x).toBe(COL2);
    const hyphenating: FlowEnv = { ...env, breakLines: (p, w) => fakeBreakLines(p).map((l) => (l.runs[0]!.text === 'p.4' ? { ...l, hyphenated: true } : l)) };
    const { frames } = flow(section('a', [para('p', 10)]), hyphenating);
    expect(find(frames, 'p.5').item.x).toBe(20);
    expect(find(frames, 'p.6').item.x).toBe(COL2);
  });
});
