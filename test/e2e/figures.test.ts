/**
 * End to end: figures.yaml is the single source of truth. Changing one figure in a copy of the bundled report
 * changes every sentence, table cell, fact box, chart (SVG and its text in the PDF) and text alternative that
 * shows it, including derived figures; a broken consistency check stops the build at the check's position.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, isReportError, type BuildResult } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { formatDiagnostic } from '../../src/diag/codeFrame.ts';
import { nl } from '../../src/locale/nl.ts';
import { altText } from '../../src/charts/altText.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { loadReport } from '../../src/load/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { parsePdf, type ParsedPdf } from '../helpers/pdf.ts';

const scratch = mkdtempSync(join(tmpdir(), 'reportpress-figures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the bundled report with one literal edit of figures.yaml (fails when the text is not there exactly once). */
function variant(name: string, from: string, to: string): string {
  const dir = join(scratch, name);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const file = join(dir, 'figures.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text.split(from).length - 1, `"${from}" in figures.yaml`).toBe(1);
  writeFileSync(file, text.replace(from, to));
  return dir;
}

interface Built {
  readonly build: BuildResult;
  readonly pdf: ParsedPdf;
}

async function build(dir: string): Promise<Built> {
  const b = await buildReport({ contentDir: dir });
  return { build: b, pdf: await parsePdf(b.pdf) };
}

const count = (s: string, needle: string): number => s.split(needle).length - 1;
/** Occurrences of a formatted value on each page, as a reader finds them in the PDF text. */
const perPage = (p: ParsedPdf, needle: string): number[] => p.pages.map((pg) => count(pg.items.map((i) => i.str).join(' '), needle));
const total = (p: ParsedPdf, needle: string): number => perPage(p, needle).reduce((a, b) => a + b, 0);
/** Page numbers (1-based) showing a value. */
const pages = (p: ParsedPdf, needle: string): number[] => perPage(p, needle).flatMap((n, i) => (n ? [i + 1] : []));

/** The text items on the baseline of the first item equal to `label` (a table row or a fact-box line). */
function rowOf(p: ParsedPdf, label: string): string[] {
  for (const page of p.pages) {
    const head = page.items.find((i) => i.str.trim() === label);
    if (head) return page.items.filter((i) => Math.abs(i.y - head.y) < 1 && i.str.trim()).map((i) => i.str.trim());
  }
  throw new Error(`no line "${label}" in the PDF`);
}

/** Heights of a chart's bars, in data order, from vega's SVG paths "M x,y h w v h h -w Z". */
function barHeights(svg: string): number[] {
  const marks = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  return [...marks.matchAll(/d="M[-\d.]+,[-\d.]+h[-\d.]+v([-\d.]+)h/g)].map((m) => Number(m[1]));
}

/** The text content of an SVG's text elements. */
const svgTexts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

let base: Built;
beforeAll(async () => {
  base = await build(variant('base', 'figures:', 'figures:'));
});

describe('one figure changed: studie.aanvragen.2020 12310 → 11310', () => {
  let changed: Built;
  beforeAll(async () => {
    changed = await build(variant('studie', '"2020": { value: 12310,', '"2020": { value: 11310,'));
  });

  it('replaces the formatted value everywhere it appeared, as often as it appeared', () => {
    const before = total(base.pdf, '12.310');
    // The paragraph, the jaarcijfers table cell and the chart's bar label at least.
    expect(before).toBeGreaterThanOrEqual(3);
    expect(total(base.pdf, '11.310')).toBe(0);
    expect(total(changed.pdf, '12.310')).toBe(0);
    expect(total(changed.pdf, '11.310')).toBe(before);
    // On the same pages, unless the shorter figure reflowed the text.
    if (changed.pdf.pages.length === base.pdf.pages.length) expect(pages(changed.pdf, '11.310')).toEqual(pages(base.pdf, '12.310'));
  });

  it('recomputes the derived change: 40% lower becomes 45% lower in prose, caption and table', () => {
    // (11310 − 20430) / 20430 = −44,6% → "45%"; two `abs | percent` uses and one `signed | percent` cell.
    expect(total(base.pdf, '40%') - total(changed.pdf, '40%')).toBe(3);
    expect(total(changed.pdf, '45%') - total(base.pdf, '45%')).toBe(3);
    expect(total(base.pdf, '\u221240%')).toBe(1);
    expect(total(changed.pdf, '\u221245%')).toBe(1);
    expect(total(changed.pdf, '\u221240%')).toBe(0);
  });

  it('updates the jaarcijfers table row', () => {
    const before = rowOf(base.pdf, 'Verblijfsaanvragen studie');
    const after = rowOf(changed.pdf, 'Verblijfsaanvragen studie');
    expect(before).toEqual(expect.arrayContaining(['20.430', '12.310']));
    expect(after).toEqual(expect.arrayContaining(['20.430', '11.310']));
    expect(after).not.toContain('12.310');
    expect(rowOf(changed.pdf, 'Verandering ten opzichte van het jaar ervoor')).toContain('\u221245%');
  });

  it('redraws the chart: new bar label and a bar height in proportion to the new value', () => {
    const before = base.build.charts.get('studie')!.svg;
    const after = changed.build.charts.get('studie')!.svg;
    expect(svgTexts(before)).toContain('12.310');
    expect(svgTexts(after)).toContain('11.310');
    expect(svgTexts(after)).not.toContain('12.310');
    const [h2019, h2020] = barHeights(after);
    expect(h2020 / h2019).toBeCloseTo(11310 / 20430, 3);
    expect(barHeights(before)[1] / barHeights(before)[0]).toBeCloseTo(12310 / 20430, 3);
  });

  it('updates the text alternative, the author-given one and the one generated from the data', async () => {
    expect(base.build.charts.get('studie')!.alt).toContain('12.310');
    expect(changed.build.charts.get('studie')!.alt).toContain('11.310');
    expect(changed.build.charts.get('studie')!.alt).not.toContain('12.310');
    // Without the author's alt, the generated one reads the new value from the dataset.
    const source = await loadReport(join(scratch, 'studie'), { diag: createSink() });
    const chart = bindFigures(source, { diag: createSink() }).charts.find((c) => c.id === 'studie')!;
    const generated = altText({ ...chart, alt: undefined }, { language: 'nl-NL', words: nl.words });
    expect(generated).toContain('11.310');
    expect(generated).not.toContain('12.310');
  });

  it('changes nothing else: every other figure of the report is untouched', () => {
    // Figures as the report writes them (grouped thousands, percentages, years); page numbers may move with reflow.
    const figures = (p: ParsedPdf) =>
      p.pages
        .flatMap((pg) => pg.items.map((i) => i.str).join(' ').match(/\d{1,3}(?:\.\d{3})+|\d+%|\d{4,}/g) ?? [])
        .filter((n) => !/^(12|11)\.310$|^4[05]%$/.test(n))
        .sort();
    expect(figures(base.pdf).length).toBeGreaterThan(100);
    expect(figures(changed.pdf)).toEqual(figures(base.pdf));
  });
});

describe('one figure changed: asiel.eerste 13670 → 16670', () => {
  let changed: Built;
  beforeAll(async () => {
    changed = await build(variant('asiel', 'eerste: { value: 13670,', 'eerste: { value: 16670,'));
  });

  it('replaces the value in the paragraph, fact box, caption, table and chart, as often as before', () => {
    const before = total(base.pdf, '13.670');
    expect(before).toBeGreaterThanOrEqual(4);
    expect(total(base.pdf, '16.670')).toBe(0);
    expect(total(changed.pdf, '13.670')).toBe(0);
    expect(total(changed.pdf, '16.670')).toBe(before);
  });

  it('updates the fact box line and the table row', () => {
    const fact = (p: ParsedPdf) => rowOf(p, 'Eerste aanvragen asiel');
    expect(fact(base.pdf)).toContain('13.670');
    expect(fact(changed.pdf)).toContain('16.670');
  });

  it('recomputes the sum asiel.totaal (13.670 + 1.600 + 9.300) in the table and the caption', () => {
    expect(rowOf(base.pdf, 'Totaal asielaanvragen, inclusief nareis')).toContain('24.570');
    expect(rowOf(changed.pdf, 'Totaal asielaanvragen, inclusief nareis')).toContain('27.570');
    expect(total(changed.pdf, '24.570')).toBe(0);
    expect(total(changed.pdf, '27.570')).toBe(total(base.pdf, '24.570'));
  });

  it('redraws the chart with the new value and a longer axis', () => {
    const before = svgTexts(base.build.charts.get('asiel-soorten')!.svg);
    const after = svgTexts(changed.build.charts.get('asiel-soorten')!.svg);
    expect(before).toContain('13.670');
    expect(before).not.toContain('15.000');
    expect(after).toContain('16.670');
    expect(after).toContain('15.000');
    expect(changed.build.charts.get('asiel-soorten')!.alt).toContain('16.670 eerste aanvragen');
  });
});

describe('charts in the PDF', () => {
  it('are vector graphics whose every label is searchable text in an embedded font', () => {
    const all = base.pdf.pages.map((pg) => pg.items.map((i) => i.str).join(' ')).join(' ').replace(/\s+/g, ' ');
    expect(base.build.charts.size).toBe(8);
    for (const [id, chart] of base.build.charts) {
      const labels = svgTexts(chart.svg).map((t) => t.replace(/&amp;/g, '&').trim()).filter(Boolean);
      expect(labels.length, id).toBeGreaterThan(3);
      for (const l of labels) expect(all, `${id}: "${l}"`).toContain(l);
    }
    for (const f of base.pdf.fonts.values()) expect(f.embedded, f.name).toBe(true);
  });
});

describe('consistency checks', () => {
  it('fail the build with the check\'s message at figures.yaml line:column', async () => {
    const dir = variant('check', 'beslissingen: { value: 5970,', 'beslissingen: { value: 9970,');
    const err = await buildReport({ contentDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isReportError(err)).toBe(true);
    if (!isReportError(err)) return;
    expect(err.diagnostics).toHaveLength(1);
    const d = err.diagnostics[0];
    const lines = readFileSync(join(dir, 'figures.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('expect: nareis.beslissingen <= nareis.aanvragen')) + 1;
    const column = lines[line - 1].indexOf('nareis.beslissingen') + 1;
    expect(d.span).toMatchObject({ line, column });
    expect(d.span!.file).toMatch(/figures\.yaml$/);
    const text = formatDiagnostic(d);
    expect(text).toContain(`figures.yaml:${line}:${column}`);
    expect(text).toContain('(9970 <= 9300 is false)');
    expect(text).toContain('er kunnen bij nareis niet meer beslissingen zijn dan aanvragen');
  });
});
