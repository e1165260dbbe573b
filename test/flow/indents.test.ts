import { describe, expect, it } from 'vitest';
import { runFlowWith } from '../../src/flow/runFlow.ts';
import { box, compose, env, fakeBreakLines, find, heading, section, SPAN, spec } from './helpers.ts';
import { theme } from './helpers.ts';
import type { BreakLinesFn } from '../../src/flow/types.ts';
import type { Block, StyledSection } from '../../src/style/types.ts';

// Page 3: columns at x 20 and 120, 12 lines of 10 pt each (see floats.test.ts).
const COL1 = 20;
const COL2 = 120;
const INDENT = 5;

/** The fake breaker, with the first line moved right by the paragraph's indent (as the real one sets it). */
const breakLines: BreakLinesFn = (p) => fakeBreakLines(p).map((l, i) => (i === 0 ? { ...l, runs: l.runs.map((r) => ({ ...r, xPt: r.xPt + p.firstLineIndentPt })) } : l));
const flow = (s: StyledSection) => runFlowWith(compose, [s], theme, { ...env, breakLines }, { firstPageNumber: 3 });

/** A body paragraph of a template that indents, with the indent style gave it from content order. */
const body = (name: string, n: number, indented: boolean): Block => ({
  kind: 'paragraph', para: { ...spec(name, n), firstLineIndentPt: indented ? INDENT : 0 }, spaceBeforePt: 0, spaceAfterPt: 0, indentPt: INDENT, source: SPAN,
});

describe('first-line indents follow the page, not the source', () => {
  it('indents a paragraph that follows a paragraph once the float between them moved to the next column', () => {
    // style: b follows the quote, so no indent; the quote does not fit under a and moves to the right column
    const { frames } = flow(section('a', [body('a', 8, false), box('q', 45), body('b', 6, false), body('c', 30, true)]));
    expect(find(frames, 'q').item.x).toBe(COL2);
    expect(find(frames, 'b.0').item.x).toBe(COL1 + INDENT);
    expect(find(frames, 'b.1').item.x).toBe(COL1);
    // and c, after the rest of b under the quote in the right column, keeps its own
    expect(find(frames, 'c.0').item.x).toBe(COL2 + INDENT);
  });

  it('takes the indent away from a paragraph that a carried float now precedes', () => {
    // a and b fill the left column; the quote, carried to the right column's top, stands right above c
    const { frames } = flow(section('a', [body('a', 8, false), box('q', 45), body('b', 4, false), body('c', 30, true)]));
    expect(find(frames, 'b.3').item.x).toBe(COL1);
    expect(find(frames, 'q').item.x).toBe(COL2);
    expect(find(frames, 'c.0').item.x).toBe(COL2);
  });

  it('keeps the indent of a paragraph that starts a column after a paragraph, and none after a heading', () => {
    const { frames } = flow(section('a', [body('a', 12, false), body('b', 3, true), heading('h'), body('c', 3, false)]));
    expect(find(frames, 'b.0').item.x).toBe(COL2 + INDENT);
    expect(find(frames, 'c.0').item.x).toBe(COL2);
  });
});
