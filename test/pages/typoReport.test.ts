import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/pages/index.ts';
import { dominantPitch, formatTypoReport, pageStats } from '../../src/pages/typoReport.ts';
import { env, para, section, theme } from '../flow/helpers.ts';

const meta = { title: 'J', organisation: 'O', author: 'A', subject: 'S', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: 'd' };

describe('typographic report', () => {
  const doc = paginate([section('a', [para('p', 40)]), section('b', [para('q', 3)])], theme, env, meta);

  it('finds the body leading as the grid pitch', () => {
    expect(dominantPitch(doc)).toBe(10);
  });

  it('counts lines per column and column bottoms', () => {
    const s = pageStats(doc.pages[2]!, 10); // page 3: opener of a, 12 + 12 lines
    expect(s.lines).toEqual([13, 12]); // the opener title counts in the left column
    expect(s.onGrid).toBe(24);
    expect(s.bottoms[0]).toBe(s.bottoms[1]);
  });

  it('flags nearly empty pages and prints one row per page', () => {
    const text = formatTypoReport(doc);
    expect(text.split('\n').filter((l) => /^\s+\(?\d+\)?\s{2}/.test(l))).toHaveLength(doc.pages.length);
    expect(text).toContain('nearly empty pages: none');
    const g = { kind: 'glyphs' as const, x: 20, y: 30, text: 'x', font: 'sans', sizePt: 8, color: '#000', features: [], wordSpacingPt: 0, widthPt: 10 };
    expect(pageStats({ ...doc.pages[3]!, items: [g] }, 10).sparse).toBe(true);
  });
});
