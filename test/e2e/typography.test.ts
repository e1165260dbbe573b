/**
 * End to end, issue 3: builds the bundled report and runs the typographic report on it. Zero targets (overfull
 * lines, widows, orphans, runs of more than two hyphenated lines, a paragraph ending in a word fragment) and the word-space targets of justified lines
 * (p95 ≤ 1.5×, max ≤ 2× the natural space); the PDF draws every justified line exactly as wide as laid out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { dominantPitch, formatTypoReport, typoReport, type TypoReport } from '../../src/pages/typoReport.ts';
import { parsePdf, type ParsedPdf } from '../helpers/pdf.ts';

let build: BuildResult;
let report: TypoReport;
let pdf: ParsedPdf;

beforeAll(async () => {
  build = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
  report = typoReport(build.document);
  pdf = await parsePdf(build.pdf);
});

describe('typography of the bundled report', () => {
  it('has no overfull lines, widows, orphans or runs of more than two hyphenated lines', () => {
    const summary = formatTypoReport(build.document).split('\npages:')[0];
    expect(report.lines, summary).toBeGreaterThan(800);
    expect(report.hyphenated, summary).toBeGreaterThan(0);
    expect(report.overfull, summary).toBe(0);
    expect(report.widows, summary).toBe(0);
    expect(report.orphans, summary).toBe(0);
    expect(report.hyphenRunsOver, summary).toBe(0);
    expect(report.longestHyphenRun, summary).toBeLessThanOrEqual(2);
    expect(report.hyphensBeforeLast, summary).toBe(0);
  });

  it('sets the foreword as a letter in its own larger style, on its own grid, filling its first page', () => {
    const pages = report.pages.filter((p) => p.master === 'foreword');
    const fw = build.document.pages.filter((p) => p.master === 'foreword');
    expect(pages.length).toBe(2);
    const sizes = new Set(fw.flatMap((p) => p.items.flatMap((i) => (i.kind === 'glyphs' && i.font.startsWith('serif') ? [i.sizePt] : []))));
    expect([...sizes]).toEqual([10.5]);
    // 14.8 pt baselines in both columns; the first page ends no more than a line above its foot.
    for (const p of fw) expect(dominantPitch({ ...build.document, pages: [p] })).toBe(14.8);
    for (const p of pages) expect(p.onGrid / p.baselines).toBeGreaterThan(0.9);
    const area = fw[0]!.textArea.height;
    expect(Math.max(...pages[0]!.bottoms)).toBeGreaterThan(area - 2 * 14.8);
    expect(Math.max(...pages[1]!.bottoms)).toBeGreaterThan(area * 0.35); // and the second page is no stub
  });

  it('keeps justified word spaces near the natural space: p95 ≤ 1.5×, max ≤ 2×', () => {
    const { spacing } = report;
    expect(spacing.lines).toBeGreaterThan(400);
    expect(spacing.p95).toBeLessThanOrEqual(1.5);
    expect(spacing.max).toBeLessThanOrEqual(2 + 1e-9);
    expect(spacing.median).toBeGreaterThan(0.9);
    expect(report.problems.filter((p) => p.kind === 'loose')).toEqual([]);
  });

  it('draws each single-run justified line as wide as it was laid out (word spacing and glyph scaling)', () => {
    let checked = 0;
    build.document.pages.forEach((page, i) => {
      const items = pdf.pages[i]!.items;
      for (const g of page.items) {
        if (g.kind !== 'glyphs' || g.line?.spaceRatio === undefined) continue;
        const drawn = items.find((t) => t.str === g.text && Math.abs(t.x - g.x) < 0.01 && Math.abs(t.y - g.y) < 0.5);
        if (!drawn) continue;
        expect(drawn.x + drawn.width, g.text).toBeCloseTo(g.x + g.widthPt, 1);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(300);
  });
});
