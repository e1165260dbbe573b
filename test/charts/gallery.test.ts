import { writeFileSync, mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderCharts, writeChartFiles } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { GALLERY } from './gallerySpecs.ts';
import { frameWidthPt, loadTestTheme, ROOT, testFonts } from './helpers.ts';
import { pageTexts, pdfFonts, svgPagesToPdf } from './pdfHelpers.ts';
import { parsePdf } from '../helpers/pdf.ts';

/** Count of non-white pixels within `px` of a PNG's edge. */
function inkOnBorder(png: Uint8Array, px: number): number {
  const { width, height, data } = PNG.sync.read(Buffer.from(png));
  let ink = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= px && y >= px && x < width - px && y < height - px) continue;
      const i = (y * width + x) * 4;
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
    }
  }
  return ink;
}

describe('chart gallery: every kind through one pipeline into one PDF', () => {
  it('renders every gallery chart (17 kinds and the issue 11 legends), a map among them, with extractable nl-NL text and only embedded fonts', async () => {
    const diag = createSink();
    const specs = GALLERY.map((g, i) => (i % 3 === 0 ? { ...g.chart, size: 'full' as const } : g.chart));
    const assets = await renderCharts(specs, { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt }, { diag });
    expect([...assets.keys()]).toEqual(specs.map((s) => s.id));
    for (const s of specs) expect(assets.get(s.id)!.widthPt).toBeLessThanOrEqual(frameWidthPt(s.size) + 0.01);

    // Nothing is cut at the chart's edge: the outer 1pt (2 px) of every PNG is background only.
    for (const [id, a] of assets) expect(inkOnBorder(await a.png(), 2), id).toBe(0);

    const warnings: string[] = [];
    const pdf = await svgPagesToPdf([...assets.values()], (m) => warnings.push(m));
    if (process.env.CHART_GALLERY_OUT) {
      mkdirSync(`${ROOT}out`, { recursive: true });
      writeFileSync(`${ROOT}out/chart-gallery.pdf`, pdf);
      await writeChartFiles(assets, `${ROOT}out/chart-gallery`);
    }
    const texts = await pageTexts(pdf);
    expect(texts).toHaveLength(GALLERY.length);
    GALLERY.forEach((g, i) => {
      for (const s of g.expect) expect(texts[i], `page ${i + 1} (${g.chart.id})`).toContain(s);
    });
    // Per page: every text item a reader can extract is set in a font whose program is embedded.
    const parsed = await parsePdf(pdf);
    parsed.pages.forEach((p, i) => {
      const id = GALLERY[i].chart.id;
      expect(p.items.filter((t) => t.str.trim()).length, id).toBeGreaterThan(0);
      for (const t of p.items) expect(parsed.fonts.get(t.fontName)?.embedded, `${id}: "${t.str}"`).toBe(true);
    });
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => /^[A-Z]{6}\+SourceSans3-/.test(f.name))).toBe(true);
    expect(warnings).toEqual([]);
    expect(diag.items.filter((d) => d.severity === "error")).toEqual([]);
    if (process.env.CHART_GALLERY_OUT) console.log(diag.items.map((d) => d.message));
  }, 120_000); // the global budget: 17 vega renders take ≈ 10 s, several times that on a busy 2-core machine
});
