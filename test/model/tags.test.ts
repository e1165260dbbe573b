import { describe, expect, it } from 'vitest';
import { within, withinOne } from '../../src/model/tags.ts';
import type { FrameItem, StructNode } from '../../src/model/types.ts';

const sect: StructNode = { role: 'Sect', key: 's1' };
const p: StructNode = { role: 'P', key: '3' };
const outer = { path: [sect], order: [2] };
const glyphs = (tag?: FrameItem['tag']): FrameItem =>
  ({ kind: 'glyphs', ...(tag && { tag }), x: 1, y: 2, text: 'a', font: 'sans', sizePt: 8, color: '#000000', features: [], wordSpacingPt: 0, widthPt: 4 }) as FrameItem;

describe('putting one item under a structure element', () => {
  it('prefixes a content tag with the outer path and order', () => {
    const out = withinOne(glyphs({ path: [p], order: [0, 1] }), outer);
    expect(out.tag).toEqual({ path: [sect, p], order: [2, 0, 1] });
    expect(Object.keys(out)).toEqual(Object.keys(glyphs({ path: [], order: [] })));
  });

  it('makes untagged content direct content of the outer element, and leaves decoration and anchors alone', () => {
    expect(withinOne(glyphs(), outer).tag).toEqual(outer);
    const rect: FrameItem = { kind: 'rect', x: 0, y: 0, width: 1, height: 1, fill: '#000000' } as FrameItem;
    expect(withinOne(rect, outer)).toBe(rect);
    const anchor: FrameItem = { kind: 'anchor', name: 'a', y: 3 };
    expect(withinOne(anchor, outer)).toBe(anchor);
  });

  it('gives what within gives for a list of one', () => {
    const items = [glyphs({ path: [p], order: [5] }), glyphs()];
    expect(items.map((i) => withinOne(i, outer))).toEqual(within(items, outer));
  });
});
