/**
 * The opener's parts and a contents entry's lines stand in the template's order (opener.order, contents.entry).
 * Oracle: arithmetic on the fake theme's numbers (test/flow/helpers.ts): kicker 1 line of 10 pt, title 1 line of
 * 20 pt, lead 2 lines of 10 pt, kickerGap 4, titleGap 8, rule gap 10, grid 10; a line's baseline 0.8 of its leading
 * below its top.
 */
import { describe, expect, it } from 'vitest';
import { openerHead } from '../../src/flow/opener.ts';
import { tocPages } from '../../src/pages/toc.ts';
import { isContent } from '../../src/model/tags.ts';
import type { FrameItem } from '../../src/model/types.ts';
import type { ResolvedTheme } from '../../src/spec/theme.ts';
import { env, L, section, spec, theme } from './helpers.ts';

const AREA = { x: 20, y: 20, width: 190, height: 160 };
const withOrder = (order: ResolvedTheme['opener']['order']): ResolvedTheme => ({ ...theme, opener: { ...theme.opener, order } });
const glyphs = (items: readonly FrameItem[]) => items.filter((i): i is Extract<FrameItem, { kind: 'glyphs' }> => i.kind === 'glyphs');
/** Baseline of the glyph run whose text starts with `name`. */
const baseline = (items: readonly FrameItem[], name: string) => glyphs(items).find((g) => g.text.startsWith(name))?.y;
const ruleY = (items: readonly FrameItem[]) => items.find((i): i is Extract<FrameItem, { kind: 'rule' }> => i.kind === 'rule')?.y1;
/** The structure elements of the opener's glyphs in reading (content) order. */
const readingOrder = (items: readonly FrameItem[]) =>
  glyphs(items)
    .flatMap((g) => (isContent(g.tag) ? [g.tag] : []))
    .sort((a, b) => a.order[1]! - b.order[1]!)
    .map((t) => t.path[0]!.key);

const s = section('a1', [], { label: 'Eerste artikel', lead: spec('lead', 2) });

describe('opener order (template opener.order)', () => {
  it('default kicker, title, lead, rule: each under the one before with its gap', () => {
    const h = openerHead(s, AREA, theme, env, L);
    expect(baseline(h.items, 'K-a1')).toBeCloseTo(20 + 8);
    expect(baseline(h.items, 'T-a1')).toBeCloseTo(20 + 10 + 4 + 16);
    expect(baseline(h.items, 'lead.0')).toBeCloseTo(20 + 10 + 4 + 20 + 8 + 8);
    expect(ruleY(h.items)).toBeCloseTo(20 + 10 + 4 + 20 + 8 + 20 + 10);
    expect(h.heightPt).toBe(90); // 82 snapped up to the 10 pt grid
    expect(readingOrder(h.items)).toEqual(['kicker', 'title', 'lead', 'lead']);
  });

  it('title above the kicker: the title\'s gap under the title, the kicker\'s under the kicker, read in that order', () => {
    const h = openerHead(s, AREA, withOrder(['title', 'kicker', 'lead', 'rule']), env, L);
    expect(baseline(h.items, 'T-a1')).toBeCloseTo(20 + 16);
    expect(baseline(h.items, 'K-a1')).toBeCloseTo(20 + 20 + 8 + 8);
    expect(baseline(h.items, 'lead.0')).toBeCloseTo(20 + 20 + 8 + 10 + 4 + 8);
    expect(ruleY(h.items)).toBeCloseTo(20 + 20 + 8 + 10 + 4 + 20 + 10);
    expect(readingOrder(h.items)).toEqual(['title', 'kicker', 'lead', 'lead']);
  });

  it('a rule above the title and no lead: parts left out of the order are not drawn; a blank grid line closes the opener', () => {
    const h = openerHead(s, AREA, withOrder(['kicker', 'rule', 'title']), env, L);
    expect(baseline(h.items, 'K-a1')).toBeCloseTo(20 + 8);
    expect(ruleY(h.items)).toBeCloseTo(20 + 10 + 10);
    expect(baseline(h.items, 'T-a1')).toBeCloseTo(20 + 10 + 20 + 16);
    expect(baseline(h.items, 'lead.0')).toBeUndefined();
    expect(h.heightPt).toBe(10 + 10 + 10 + 20 + 10); // kicker, rule gap, rule gap, title, blank grid line
  });
});

describe('contents entry order (template contents.entry)', () => {
  const sections = [section('a1', [], { label: 'Eerste artikel' })];
  const entry = (order: ResolvedTheme['contents']['entry']) => {
    const page = tocPages(sections, { ...theme, contents: { ...theme.contents, entry: order } }, env, new Map([['a1', 3]]))[0]!;
    const top = page.textArea.y + 20 + 2 * 20; // the contents title (one 20 pt line) and two of its leadings
    return { page, top };
  };

  it('default label above title, the page number on the title\'s baseline', () => {
    const { page, top } = entry(['label', 'title']);
    expect(baseline(page.items, 'EERSTE')).toBeCloseTo(top + 6.4);
    expect(baseline(page.items, 'Title a1')).toBeCloseTo(top + 8 + 2 + 8);
    expect(glyphs(page.items).find((g) => g.text === '3')?.y).toBeCloseTo(top + 8 + 2 + 8);
  });

  it('title above label: the label under it after labelGap, the number still on the title', () => {
    const { page, top } = entry(['title', 'label']);
    expect(baseline(page.items, 'Title a1')).toBeCloseTo(top + 8);
    expect(baseline(page.items, 'EERSTE')).toBeCloseTo(top + 10 + 2 + 6.4);
    expect(glyphs(page.items).find((g) => g.text === '3')?.y).toBeCloseTo(top + 8);
  });
});
