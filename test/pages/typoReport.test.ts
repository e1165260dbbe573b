import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/pages/index.ts';
import { documentLines, dominantPitch, formatTypoReport, pageStats, typoReport } from '../../src/pages/typoReport.ts';
import type { FrameItem, LineTag, Page, PagedDocument } from '../../src/model/types.ts';
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

/** A glyph run on a baseline; `tag` makes it the first run of a set line. */
const glyph = (x: number, y: number, text: string, tag?: Partial<LineTag>, line = 1): FrameItem => ({
  kind: 'glyphs', x, y, text, font: 'serif', sizePt: 9, color: '#000', features: [], wordSpacingPt: 0, widthPt: 100,
  source: { file: 'sections/a.yaml', line, column: 8 },
  ...(tag && { line: { hyphenated: false, overfull: false, offsetPt: 0, ...tag } }),
});
const page = (number: number, items: FrameItem[]): Page => ({
  widthPt: 500, heightPt: 700, number, master: 'body', textArea: { x: 50, y: 50, width: 400, height: 600 }, items,
});
const docOf = (pages: Page[]): PagedDocument => ({ pages, outline: [], meta: { ...meta, keywords: [] }, fonts: {} });
/** Lines of paragraph `para` (count lines) at x, from y = 60 down, starting at line index `from`. */
const lines = (x: number, para: number, count: number, from: number, n: number, extra: (i: number) => Partial<LineTag> = () => ({})): FrameItem[] =>
  Array.from({ length: n }, (_, k) => glyph(x, 60 + 12 * k, `p${para}.${from + k}`, { para, index: from + k, count, ...extra(from + k) }, para));

describe('line facts of the typographic report', () => {
  it('flow lines are tagged by layout: every body line counted, a paragraph across columns is no problem', () => {
    const doc = paginate([section('a', [para('p', 40)]), section('b', [para('q', 3)])], theme, env, meta);
    const r = typoReport(doc);
    const tagged = doc.pages.flatMap((p) => p.items.filter((i) => i.kind === 'glyphs' && i.line?.para !== undefined));
    expect(tagged.length).toBe(43);
    expect(r.lines).toBeGreaterThanOrEqual(43);
    expect([r.widows, r.orphans, r.overfull, r.hyphensAtBreak]).toEqual([0, 0, 0, 0]);
  });

  it('finds widows, orphans and hyphens across a column break, at the right line', () => {
    const d = docOf([
      page(1, [
        ...lines(50, 0, 3, 0, 3),
        ...lines(50, 1, 4, 0, 1), // paragraph 1 starts at the column foot: orphan
        ...lines(260, 1, 4, 1, 2, (i) => ({ hyphenated: i === 2 })), // its last line goes to the next page: widow
      ]),
      page(2, [...lines(50, 1, 4, 3, 1), ...lines(50, 2, 2, 0, 2)]),
    ]);
    const r = typoReport(d);
    expect(r.orphans).toBe(1);
    expect(r.widows).toBe(1);
    expect(r.hyphensAtBreak).toBe(1);
    expect(r.hyphensBeforeLast).toBe(1); // "p1.2" ends hyphenated and only "p1.3" follows
    const byKind = Object.fromEntries(r.problems.map((p) => [p.kind, p]));
    expect(byKind.orphan).toMatchObject({ page: 1, text: 'p1.0', source: { line: 1 } });
    expect(byKind.widow).toMatchObject({ page: 2, text: 'p1.3' });
    expect(byKind['hyphen-at-break']).toMatchObject({ page: 1, text: 'p1.2' });
    expect(formatTypoReport(d)).toMatch(/widow +sections\/a\.yaml:1:8 +p\.2 /);
  });

  it('counts hyphen runs, overfull lines and the word-space distribution of justified lines', () => {
    const ratios = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 2.3];
    const d = docOf([
      page(1, [
        ...lines(50, 0, 10, 0, 10, (i) => ({ hyphenated: i >= 2 && i <= 4, spaceRatio: ratios[i], overfull: i === 7 })),
        // a box line (no paragraph position) and a run continuing a tagged line are not lines of their own
        glyph(50, 200, 'kader', { spaceRatio: 1 }),
        glyph(160, 200, ' vervolg'),
      ]),
    ]);
    const r = typoReport(d);
    expect(r.lines).toBe(11);
    expect(r.hyphenated).toBe(3);
    expect(r.longestHyphenRun).toBe(3);
    expect(r.hyphenRunsOver).toBe(1);
    expect(r.overfull).toBe(1);
    expect(r.spacing).toEqual({ lines: 11, median: 1.4, p95: 2.3, max: 2.3 });
    expect(r.problems.map((p) => p.kind).sort()).toEqual(['hyphen-run', 'loose', 'overfull']);
    expect(r.problems.find((p) => p.kind === 'loose')?.text).toBe('p0.9');
    expect(documentLines(d).map((l) => l.text)).toContain('kader vervolg');
  });
});

