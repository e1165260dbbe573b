/**
 * The structure plan from hand-written pages: content order beats placement (floats, columns, pages), one
 * marked-content sequence per run of an element's items, artifacts for furniture and untagged decoration,
 * link annotations in their Link elements.
 */
import { describe, expect, it } from 'vitest';
import { asArtifact, content, node } from '../../src/model/tags.ts';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { planStructure, type StructElem } from '../../src/pdf/structure.ts';

const glyphs = (text: string, y: number, tag?: FrameItem['tag']): FrameItem => ({
  kind: 'glyphs', x: 10, y, text, font: 'serif', sizePt: 9, color: '#000000', features: [], wordSpacingPt: 0, widthPt: 50, ...(tag && { tag }),
});
const page = (items: FrameItem[]): Page => ({ widthPt: 200, heightPt: 300, number: 1, master: 'body', textArea: { x: 0, y: 0, width: 200, height: 300 }, items });
const sect = node('Sect', 's');

/** The tree as nested role names; leaves list their MCIDs as "p<page>:<mcid>" and annotations as "annot". */
function shape(e: StructElem): unknown {
  return { [e.node ? `${e.role}:${e.node.key}` : e.role]: e.kids.map((k) => (k.kind === 'elem' ? shape(k.elem) : k.kind === 'mcid' ? `p${k.page}:${k.mcid}` : 'annot')) };
}

describe('structure plan', () => {
  it('builds the tree in content order, not in the order items were placed', () => {
    // page 1 holds a float (block 3) above the end of paragraph 1; paragraph 2 continues on page 2
    const p1 = page([
      glyphs('float', 10, content([sect, node('Div', 'b3')], [0, 3])),
      glyphs('p1 line 2', 40, content([sect, node('P', 'b1')], [0, 1, 1])),
      glyphs('p1 line 1', 30, content([sect, node('P', 'b1')], [0, 1, 0])),
    ]);
    const p2 = page([glyphs('p2', 10, content([sect, node('P', 'b2')], [0, 2]))]);
    const plan = planStructure([p1, p2]);
    expect(shape(plan.root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b1': ['p0:2', 'p0:1'] }, { 'P:b2': ['p1:0'] }, { 'Div:b3': ['p0:0'] }] }] });
  });

  it('reads two columns column by column whatever the item order on the page', () => {
    const P = node('P', 'b0');
    const right = glyphs('right column', 10, content([sect, P], [0, 0, 5]));
    const left = glyphs('left column', 10, content([sect, P], [0, 0, 4]));
    const plan = planStructure([page([right, left])]);
    expect(shape(plan.root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b0': ['p0:1', 'p0:0'] }] }] });
  });

  it('wraps consecutive items of one element in one sequence and every painted item in exactly one', () => {
    const P = content([sect, node('P', 'b0')], [0]);
    const items: FrameItem[] = [
      ...asArtifact([glyphs('Running head', 5)], 'Pagination', 'Header'),
      glyphs('one', 20, P),
      glyphs('two', 30, P),
      { kind: 'anchor', name: 'a', y: 0 },
      { kind: 'rule', x1: 0, y1: 40, x2: 100, y2: 40, color: '#000000', widthPt: 1 },
      ...asArtifact([{ kind: 'rect', x: 0, y: 100, width: 200, height: 200, fill: '#123456' }], 'Background'),
    ];
    const { groups } = planStructure([page(items)]).pages[0]!;
    expect(groups.map((g) => [g.from, g.to])).toEqual([[0, 1], [1, 3], [4, 5], [5, 6]]);
    expect(groups[0]!.mark).toEqual({ artifact: 'Pagination', subtype: 'Header' });
    expect(groups[1]!.mark).toMatchObject({ mcid: 0 });
    // an untagged rule is decoration; a background artifact carries its box in PDF space (y up)
    expect(groups[2]!.mark).toEqual({ artifact: 'Layout' });
    expect(groups[3]!.mark).toEqual({ artifact: 'Background', bbox: [0, 0, 200, 200] });
  });

  it('puts a link annotation into its Link element next to the linked text', () => {
    const link = content([sect, node('P', 'b0'), node('Link', 'l0r1')], [0, 0, 1]);
    const items: FrameItem[] = [
      glyphs('Zie ', 10, content([sect, node('P', 'b0')], [0, 0, 0])),
      glyphs('ind.nl', 10, link),
      { kind: 'link', x: 40, y: 0, width: 30, height: 12, url: 'https://ind.nl', tag: link },
    ];
    const plan = planStructure([page(items)]);
    expect(shape(plan.root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b0': ['p0:0', { 'Link:l0r1': ['p0:1', 'annot'] }] }] }] });
    expect(plan.pages[0]!.annots.get(2)?.role).toBe('Link');
  });

  it('keeps linked text without an annotation (print variant) as a Span, not a Link', () => {
    const link = content([sect, node('P', 'b0'), node('Link', 'l0r0')], [0, 0, 0]);
    const plan = planStructure([page([glyphs('ind.nl', 10, link)])]);
    expect(shape(plan.root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b0': [{ 'Span:l0r0': ['p0:0'] }] }] }] });
  });

  it('one node object under two parents makes two elements; equal paths in other objects make one', () => {
    const para = node('P', 'b0');
    const items: FrameItem[] = [
      glyphs('in sectie a', 10, content([node('Sect', 'a'), para], [0, 0])),
      glyphs('in sectie b', 20, content([node('Sect', 'b'), para], [1, 0])),
      glyphs('weer a, nieuwe objecten', 30, content([node('Sect', 'a'), node('P', 'b0')], [0, 1])),
    ];
    const plan = planStructure([page(items)]);
    expect(shape(plan.root)).toEqual({ Document: [{ 'Sect:a': [{ 'P:b0': ['p0:0', 'p0:2'] }] }, { 'Sect:b': [{ 'P:b0': ['p0:1'] }] }] });
  });

  it('sorts kids stably: equal orders keep the order they were made in, in a list found sorted or not', () => {
    // an oracle by hand: paragraphs b1..b4 of one section; b2 and b3 share an order (made b3 first on page 0), and
    // b4 comes before b1 in content order but is drawn last, so the section's kids need sorting
    const P = (k: string, order: number[]) => content([sect, node('P', k)], order);
    const items: FrameItem[] = [glyphs('b1', 10, P('b1', [0, 2])), glyphs('b3', 20, P('b3', [0, 3])), glyphs('b2', 30, P('b2', [0, 3])), glyphs('b4', 40, P('b4', [0, 1]))];
    expect(shape(planStructure([page(items)]).root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b4': ['p0:3'] }, { 'P:b1': ['p0:0'] }, { 'P:b3': ['p0:1'] }, { 'P:b2': ['p0:2'] }] }] });
    // the same without b4: already in order, the ties kept as made
    expect(shape(planStructure([page(items.slice(0, 3))]).root)).toEqual({ Document: [{ 'Sect:s': [{ 'P:b1': ['p0:0'] }, { 'P:b3': ['p0:1'] }, { 'P:b2': ['p0:2'] }] }] });
  });
});
