/**
 * Issue 11 item 4: every gallery chart keeps its labels inside its frame and no two labels overlap. The oracle
 * reads the SVG vega wrote (text positions through the nested translate()s, anchors, font sizes and weights) and
 * measures each label with the chart's real font files, not with the code under test.
 */
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { GALLERY } from './gallerySpecs.ts';
import { frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

interface Label {
  readonly text: string;
  readonly x1: number;
  readonly x2: number;
  readonly top: number;
  readonly bottom: number;
}

/** Labels of an SVG in its own coordinates; ink box = advance width × (0.72 em above, 0.22 em below the baseline). */
function labels(svg: string, measure: (text: string, bold: boolean, size: number) => number): Label[] {
  const out: Label[] = [];
  const stack: [number, number][] = [[0, 0]];
  const translate = (attrs: string): [number, number] => {
    const m = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(attrs);
    return m ? [+m[1]!, +m[2]!] : [0, 0];
  };
  for (const m of svg.matchAll(/<(\/?)(g|text)([^>]*)>([^<]*)/g)) {
    const [, close, tag, attrs = '', body = ''] = m;
    const [px, py] = stack[stack.length - 1]!;
    if (tag === 'g') {
      if (close) stack.pop();
      else if (!attrs.endsWith('/')) {
        const [dx, dy] = translate(attrs);
        stack.push([px + dx, py + dy]);
      }
      continue;
    }
    if (close || /opacity="0"/.test(attrs) || !body.trim()) continue;
    const text = body.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    const [tx, ty] = translate(attrs);
    const size = Number(/font-size="([\d.]+)px"/.exec(attrs)?.[1] ?? 10);
    const bold = /font-weight="bold"/.test(attrs);
    const anchor = /text-anchor="(start|middle|end)"/.exec(attrs)?.[1] ?? 'start';
    if (/rotate\(/.test(attrs)) continue; // rotated axis titles: checked by the PNG border test
    const w = measure(text, bold, size);
    const x = px + tx - (anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0);
    out.push({ text, x1: x, x2: x + w, top: py + ty - 0.72 * size, bottom: py + ty + 0.22 * size });
  }
  return out;
}

describe('gallery charts stay inside their frames', () => {
  it('draws every label inside the frame and no label over another', async () => {
    const fonts = testFonts();
    const keys = loadTestTheme().chart.fontKeys;
    const measure = (text: string, bold: boolean, size: number) => fonts.measure(text, bold ? keys.bold : keys.normal, size);
    const diag = createSink();
    const specs = GALLERY.map((g) => g.chart);
    const assets = await renderCharts(specs, { theme: loadTestTheme().chart, fonts, frameWidthPt }, { diag });
    expect(diag.items.filter((d) => d.code === 'CHART114' || d.code === 'CHART115')).toEqual([]);
    for (const [id, a] of assets) {
      const ls = labels(a.svg, measure);
      expect(ls.length, id).toBeGreaterThan(0);
      // the SVG's own size (a composite chart is scaled to its frame only when placed)
      const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(a.svg)!;
      const [w, h] = [Number(size[1]), Number(size[2])];
      for (const l of ls) {
        expect(l.x1, `${id}: "${l.text}" left`).toBeGreaterThanOrEqual(-0.5);
        expect(l.x2, `${id}: "${l.text}" right`).toBeLessThanOrEqual(w + 0.5);
        expect(l.top, `${id}: "${l.text}" top`).toBeGreaterThanOrEqual(-0.5);
        expect(l.bottom, `${id}: "${l.text}" bottom`).toBeLessThanOrEqual(h + 0.5);
      }
      for (let i = 0; i < ls.length; i++) {
        for (let j = i + 1; j < ls.length; j++) {
          const [p, q] = [ls[i]!, ls[j]!];
          const apart = p.x2 <= q.x1 + 0.5 || q.x2 <= p.x1 + 0.5 || p.bottom <= q.top + 0.5 || q.bottom <= p.top + 0.5;
          expect(apart, `${id}: "${p.text}" overlaps "${q.text}"`).toBe(true);
        }
      }
    }
  }, 120_000);

  it('lists the side legend of a donut one entry under the other, beside a whole ring', async () => {
    const ring = GALLERY.find((g) => g.chart.id === 'ring-legenda-rechts')!.chart;
    const fonts = testFonts();
    const keys = loadTestTheme().chart.fontKeys;
    const [a] = [...(await renderCharts([ring], { theme: loadTestTheme().chart, fonts, frameWidthPt }, { diag: createSink() })).values()];
    const ls = labels(a!.svg, (t, b, s) => fonts.measure(t, b ? keys.bold : keys.normal, s));
    const entries = ['Telefoon', 'Loket', 'E-mail', 'Naturalisatieverzoeken'].map((t) => ls.find((l) => l.text === t)!);
    expect(new Set(entries.map((e) => Math.round(e.x1))).size).toBe(1);
    expect(new Set(entries.map((e) => Math.round(e.top))).size).toBe(4);
  }, 60_000);
});
