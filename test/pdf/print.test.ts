import { describe, expect, it } from 'vitest';
import { isReportError } from '../../src/diag/errors.ts';
import { cmykResolver } from '../../src/pdf/cmyk.ts';
import { flattenLeafOpacity } from '../../src/pdf/drawSvg.ts';
import { cropMarks, pageBoxes, withBleed } from '../../src/pdf/printSheet.ts';
import { widenViewport } from '../../src/pdf/drawSvg.ts';
import { bleedExpectation, paintedElements, type Box, type PaintedElement } from '../helpers/pdfElements.ts';
import { readDrawing } from '../helpers/pdfDrawing.ts';
import { PNG } from 'pngjs';
import { lowResolutionImages } from '../../src/pdf/resolution.ts';
import { PdfObjects } from '../helpers/pdfObjects.ts';
import { namedDestinations, outlineDestinations } from '../helpers/pdfDestinations.ts';
import { parsePdf } from '../helpers/pdf.ts';
import { colourOperators, cropMarkSegments } from '../helpers/printChecks.ts';
import { doc, FIXTURE_CMYK, glyphs, H, page, samplePage, W, write } from './fixture.ts';

const MM = 72 / 25.4;
const TABLE = FIXTURE_CMYK;

describe('CMYK from the template', () => {
  it('looks template colours up exactly and prints tints with paper white as the colour screened down', () => {
    const r = cmykResolver(TABLE);
    expect(r('#154273')).toEqual([100, 70, 0, 40]);
    expect(r('#FFF')).toEqual([0, 0, 0, 0]);
    // 12 % white mixed into the accent (the cover's foot band): 88 % of each ink.
    const tint = [0x15, 0x42, 0x73].map((c) => Math.round(c * 0.88 + 255 * 0.12));
    expect(r(`#${tint.map((c) => c.toString(16).padStart(2, '0')).join('')}`)).toEqual([88, 62, 0, 35]);
    expect(r('#e17000')).toBeUndefined();
    expect(r('red')).toBeUndefined();
  });

  it('flattens a leaf shape\'s opacity into its fill and stroke opacity and drops opacity="1"', () => {
    expect(flattenLeafOpacity('<rect x="1" fill="#000" opacity="0.5" fill-opacity="0.5"/>')).toBe('<rect x="1" fill="#000" fill-opacity="0.25" stroke-opacity="0.5"/>');
    expect(flattenLeafOpacity('<path d="M0 0" opacity="1"></path>')).toBe('<path d="M0 0"></path>');
    expect(flattenLeafOpacity('<g opacity="0.5"><rect/></g>')).toBe('<g opacity="0.5"><rect/></g>');
  });
});

describe('print sheet geometry', () => {
  it('runs filled rectangles, rules along an edge\'s normal and images/SVGs that reach a trim edge into the bleed, on the edges they reach; nothing else', () => {
    const p = page([
      { kind: 'rect', x: 0, y: 0, width: W, height: 100, fill: '#154273' },
      { kind: 'rect', x: 100, y: 700, width: 200, height: H - 700, fill: '#154273' },
      { kind: 'rect', x: 50, y: 50, width: 10, height: 10, fill: '#154273' },
      { kind: 'rect', x: 0, y: 300, width: 20, height: 20, stroke: '#154273' },
      { kind: 'rule', x1: 0, y1: 400, x2: W, y2: 400, color: '#154273', widthPt: 1 },
      { kind: 'rule', x1: 300, y1: H, x2: 300, y2: 500, color: '#154273', widthPt: 1 },
      { kind: 'rule', x1: 62, y1: 450, x2: 300, y2: 450, color: '#154273', widthPt: 1 },
      { kind: 'svg', x: W - 100, y: 0, width: 100, height: 50, svg: '<svg/>', alt: '' },
      { kind: 'svg', x: 62, y: 500, width: 100, height: 50, svg: '<svg/>', alt: '' },
    ]);
    const b = 3 * MM;
    expect(withBleed(p, b)).toEqual([
      { kind: 'rect', x: -b, y: -b, width: W + 2 * b, height: 100 + b, fill: '#154273' },
      { kind: 'rect', x: 100, y: 700, width: 200, height: H - 700 + b, fill: '#154273' },
      p.items[2],
      p.items[3],
      { ...p.items[4], x1: -b, x2: W + b },
      { ...p.items[5], y1: H + b },
      p.items[6],
      { ...p.items[7], bleed: { left: 0, top: b, right: b, bottom: 0 } },
      p.items[8],
    ]);
  });

  it('puts the trim 10 mm inside the media, the bleed 3 mm outside the trim, and 8 crop marks from 3 to 9 mm outside it', () => {
    const s = 10 * MM;
    const box = pageBoxes(W, H);
    expect(box.trim.map((v) => v.toFixed(2))).toEqual([s, s, s + W, s + H].map((v) => v.toFixed(2)));
    expect(box.bleed.map((v) => v.toFixed(2))).toEqual([s - 3 * MM, s - 3 * MM, s + W + 3 * MM, s + H + 3 * MM].map((v) => v.toFixed(2)));
    const marks = cropMarks(W, H);
    expect(marks.length).toBe(8);
    for (const [x1, y1, x2, y2] of marks) expect(Math.hypot(x2 - x1, y2 - y1)).toBeCloseTo(6 * MM, 6);
  });
});

describe('print variant of a small document', () => {
  it('has TrimBox and BleedBox on every page, no link annotations and only DeviceCMYK colour (text, boxes, SVG)', async () => {
    const o = new PdfObjects(await write(doc([samplePage(), page([{ kind: 'rect', x: 0, y: 0, width: W, height: H, fill: '#dce6f0' }])]), 'print'));
    const pages = o.pages();
    expect(pages.length).toBe(2);
    for (const p of pages) {
      expect(p['/TrimBox']).toBeDefined();
      expect(p['/BleedBox']).toBeDefined();
      expect(p['/Annots']).toBeUndefined();
    }
    const ops = colourOperators(o);
    expect(ops.rgb).toEqual([]);
    expect(ops.spaces.filter((s) => s !== '/DeviceCMYK' && s !== '/Pattern')).toEqual([]);
    // The template's own values, not a conversion: the accent background and the text colour.
    expect(ops.cmyk).toContain('1 0.7 0 0.4');
    expect(ops.cmyk).toContain('0 0 0 0.9');
  });

  it('draws crop marks as a page artifact, every one outside the bleed box and on a trim line', async () => {
    const o = new PdfObjects(await write(doc([samplePage()]), 'print'));
    const p = o.pages()[0]!;
    const [tx1, ty1, tx2, ty2] = (p['/TrimBox'] as number[]).map(Number);
    const [bx1, by1, bx2, by2] = (p['/BleedBox'] as number[]).map(Number);
    const segs = cropMarkSegments(o, p);
    expect(segs.length).toBe(8);
    const outsideBleed = (x: number, y: number) => x <= bx1! + 1e-3 || x >= bx2! - 1e-3 || y <= by1! + 1e-3 || y >= by2! - 1e-3;
    for (const [x1, y1, x2, y2] of segs) {
      expect(outsideBleed(x1, y1) && outsideBleed(x2, y2)).toBe(true);
      const onTrimLine = [tx1, tx2].some((t) => Math.abs(x1 - t!) < 1e-3 && Math.abs(x2 - t!) < 1e-3) || [ty1, ty2].some((t) => Math.abs(y1 - t!) < 1e-3 && Math.abs(y2 - t!) < 1e-3);
      expect(onTrimLine).toBe(true);
    }
  });

  it('a colour in an SVG that the template has no CMYK for is PRINT101 at the image\'s position', async () => {
    const span = { file: 'sections/01.yaml', line: 12, column: 5 };
    const p = page([{ kind: 'svg', x: 0, y: 0, width: 50, height: 50, alt: 'x', source: span, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><rect width="50" height="50" fill="#123456"/></svg>' }]);
    const err = await write(doc([p]), 'print').catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => [d.code, d.message, d.span])).toEqual([['PRINT101', 'colour #123456 has no CMYK value in the template', span]]);
  });

  it('the colour check reads RGB operators (it fails on the screen variant of the same page)', async () => {
    const ops = colourOperators(new PdfObjects(await write(doc([samplePage()]), 'screen')));
    expect(ops.rgb.length).toBeGreaterThan(0);
  });
});

describe('resolution of raster images', () => {
  it('warns (PRINT102, at the image block) below 300 dpi at the placed size, not at or above it', () => {
    const span = { file: 'sections/01.yaml', line: 3, column: 5 };
    const img = (widthPx: number) => ({ kind: 'image' as const, x: 0, y: 0, width: 216, height: 100, png: new Uint8Array(), alt: '', widthPx, source: span });
    // 216 pt = 3 in: 600 px is 200 dpi, 900 px is exactly 300.
    const warnings = lowResolutionImages(doc([page([img(600), img(900)], 7)]));
    expect(warnings.map((d) => [d.code, d.severity, d.message, d.span])).toEqual([
      ['PRINT102', 'warning', 'raster image has 200 dpi at its placed size on page 7; print needs 300', span],
    ]);
  });
});

describe('destinations on the print sheet', () => {
  it('outline and named destinations move with the page onto the sheet (10 mm right and up) and still open at their heading', async () => {
    const headed = (anchor: string, y: number, title: string) => page([{ kind: 'anchor', name: anchor, y }, glyphs(title, 62, y + 14, { sizePt: 14 })]);
    const d = { ...doc([headed('een', 100, 'Eerste hoofdstuk'), headed('twee', 400, 'Tweede hoofdstuk')]), outline: [{ title: 'Een', dest: 'een', children: [{ title: 'Twee', dest: 'twee', children: [] }] }] };
    const [screen, print] = await Promise.all([write(d, 'screen'), write(d, 'print')]);
    const slug = 10 * MM;
    for (const read of [outlineDestinations, namedDestinations]) {
      const a = read(new PdfObjects(screen));
      const b = read(new PdfObjects(print));
      expect(a.map((x) => [x.page, x.left, x.top])).toEqual([[0, 0, H - 100], [1, 0, H - 400]].map(([p, l, t]) => [p, l, expect.closeTo(t!, 3)]));
      expect(b.map((x) => [x.title, x.page])).toEqual(a.map((x) => [x.title, x.page]));
      b.forEach((x, i) => {
        expect(x.left).toBeCloseTo(a[i]!.left + slug, 3);
        expect(x.top).toBeCloseTo(a[i]!.top + slug, 3);
      });
    }
    // The heading read back from each page lies the same distance below its destination in both variants.
    const below = async (bytes: Uint8Array) => {
      const parsed = await parsePdf(bytes);
      const dests = outlineDestinations(new PdfObjects(bytes));
      return dests.map((x) => {
        const pg = parsed.pages[x.page]!;
        const heading = pg.items.find((t) => t.str.includes('hoofdstuk'))!;
        return [heading.x - x.left, heading.y - (pg.height - x.top)];
      });
    };
    const [s, p] = [await below(screen), await below(print)];
    expect(s.map(([dx, dy]) => [dx, dy])).toEqual([[62, expect.closeTo(14, 3)], [62, expect.closeTo(14, 3)]]);
    p.forEach(([dx, dy], i) => {
      expect(dx).toBeCloseTo(s[i]![0]!, 3);
      expect(dy).toBeCloseTo(s[i]![1]!, 3);
    });
  });
});

describe('bleed for everything that reaches the trim edge', () => {
  it('widens an SVG\'s viewBox by the bleed in its own units, keeping its scale (2 pt per unit here)', () => {
    const b = { left: 6, top: 0, right: 0, bottom: 4 };
    const r = widenViewport('<svg xmlns="http://www.w3.org/2000/svg" viewBox="10 20 50 25" width="50" height="25"><rect/></svg>', 0, 100, 100, 50, b);
    expect([r.x, r.y, r.w, r.h]).toEqual([-6, 100, 106, 54]);
    expect(r.svg).toBe('<svg viewBox="7 20 53 27" width="106" height="54" xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    // letterboxed horizontally (a square picture in a wide box): its left and right sides do not reach the edge
    const l = widenViewport('<svg viewBox="0 0 10 10"></svg>', 0, 0, 100, 50, { left: 6, top: 6, right: 6, bottom: 0 });
    expect([l.x, l.y, l.w, l.h]).toEqual([0, -6, 100, 56]);
  });

  it('read back from the PDF: every element touching a trim edge reaches the BleedBox edge (or its own end), every other one keeps its place to the TrimBox', async () => {
    const photo = new PNG({ width: 120, height: 60 });
    for (let i = 0; i < photo.data.length; i += 4) photo.data.set([0x15, 0x42, 0x73, 255], i);
    const png = new Uint8Array(PNG.sync.write(photo));
    // an illustration whose shapes run past its viewBox (as artwork meant to bleed does) and one that stops at it
    const art = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60" viewBox="0 0 100 60"><rect width="100" height="60" fill="#dce6f0"/><circle cx="100" cy="0" r="40" fill="#154273"/></svg>';
    const items: Parameters<typeof page>[0] = [
      { kind: 'rect', x: 0, y: 0, width: W, height: 60, fill: '#154273' },
      { kind: 'image', x: 0, y: 200, width: 120, height: 60, png, alt: '' },
      { kind: 'svg', x: W - 100, y: H - 60, width: 100, height: 60, svg: art, alt: '' },
      { kind: 'rule', x1: 0, y1: 300, x2: W, y2: 300, color: '#154273', widthPt: 1 },
      { kind: 'rect', x: 62, y: 400, width: 100, height: 40, fill: '#dce6f0' },
      { kind: 'image', x: 200, y: 400, width: 120, height: 60, png, alt: '' },
      { kind: 'svg', x: 62, y: 500, width: 100, height: 60, svg: art, alt: '' },
      glyphs('Hallo', 62, 600),
    ];
    const d = doc([page(items)]);
    const [screen, print] = await Promise.all([write(d, 'screen'), write(d, 'print')]);
    const [se] = await paintedElements(screen);
    const [pe] = await paintedElements(print);
    const slug = 10 * MM;
    const bleed = 3 * MM;
    const shift = (e: PaintedElement): PaintedElement => {
      const m = (b: Box): Box => ({ x1: b.x1 - slug, y1: b.y1 - slug, x2: b.x2 - slug, y2: b.y2 - slug });
      return { kind: e.kind, own: m(e.own), visible: m(e.visible) };
    };
    const print0 = pe!.map(shift);
    // the print page paints the same elements, then its crop marks (one stroked path; checked by the tests above)
    expect(print0.map((e) => e.kind)).toEqual([...se!.map((e) => e.kind), 'stroke']);
    let touching = 0;
    se!.forEach((s, i) => {
      const p = print0[i]!;
      // a touched side runs to the bleed edge, or to where the element itself ends; other sides stay put
      const { expected, touching: touches } = bleedExpectation(s.visible, p.own, W, H, bleed);
      if (touches) touching++;
      for (const k of ['x1', 'y1', 'x2', 'y2'] as const) expect(p.visible[k], `element ${i} (${s.kind}) ${k}`).toBeCloseTo(expected[k], 2);
      // and everything that extends past the trim there does reach the bleed edge
      if (s.visible.x1 <= 0.5 && p.own.x1 < -bleed) expect(p.visible.x1).toBeCloseTo(-bleed, 2);
    });
    // band, image at the left edge, both SVG shapes at the corner (background rect ends at its viewBox), the rule
    expect(touching).toBe(5);
    const rule = print0.find((e) => e.kind === 'stroke' && Math.abs(e.own.y1 - 300) < 0.01)!;
    expect([rule.visible.x1, rule.visible.x2].map((v) => v.toFixed(2))).toEqual([-bleed, W + bleed].map((v) => v.toFixed(2)));
    // the image at the edge and the illustration's circle really run to the bleed edge
    const leftImage = print0.find((e) => e.kind === 'image' && e.visible.x1 < 0)!;
    expect(leftImage.visible.x1).toBeCloseTo(-bleed, 2);
    expect(print0.filter((e) => e.kind === 'fill' && e.visible.y1 > H - 70 && Math.abs(e.visible.x2 - (W + bleed)) < 0.01).length).toBe(1);
    // text keeps its place relative to the trim
    const [sd] = await readDrawing(screen);
    const [pd] = await readDrawing(print);
    expect(pd!.runs.map((r) => [r.text, r.x0 - slug, r.y - slug].map((v) => (typeof v === 'number' ? v.toFixed(3) : v)))).toEqual(sd!.runs.map((r) => [r.text, r.x0, r.y].map((v) => (typeof v === 'number' ? v.toFixed(3) : v))));
  });
});
