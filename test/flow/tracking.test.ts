import { describe, expect, it } from 'vitest';
import { trackLines } from '../../src/flow/tracking.ts';
import { lineItems } from '../../src/flow/translate.ts';
import type { GlyphRun, Line } from '../../src/text/types.ts';

const run = (text: string, xPt: number, widthPt: number): GlyphRun => ({ text, xPt, widthPt, font: 'sans', sizePt: 8, color: '#000', features: [], wordSpacingPt: 0 });
const line: Line = { runs: [run('EERSTE ', 0, 30), run('ARTIKEL', 30, 32)], widthPt: 62, ascentPt: 8, descentPt: 2, heightPt: 10, hyphenated: false };

describe('trackLines', () => {
  it('widens each run by its characters × tracking and moves later runs right', () => {
    const [t] = trackLines([line], 0.5);
    expect(t!.runs[0]).toMatchObject({ xPt: 0, widthPt: 30 + 7 * 0.5, letterSpacingPt: 0.5 });
    expect(t!.runs[1]!.xPt).toBeCloseTo(30 + 3.5);
    // no trailing spacing after the last character: ink width only
    expect(t!.runs[1]!.widthPt).toBeCloseTo(32 + 6 * 0.5);
    expect(t!.widthPt).toBeCloseTo(62 + 13 * 0.5);
  });

  it('leaves lines alone without tracking and passes the spacing on to the glyph items', () => {
    expect(trackLines([line], 0)[0]).toBe(line);
    const items = lineItems(trackLines([line], 0.8)[0]!, 10, 0);
    expect(items.every((i) => i.kind === 'glyphs' && i.letterSpacingPt === 0.8)).toBe(true);
    expect(lineItems(line, 10, 0).some((i) => i.kind === 'glyphs' && 'letterSpacingPt' in i)).toBe(false);
  });
});
