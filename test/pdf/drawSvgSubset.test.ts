import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { openFontsInOrder } from '../../src/pdf/cidFonts.ts';
import { recordDrawing } from '../../src/pdf/drawRecorder.ts';
import { drawSvg } from '../../src/pdf/drawSvg.ts';
import { captureOps } from '../../src/pdf/pageStreams.ts';
import { nameResourcesByContent } from '../../src/pdf/resourceNames.ts';
import { GALLERY } from '../charts/gallerySpecs.ts';
import { playIcon } from '../../src/flow/boxes/panels.ts';
import { qrSvg } from '../../src/flow/boxes/qr.ts';
import { FONTS_DIR, frameWidthPt, loadTestTheme, testFonts } from '../charts/helpers.ts';
import { chartFontKey } from '../charts/pdfHelpers.ts';

// The oracle is svg-to-pdfkit itself: drawSvgSubset.ts must write the same operators and do the same things to the
// document (fonts referenced, glyphs registered, alpha states, in order) for every SVG it takes on.

/** A page's operators and the drawing's recorded effects, drawn by svg-to-pdfkit (subset false) or the subset writer. */
function draw(svg: string, subset: boolean, box = [20, 30, 0, 0], cmyk?: (hex: string, raw: string) => readonly number[]) {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { CreationDate: new Date(0) } });
  const keys = Object.entries(loadTestTheme().fontFiles);
  for (const [key, file] of keys) doc.registerFont(key, `${FONTS_DIR}/${file}`);
  openFontsInOrder(doc, keys.map(([k]) => k));
  nameResourcesByContent(doc);
  doc.addPage({ size: [600, 800], margin: 0 });
  const [, , w, h] = box;
  let ops: Uint8Array = new Uint8Array(0);
  const events = recordDrawing(doc, () => (ops = captureOps(doc, () => drawSvg(doc, svg, box[0]!, box[1]!, w || 300, h || 200, chartFontKey, undefined, cmyk, undefined, subset))));
  const fillColor = (doc as unknown as { _fillColor: unknown })._fillColor;
  return { ops: Buffer.from(ops).toString('latin1'), events, fillColor };
}

/** The same bytes and effects both ways; `taken` whether the subset writer drew it (it leaves others to svg-to-pdfkit). */
function same(svg: string, box?: number[], cmyk?: (hex: string, raw: string) => readonly number[]) {
  const a = draw(svg, false, box, cmyk);
  const b = draw(svg, true, box, cmyk);
  expect(b.ops).toBe(a.ops);
  expect(b.events).toEqual(a.events);
  expect(b.fillColor).toEqual(a.fillColor);
  return a.ops;
}

const svg = (body: string, attrs = 'width="200" height="100" viewBox="0 0 200 100"') => `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;

describe('drawSvgSubset: svg-to-pdfkit\'s output for vega\'s SVG', () => {
  let charts: { id: string; svg: string; w: number; h: number }[] = [];
  beforeAll(async () => {
    const assets = await renderCharts(GALLERY.map((g) => g.chart), { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt }, { diag: createSink() });
    charts = [...assets].map(([id, a]) => ({ id, svg: a.svg, w: a.widthPt, h: a.heightPt }));
  }, 120_000);

  it('draws every gallery chart with the bytes and effects svg-to-pdfkit gives, screen and print colours', () => {
    const cmyk = (hex: string) => [...hex.slice(1).match(/../g)!.map((c) => Math.round(parseInt(c, 16) / 2.55)), 5];
    let taken = 0;
    charts.forEach((c, i) => {
      const ops = same(c.svg, [40, 50, c.w, c.h]);
      expect(ops.length, c.id).toBeGreaterThan(1000);
      if (i % 3 === 0) same(c.svg, [40, 50, c.w, c.h], cmyk);
      // a chart without clip paths or gradients is the writer's own (it returns false only for what it lacks)
      if (!/clipPath|Gradient/.test(c.svg)) taken++;
    });
    expect(taken).toBeGreaterThanOrEqual(15);
  });

  it('takes on every gallery chart without clip paths or gradients, and leaves those to svg-to-pdfkit', async () => {
    const { drawSvgSubset } = await import('../../src/pdf/drawSvgSubset.ts');
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const [key, file] of Object.entries(loadTestTheme().fontFiles)) doc.registerFont(key, `${FONTS_DIR}/${file}`);
    for (const c of charts) {
      doc.addPage();
      expect(drawSvgSubset(doc, c.svg, 0, 0, c.w, c.h, chartFontKey), c.id).toBe(!/clipPath|Gradient/.test(c.svg));
    }
  });

  it('agrees on hand-written paths: arcs, curves, relative and implicit commands, subpaths of zero length, caps and dashes', () => {
    same(svg('<path d="M10,10 A20,10 30 0 1 60,40 a5 5 0 1 0 10 0 Z" fill="#123456" stroke="#654321" stroke-width="2"/>'));
    same(svg('<path d="M0 0 C10 20 30 40 50 60 S 70 80 90 10 Q 20 20 30 30 T 50 50 t 5 5 c1,2,3,4,5,6 s1 1 2 2 q1 1 2 2" stroke="#000" fill="none"/>'));
    same(svg('<path d="m5,5 l10,0 10,10 h-5 v-5 H2 V1 z M30 30 L30 30 M40 40 50 50" fill-rule="evenodd" fill="rgb(10, 20, 30)" stroke="rgba(1,2,3,0.5)" stroke-linecap="round" stroke-width="3"/>'));
    same(svg('<path d="M40 40 L40 40" stroke="#000" stroke-linecap="square" stroke-width="4"/><line x1="5" y1="5" x2="5" y2="5" stroke="#000" stroke-linecap="round" stroke-width="2"/>'));
    same(svg('<g stroke="#336699" stroke-dasharray="3,2 1" stroke-dashoffset="-2" stroke-linejoin="round" stroke-miterlimit="7"><line x1="0" y1="0" x2="100" y2="50"/><rect x="10" y="10" width="30" height="20" fill="white"/><rect width="0" height="5" fill="#fff"/></g>'));
    same(svg('<path d="M0,0h10v10h-10Z" fill="#abc" fill-opacity="0.5" opacity="0.5" stroke-width="0" stroke="#000"/><path d="" fill="#000"/><path d="M0,0L5,5" fill="none" stroke="#00f" stroke-opacity="0"/>'));
  });

  it('agrees on text: anchors, weights, sizes, rotation, entities, white space, opacity, stroke and empty texts', () => {
    const t = (attrs: string, s: string) => `<text font-family="Source Sans 3" font-size="8px" ${attrs}>${s}</text>`;
    same(svg(`<g transform="translate(10,20)">${t('text-anchor="middle" transform="translate(34.142222222222216,13)" fill="#3b4650" opacity="1"', '10.000')}${t('text-anchor="end" font-weight="bold" transform="translate(5,5) rotate(-90) translate(1,2)"', 'Aantal &amp; &lt;soort&gt;')}</g>`));
    same(svg(`${t('font-size="9pt" font-style="italic" fill="#000" fill-opacity="0.4"', '  twee   woorden  ')}${t('font-weight="600" stroke="#f00" stroke-width="0.5"', 'Zwaar')}${t('', '')}<text font-family="Source Sans 3">standaard</text>`));
    same(svg(`<g font-size="10px">${t('font-size="120%" text-anchor="start"', 'Procent')}<text font-family="Source Sans 3" font-size="1.5em" display="none">Verborgen</text><text font-family="Source Sans 3" fill="none">Leeg</text></g>`));
  });

  it('agrees on circles (the video box\'s play icon among them): filled, stroked, dashed, tiny, zero, negative and missing radii', async () => {
    const { drawSvgSubset } = await import('../../src/pdf/drawSvgSubset.ts');
    const icon = playIcon('#154273');
    expect(icon).toContain('<circle');
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.addPage();
    expect(drawSvgSubset(doc, icon, 0, 0, 12, 12, chartFontKey)).toBe(true);
    expect(drawSvgSubset(doc, svg('<circle cx="1mm" cy="2pt" r="3px" fill="#fff"/><circle r="1e-11" fill="#000"/>'), 0, 0, 12, 12, chartFontKey)).toBe(true);
    expect(same(icon, [100, 200, 12, 12])).toMatch(/ c\n/);
    same(icon, [100, 200, 12, 12], (hex) => [...hex.slice(1).match(/../g)!.map((c) => Math.round(parseInt(c, 16) / 2.55)), 5]);
    same(svg('<circle cx="50" cy="40" r="30" fill="#123456" stroke="#654321" stroke-width="2.5" stroke-dasharray="4 2"/><circle cx="7.25" cy="3" r="0.4" fill="rgb(1,2,3)"/>'));
    same(svg('<g transform="translate(10,5) rotate(30)"><circle r="8" fill="none" stroke="#000" fill-opacity="0.5"/><circle cx="20" r="1e-11" fill="#000"/><circle cx="5" cy="5" r="0" fill="#000"/><circle cx="5" cy="5" r="-3" fill="#000"/><circle cx="1mm" cy="2pt" r="3px" fill="#fff"/></g>'));
  });

  it('agrees on the outer svg: viewBox fitting (letterboxed either way) and a box at the origin', () => {
    same(svg('<rect x="1" y="1" width="10" height="10" fill="#000"/>', 'width="50" height="50" viewBox="0 0 50 25"'), [0, 0, 100, 80]);
    same(svg('<rect x="1" y="1" width="10" height="10" fill="#000"/>', 'width="50" height="50" viewBox="5 5 20 40"'), [10, 10, 100, 80]);
    same(svg('<g transform="scale(2) skewX(10)"><line x2="5" y2="5" stroke="#000"/></g>', 'width="50" height="50"'));
    same(svg('<g transform="matrix(1 0 0 1 3 4) translate(5)"><line x2="5" y2="5" stroke="#000"/></g>', 'width="50"'), [0, 0, 100, 80]);
  });

  it('takes on the print QR codes (shape-rendering, which svg-to-pdfkit never reads) with its bytes, screen and print colours', async () => {
    const { drawSvgSubset } = await import('../../src/pdf/drawSvgSubset.ts');
    const cmyk = (hex: string) => [...hex.slice(1).match(/../g)!.map((c) => Math.round(parseInt(c, 16) / 2.55)), 5];
    for (const url of ['https://ind.nl/nl/jaarverslag-2020/video-taskforce', 'https://example.org/a-much-longer/address/of-a-video?with=query&and=more-parts']) {
      const code = qrSvg(url, '#154273');
      expect(code).toContain('shape-rendering="crispEdges"');
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.addPage();
      expect(drawSvgSubset(doc, code, 0, 0, 34, 34, chartFontKey), url).toBe(true);
      expect(same(code, [400, 60, 34, 34]).length).toBeGreaterThan(1000);
      same(code, [400, 60, 34, 34], cmyk);
    }
  });

  it('leaves what it does not know to svg-to-pdfkit, with the same result', async () => {
    const { drawSvgSubset } = await import('../../src/pdf/drawSvgSubset.ts');
    const cases = [
      '<g opacity="0.5"><rect width="5" height="5" fill="#000"/></g>',
      '<defs><clipPath id="c"><rect width="5" height="5"/></clipPath></defs><g clip-path="url(#c)"><rect width="9" height="9" fill="#000"/></g>',
      '<text font-family="Source Sans 3"><tspan>a</tspan></text>',
      '<rect width="5" height="5" fill="currentColor"/>',
      '<rect width="5" height="5" style="fill:#000"/>',
      '<circle r="5%" fill="#000"/>',
      '<ellipse rx="5" ry="3" fill="#000"/>',
      '<text font-family="Source Sans 3" x="3" y="5">xy</text>',
      '<path d="M0,0 L5" stroke="#000"/>',
      '<!-- note --><rect width="5" height="5" fill="#000"/>',
      '<rect width="50%" height="5" fill="#000"/>',
      '<text font-family="Source Sans 3">&nbsp;</text>',
    ];
    for (const body of cases) {
      const doc = new PDFDocument({ autoFirstPage: false });
      for (const [key, file] of Object.entries(loadTestTheme().fontFiles)) doc.registerFont(key, `${FONTS_DIR}/${file}`);
      doc.addPage();
      expect(drawSvgSubset(doc, svg(body), 0, 0, 100, 100, chartFontKey), body).toBe(false);
      same(svg(body));
    }
  });
});
