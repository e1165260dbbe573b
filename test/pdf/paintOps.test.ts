/**
 * A glyph run's colour operators (glyphRuns.ts createPaintOps) must be the bytes pdfkit's own fillColor writes for
 * the same colour on the same document (the oracle: pdfkit 0.20.2's ColorMixin, its writes to the page captured),
 * for RGB, three-digit hex, CSS names and, in the print variant, the template's CMYK (paint.ts replaces the
 * normaliser); a few are also spelled out by hand. A colour the print table lacks stops the build as fillColor
 * does, and asking again for a colour gives the same text.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, test } from 'vitest';
import { createPaintOps } from '../../src/pdf/glyphRuns.ts';
import { installCmykPaint } from '../../src/pdf/paint.ts';
import { cmykResolver, type Cmyk } from '../../src/pdf/cmyk.ts';

type Internals = { page: { write(c: unknown): unknown }; _normalizeColor(c: string): number[] | null; _fillColor: unknown };

/** What doc.fillColor(color) writes to the current page, as bytes (pdfkit adds a newline to each string). */
function pdfkitWrites(doc: PDFKit.PDFDocument, color: string): string {
  const d = doc as unknown as Internals;
  const out: string[] = [];
  const write = d.page.write;
  d.page.write = (c: unknown) => out.push(typeof c === 'string' ? `${c}\n` : Buffer.from(c as Uint8Array).toString('latin1'));
  try {
    doc.fillColor(color);
  } finally {
    d.page.write = write;
  }
  return out.join('');
}

function newDoc(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
  doc.addPage({ size: 'A5', margin: 0 });
  return doc;
}

const COLORS = ['#154273', '#000000', '#ffffff', '#1A2B3C', '#abc', 'black', 'red', 'steelblue', '#01689b'];

describe('createPaintOps', () => {
  test('the bytes of pdfkit fillColor for RGB colours', () => {
    const doc = newDoc();
    const paint = createPaintOps(doc as unknown as Internals);
    for (const c of COLORS) expect(paint(c), c).toBe(pdfkitWrites(doc, c));
    // by hand
    expect(paint('#ff0000')).toBe('/DeviceRGB cs\n1 0 0 scn\n');
    expect(paint('#000')).toBe('/DeviceRGB cs\n0 0 0 scn\n');
    // remembered: the same text again
    expect(paint('#154273')).toBe(pdfkitWrites(doc, '#154273'));
  });

  test('print: the template CMYK through the document normaliser, and the same error for a missing colour', () => {
    const table = new Map<string, Cmyk>([['#154273', [100, 70, 0, 40]], ['#ffffff', [0, 0, 0, 0]], ['#000000', [0, 0, 0, 100]], ['#01689b', [100, 30, 0, 20]]]);
    const doc = newDoc();
    installCmykPaint(doc, cmykResolver(table), () => undefined);
    const paint = createPaintOps(doc as unknown as Internals);
    for (const c of ['#154273', '#ffffff', 'black', '#01689b']) expect(paint(c), c).toBe(pdfkitWrites(doc, c));
    expect(paint('#154273')).toBe('/DeviceCMYK cs\n1 0.7 0 0.4 scn\n');
    let pdfkitError: unknown;
    try {
      pdfkitWrites(doc, '#123456');
    } catch (e) {
      pdfkitError = e;
    }
    expect(pdfkitError).toBeDefined();
    expect(() => paint('#123456')).toThrow((pdfkitError as Error).message);
  });

  test('what pdfkit does not draw writes nothing', () => {
    const doc = newDoc();
    const paint = createPaintOps(doc as unknown as Internals);
    expect(pdfkitWrites(doc, 'no-such-colour')).toBe('');
    expect(paint('no-such-colour')).toBe('');
  });
});
