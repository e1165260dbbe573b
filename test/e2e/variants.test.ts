/**
 * Both bundled reports (the Dutch jaarverslag on rijksoverheid, the English edition on corporate) end to end in
 * their three variants (screen, --pdfa, --print), read back with qpdf's object
 * model, a strict XML parser and the PDF readers users have: metadata, output intents, fonts, annotations,
 * and that every reader opens each file without a word of complaint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import type { PdfVariant } from '../../src/pdf/writePdf.ts';
import { fontProblems } from '../helpers/pdfFonts.ts';
import { forbiddenActions, PdfObjects, str, type Json } from '../helpers/pdfObjects.ts';
import { openWithAllTools } from '../helpers/pdfTools.ts';
import { parseXmp } from '../helpers/xmp.ts';
import { colourOperators, cropMarkSegments } from '../helpers/printChecks.ts';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { hasTool } from '../helpers/pdfObjects.ts';
import { execFileSync } from 'node:child_process';
import jsQRModule from 'jsqr';
import { parsePdf } from '../helpers/pdf.ts';
import { outlineDestinations } from '../helpers/pdfDestinations.ts';
import { bleedExpectation, paintedElements, type Box } from '../helpers/pdfElements.ts';
import { colourSpaceCounts } from '../helpers/colourSpaces.ts';
import { figureBoxes } from '../helpers/figureBoxes.ts';
import { renderPages } from '../helpers/renderPdf.ts';

// jsqr is CommonJS with `exports.default`: under vitest's interop the function may sit one level down.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof import('jsqr').default;

const VARIANTS: readonly PdfVariant[] = ['screen', 'pdfa', 'print'];
const ENGLISH = resolve(PACKAGE_ROOT, 'content', 'annual-report-2020-en');
/** The Dutch report's variants (the tests below that read its own words and colours use these). */
const built = new Map<PdfVariant, Uint8Array>();
/** The English edition's variants (corporate template: its own CMYK table, full-bleed illustrated cover). */
const english = new Map<PdfVariant, Uint8Array>();
const REPORTS = [['jaarverslag-2020', built], ['annual-report-2020-en', english]] as const;

beforeAll(async () => {
  for (const v of VARIANTS) built.set(v, (await buildReport({ contentDir: DEFAULT_CONTENT_DIR, variant: v })).pdf);
  for (const v of VARIANTS) english.set(v, (await buildReport({ contentDir: ENGLISH, variant: v })).pdf);
}, 180_000);

describe.each(REPORTS.flatMap(([name, pdfs]) => VARIANTS.map((v) => [name, v, pdfs] as const)))('bundled report %s, %s variant', (_name, variant, pdfs) => {
  it('opens in qpdf, poppler, mupdf, Ghostscript and pdf.js without any warning', async () => {
    const r = await openWithAllTools(pdfs.get(variant)!);
    expect(r.missing, 'install them: .ci/run does').toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('XMP parses strictly and matches the Info dictionary; an output intent is present', () => {
    const o = new PdfObjects(pdfs.get(variant)!);
    const info = o.dict(o.trailer['/Info']);
    const xmp = parseXmp(o.streamData(o.catalog['/Metadata'] as Json));
    expect(xmp.title).toBe(str(o.get(info['/Title'])));
    expect(xmp.creator).toBe(str(o.get(info['/Author'])));
    expect(xmp.description).toBe(str(o.get(info['/Subject'])));
    expect(xmp.keywords).toBe(str(o.get(info['/Keywords'])));
    expect(xmp.producer).toBe(str(o.get(info['/Producer'])));
    expect(xmp.creatorTool).toBe(str(o.get(info['/Creator'])));
    expect(xmp.pdfaPart).toBe(variant === 'pdfa' ? '2' : undefined);
    expect(xmp.pdfuaPart).toBe(variant === 'pdfa' ? '1' : undefined);
    expect(o.array(o.catalog['/OutputIntents']).length).toBe(1);
  });

  it('every Figure has a /Layout /BBox: the rectangle its chart, illustration or image is drawn in on the page', async () => {
    const figures = await figureBoxes(pdfs.get(variant)!);
    expect(figures.length).toBeGreaterThan(2);
    for (const f of figures) {
      expect(f.drawn, f.alt).toBeDefined();
      expect(f.bbox?.map((v) => v.toFixed(1)), f.alt).toEqual(f.drawn!.map((v) => v.toFixed(1)));
    }
  });

  it('every font is embedded with Unicode text for every code drawn; no JavaScript or launch actions', () => {
    const o = new PdfObjects(pdfs.get(variant)!);
    expect(fontProblems(o)).toEqual([]);
    expect(forbiddenActions(o)).toEqual([]);
    for (const p of o.pages()) for (const a of o.array(p['/Annots'])) expect(Number(o.dict(a)['/F'] ?? 0) & 4).toBe(4);
  });
});

describe('bundled report across variants', () => {
  it('each variant is deterministic and has its own document ID', async () => {
    const again = (await buildReport({ contentDir: DEFAULT_CONTENT_DIR, variant: 'pdfa' })).pdf;
    expect(Buffer.from(again).equals(Buffer.from(built.get('pdfa')!))).toBe(true);
    const ids = VARIANTS.map((v) => JSON.stringify(new PdfObjects(built.get(v)!).trailer['/ID']));
    expect(new Set(ids).size).toBe(3);
  }, 60_000);
});

describe('bundled report, print variant as the print shop checks it', () => {
  it('TrimBox and BleedBox on every page, no link annotations, only DeviceCMYK colour (text, boxes, charts, illustration)', () => {
    const o = new PdfObjects(built.get('print')!);
    const pages = o.pages();
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      expect(p['/TrimBox']).toBeDefined();
      expect(p['/BleedBox']).toBeDefined();
      expect(o.array(p['/Annots']).length).toBe(0);
    }
    const ops = colourOperators(o);
    expect(ops.rgb).toEqual([]);
    expect([...new Set(ops.spaces)].sort()).toEqual(['/DeviceCMYK', '/Pattern']);
    // The template's value for lintblauw, as written in template.yaml (not derived from its RGB).
    expect(ops.cmyk).toContain('1 0.7 0 0.4');
  });

  it('the English edition: boxes on every page, no links, only DeviceCMYK, the corporate template\'s own petrol and coral', () => {
    const o = new PdfObjects(english.get('print')!);
    for (const p of o.pages()) {
      expect(p['/TrimBox']).toBeDefined();
      expect(p['/BleedBox']).toBeDefined();
      expect(o.array(p['/Annots']).length).toBe(0);
    }
    const ops = colourOperators(o);
    expect(ops.rgb).toEqual([]);
    expect([...new Set(ops.spaces.filter((s) => s !== '/Pattern'))]).toEqual(['/DeviceCMYK']);
    // The values as written under cmyk: in templates/corporate/template.yaml, as PDF operands (percent / 100).
    const yaml = readFileSync(resolve(PACKAGE_ROOT, 'templates/corporate/template.yaml'), 'utf8');
    for (const name of ['accent', 'coral', 'accentDeep']) {
      const m = new RegExp(`^  ${name}: \\[([\\d, ]+)\\]`, 'm').exec(yaml);
      expect(m, name).not.toBeNull();
      expect(ops.cmyk).toContain(m![1]!.split(',').map((v) => Number(v) / 100).join(' '));
    }
  });

  it.each(REPORTS)('%s: every outline entry opens 10 mm right and up of the screen one, at its heading on the sheet', async (_name, pdfs) => {
    const slug = 10 * (72 / 25.4);
    const screen = outlineDestinations(new PdfObjects(pdfs.get('screen')!));
    const print = outlineDestinations(new PdfObjects(pdfs.get('print')!));
    expect(screen.length).toBeGreaterThan(3);
    expect(print.map((d) => [d.title, d.page])).toEqual(screen.map((d) => [d.title, d.page]));
    const pages = (await parsePdf(pdfs.get('print')!)).pages;
    print.forEach((d, i) => {
      expect(d.left, d.title).toBeCloseTo(screen[i]!.left + slug, 2);
      expect(d.top, d.title).toBeCloseTo(screen[i]!.top + slug, 2);
      // The heading's first word is set within a few lines below the destination's top, inside the trim.
      const page = pages[d.page]!;
      const first = d.title.split(/\s+/)[0]!;
      const hits = page.items.filter((t) => t.str.includes(first) && t.x >= d.left && t.y > page.height - d.top && t.y < page.height - d.top + 80);
      expect(hits.length, `${d.title} on page ${d.page + 1}`).toBeGreaterThan(0);
    });
  });

  it.each(REPORTS)('%s: what touches a trim edge runs to the BleedBox edge (or its own end), everything else keeps its place to the TrimBox', async (_name, pdfs) => {
    const slug = 10 * (72 / 25.4);
    const bleed = 3 * (72 / 25.4);
    const [screen, print] = [await paintedElements(pdfs.get('screen')!), await paintedElements(pdfs.get('print')!)];
    const { width: W, height: H } = (await parsePdf(pdfs.get('screen')!)).pages[0]!;
    let touching = 0;
    screen.forEach((se, n) => {
      const pe = print[n]!.map((e) => ({ ...e, own: move(e.own, -slug), visible: move(e.visible, -slug) }));
      // the same elements in the same order, then the crop marks
      expect(pe.map((e) => e.kind), `page ${n + 1}`).toEqual([...se.map((e) => e.kind), 'stroke']);
      se.forEach((s, i) => {
        const v = s.visible;
        if (v.x2 < v.x1 || v.y2 < v.y1) return; // clipped away entirely
        const p = pe[i]!;
        const { expected, touching: touches } = bleedExpectation(v, p.own, W, H, bleed);
        if (touches) touching++;
        for (const k of ['x1', 'y1', 'x2', 'y2'] as const) expect(p.visible[k], `page ${n + 1}, element ${i} (${s.kind}), ${k}`).toBeCloseTo(expected[k], 1);
      });
    });
    expect(touching).toBeGreaterThan(2);
  }, 60_000);

  it.each(REPORTS)('%s: the object walker finds DeviceCMYK and nothing else in the print variant (the screen variant: DeviceRGB)', (_name, pdfs) => {
    expect(Object.keys(colourSpaceCounts(pdfs.get('print')!))).toEqual(['DeviceCMYK']);
    expect(Object.keys(colourSpaceCounts(pdfs.get('screen')!))).toContain('DeviceRGB');
  });

  it('crop marks on every page of both reports lie outside the bleed box', () => {
    for (const o of [new PdfObjects(built.get('print')!), new PdfObjects(english.get('print')!)]) for (const p of o.pages()) {
      const [bx1, by1, bx2, by2] = (p['/BleedBox'] as number[]).map(Number);
      const segs = cropMarkSegments(o, p);
      expect(segs.length).toBe(8);
      const out = (x: number, y: number) => x <= bx1! + 1e-3 || x >= bx2! - 1e-3 || y <= by1! + 1e-3 || y >= by2! - 1e-3;
      for (const [x1, y1, x2, y2] of segs) expect(out(x1, y1) && out(x2, y2)).toBe(true);
    }
  });

  it('the cover\'s full-bleed plane runs into the bleed and stops at its edge (pixels rendered by poppler)', () => {
    expect(hasTool('pdftoppm')).toBe(true);
    // 72 dpi: one pixel per point. Slug 28.35 pt, bleed 8.5 pt: x = 22 is in the bleed, x = 15 outside it.
    const dir = mkdtempSync(join(tmpdir(), 'rp-cover-'));
    writeFileSync(join(dir, 'p.pdf'), built.get('print')!);
    execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', '-png', join(dir, 'p.pdf'), join(dir, 'cover')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'cover.png')));
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    const y = Math.round(png.height * 0.6); // in the accent plane
    const isBlue = (c: number[]) => c[2]! > c[0]! + 30;
    expect(isBlue(at(40, y))).toBe(true); // inside the trim
    expect(isBlue(at(22, y))).toBe(true); // in the bleed
    expect(at(15, y)).toEqual([255, 255, 255]); // outside the bleed: paper
  });
});

describe('raster images in print', () => {
  it('warns with the image block\'s position when an image has less than 300 dpi where it is placed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-dpi-'));
    cpSync(resolve(import.meta.dirname, '../golden/minimal'), dir, { recursive: true });
    const png = new PNG({ width: 300, height: 150 });
    png.data.fill(200);
    writeFileSync(join(dir, 'foto.png'), PNG.sync.write(png));
    const file = join(dir, 'sections/01-artikel.yaml');
    const yaml = readFileSync(file, 'utf8').replace('blocks:\n', 'blocks:\n  - image: { src: foto.png, alt: Een grijs vlak }\n');
    writeFileSync(file, yaml);
    const line = yaml.split('\n').findIndex((l) => l.includes('foto.png')) + 1;
    const print = await buildReport({ contentDir: dir, variant: 'print' });
    // the photo itself is separated into CMYK: nothing RGB in the file (its alpha, 200 here, is a grey soft mask)
    expect(Object.keys(colourSpaceCounts(print.pdf)).sort()).toEqual(['DeviceCMYK', 'DeviceGray (soft mask)']);
    const warnings = print.diagnostics.items.filter((d) => d.code === 'PRINT102');
    expect(warnings.map((d) => [d.severity, d.span?.file.endsWith('01-artikel.yaml'), d.span?.line])).toEqual([['warning', true, line]]);
    // 300 px over a column (< 3.5 in) is about 90 dpi: the message says so.
    expect(warnings[0]!.message).toMatch(/^raster image has (8\d|9\d|1\d\d) dpi at its placed size on page \d+; print needs 300$/);
    const screen = await buildReport({ contentDir: dir });
    expect(screen.diagnostics.items.filter((d) => d.code === 'PRINT102')).toEqual([]);
  }, 60_000);
});

describe('video links in print', () => {
  it('every video block has a QR code beside it that decodes to its URL, in every variant (pdf.js render, jsQR)', async () => {
    const urls = [...readFileSync(join(DEFAULT_CONTENT_DIR, 'sections/01-asiel.yaml'), 'utf8').matchAll(/url: (https:\S+)/g), ...readFileSync(join(DEFAULT_CONTENT_DIR, 'sections/03-werk-en-studie.yaml'), 'utf8').matchAll(/url: (https:\S+)/g)].map((m) => m[1]);
    expect(urls.length).toBe(2);
    for (const variant of VARIANTS) {
      const bytes = built.get(variant)!;
      const text = (await parsePdf(bytes)).pages.map((p) => p.text);
      const found: string[] = [];
      for (const [i, t] of text.entries()) {
        if (!t.includes('Kijk de video')) continue;
        const [page] = await renderPages(bytes, 200, { colour: true, pages: [i + 1] });
        const hit = jsQR(new Uint8ClampedArray(page!.rgba), page!.width, page!.height);
        if (hit) found.push(hit.data);
        // The URL is printed beside the code (as text a reader can type), without the scheme.
        expect(t.replace(/\s+/g, '')).toContain(hit!.data.replace(/^https:\/\//, ''));
      }
      expect(found.sort(), variant).toEqual([...urls].sort());
    }
  }, 120_000);
});

/** A box moved by d in x and y. */
function move(b: Box, d: number): Box {
  return { x1: b.x1 + d, y1: b.y1 + d, x2: b.x2 + d, y2: b.y2 + d };
}
