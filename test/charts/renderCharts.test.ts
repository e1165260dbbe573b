import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCharts, renderCharts, writeChartFiles } from '../../src/charts/index.ts';
import { GALLERY } from './gallerySpecs.ts';
import { outlineText } from '../../src/charts/outlineText.ts';
import { outlinesReady } from '../../src/fonts/shaper.ts';
import { isReportError } from '../../src/diag/errors.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { createSink } from '../../src/diag/sink.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';
import { formatNumber } from '../../src/bind/formatters.ts';

const theme = loadTestTheme().chart;
/** The tests' build session: renders are cached in it, and cleared where a test needs a fresh render. */
const session = createBuildContext();
const opts = { theme, fonts: testFonts(), frameWidthPt, build: session };
const studie = chart(
  'studie',
  { mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal', title: 'Jaar' }, y: { field: 'aanvragen', type: 'quantitative', title: 'Aanvragen' } } },
  [
    { jaar: '2019', aanvragen: 20430 },
    { jaar: '2020', aanvragen: 12310 },
  ],
);
const daily = chart('dag', { mark: 'line', encoding: { x: { field: 'd', type: 'temporal', title: null }, y: { field: 'n', type: 'quantitative', title: null } } }, [
  { d: '2020-03-01', n: -1500.5 },
  { d: '2020-05-01', n: 2500 },
]);

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const b = Buffer.from(png);
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
};


// glyph outlines come from harfbuzzjs, loaded on demand (fonts/shaper.ts)
beforeAll(outlinesReady);
describe('renderCharts', () => {
  it('writes axis labels in nl-NL notation as text in the theme font, sized to the frame', async () => {
    const a = (await renderCharts([studie, { ...daily, size: 'full' }], opts, { diag: createSink() }));
    const s = a.get('studie')!;
    expect(s.widthPt).toBeCloseTo(frameWidthPt('column'), 1);
    expect(s.heightPt).toBeCloseTo(Math.round(frameWidthPt('column') * theme.aspect), 1);
    expect(s.svg).toMatch(/<text[^>]*font-family="Source Sans 3"[^>]*>20\.000<\/text>/);
    expect(s.svg).toContain('>2019</text>');
    expect(s.svg).not.toContain('20,000');
    expect(s.alt).toBe('Staafdiagram: aanvragen per jaar. 2019: 20.430, 2020: 12.310.');
    const d = a.get('dag')!;
    expect(d.widthPt).toBeCloseTo(frameWidthPt('full'), 1);
    expect(d.svg).toContain('>1 maart</text>');
    // The same typographic minus (U+2212) and "." thousands as the report's text, and the font has the glyph.
    expect(d.svg).toContain(`>${formatNumber(-1000)}</text>`);
    expect(formatNumber(-1000)).toBe('\u22121.000');
    expect(testFonts().face(theme.fontKeys.normal).hasGlyphForCodePoint(0x2212)).toBe(true);
  });

  it('draws the same date axis in every time zone', async () => {
    const saved = process.env.TZ;
    const svgs: string[] = [];
    try {
      for (const tz of ['UTC', 'Europe/Amsterdam', 'America/New_York']) {
        process.env.TZ = tz; // Node re-reads TZ on assignment
        session.clear('chartRenders'); // render each time, not from the cache
        svgs.push((await renderCharts([daily], opts, { diag: createSink() })).get('dag')!.svg);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(svgs[0]).toContain('>1 maart</text>');
    expect(svgs[1]).toBe(svgs[0]);
    expect(svgs[2]).toBe(svgs[0]);
  });

  it('makes a PNG at twice the placed size, byte-identical on a second run', async () => {
    const fresh = () => (session.clear('chartRenders'), renderCharts([studie], opts, { diag: createSink() }));
    const [a, b] = [await fresh(), await fresh()];
    const s = a.get('studie')!;
    const png = await s.png();
    expect(pngSize(png)).toEqual({ w: Math.round(s.widthPt * 2), h: Math.round(s.heightPt * 2) });
    expect(Buffer.from(png).equals(Buffer.from(await b.get('studie')!.png()))).toBe(true);
    expect(s.svg).toBe(b.get('studie')!.svg);
  });

  it('turns every text into glyph outlines before rasterising, so no system font is involved', async () => {
    const s = (await renderCharts([studie], opts, { diag: createSink() })).get('studie')!;
    const texts = s.svg.match(/<text\b/g)!.length;
    const outlined = outlineText(s.svg, testFonts(), theme.fontKeys);
    expect(outlined).not.toContain('<text');
    expect(outlined.match(/<path[^>]*fill="#3b4650"[^>]*d="M/g)!.length).toBe(texts);
  });

  it('numbers a chart\'s gradients from 0 whatever the process drew before, so its SVG is the same in a watch session and a one-shot build', async () => {
    const heat = GALLERY.find((g) => g.chart.id === 'warmtekaart')!.chart;
    const once = async () => (await renderCharts([heat], { theme, fonts: testFonts(), frameWidthPt }, { diag: createSink() })).get('warmtekaart')!.svg;
    const first = await once();
    const second = await once(); // no build context: rendered again, after the first render's gradient
    expect(first).toContain('url(#gradient_0)');
    expect(second).toBe(first);
  });

  it('throws a ReportError for a spec vega-lite cannot compile', async () => {
    const bad = chart('bad', { facet: 5, spec: { mark: 'bar' } }, [{ a: 1 }]);
    const err = await renderCharts([bad], opts, { diag: createSink() }).catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => d.code)).toEqual(['CHART108']);
  });

  it('refuses an unknown mark before compiling (vega-lite would fail on it without saying where)', async () => {
    const bad = chart('bad', { mark: 'nonsense' }, [{ a: 1 }]);
    const err = await renderCharts([bad], opts, { diag: createSink() }).catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => d.code)).toEqual(['CHART116']);
  });

  it('returns an empty map without loading vega when there are no charts', async () => {
    expect((await renderCharts([], opts, { diag: createSink() })).size).toBe(0);
  });

  it('writes <id>.svg and <id>.png', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charts-'));
    try {
      const a = await renderCharts([studie], opts, { diag: createSink() });
      await writeChartFiles(a, dir);
      expect(readdirSync(dir).sort()).toEqual(['studie.png', 'studie.svg']);
      expect(readFileSync(join(dir, 'studie.svg'), 'utf8')).toBe(a.get('studie')!.svg);
      // An id cannot write outside the folder.
      const evil = new Map([['../evil', { ...a.get('studie')!, id: '../evil' }]]);
      expect((await writeChartFiles(evil, dir)).map((p) => p.slice(dir.length + 1))).toEqual(['__evil.svg', '__evil.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderCharts composite views', () => {
  it('scales a concat wider than the frame down to it, with a warning', async () => {
    const part = { width: 200, height: 80, mark: 'bar', encoding: { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'aanvragen', type: 'quantitative' } } };
    const wide = chart('wide', { data: { name: 'd' }, hconcat: [part, part] }, [{ jaar: '2020', aanvragen: 12310 }]);
    const diag = createSink();
    const a = (await renderCharts([wide], opts, { diag })).get('wide')!;
    expect(a.widthPt).toBeCloseTo(frameWidthPt('column'), 1);
    expect(diag.items.map((d) => d.code)).toEqual(['CHART112']);
    expect(Buffer.from(await a.png()).readUInt32BE(16)).toBe(Math.round(frameWidthPt('column') * 2));
  });
});

describe('planCharts', () => {
  it('knows the size of every single view before drawing it, exactly as vega then draws it', async () => {
    const singles = GALLERY.map((g) => g.chart).filter((c) => !['facet', 'naast-elkaar'].includes(c.id));
    const job = planCharts(singles, opts, { diag: createSink() });
    expect(job.boxes?.size).toBe(singles.length);
    const drawn = await job.render();
    for (const c of singles) {
      const planned = job.boxes!.get(c.id)!;
      expect([drawn.get(c.id)!.widthPt, drawn.get(c.id)!.heightPt], c.id).toEqual([planned.widthPt, planned.heightPt]);
      expect(planned.alt).toBe(drawn.get(c.id)!.alt);
    }
  });

  it('leaves the sizes to vega when a composite chart is not in a cache, and draws once however often asked', async () => {
    session.clear('chartRenders');
    const facet = GALLERY.find((g) => g.chart.id === 'facet')!.chart;
    const job = planCharts([studie, facet], opts, { diag: createSink() });
    expect(job.boxes).toBeUndefined();
    const [a, b] = [job.render(), job.render()];
    expect(a).toBe(b);
    expect((await a).get('facet')!.widthPt).toBeGreaterThan(0);
    // Once drawn, the composite chart is cached, and a new plan knows its size too.
    expect(planCharts([studie, facet], opts, { diag: createSink() }).boxes?.get('facet')?.widthPt).toBe((await a).get('facet')!.widthPt);
  });
});
