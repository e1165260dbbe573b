/**
 * cidFonts.ts isRegisteredGlyph, the fast answer a cached part's replay asks for each glyph it registered
 * (partReplay.ts): the oracle is the font's own `widths` (pdfkit's record of the glyphs drawn, which the /W array
 * and ToUnicode are written from). Glyphs are registered in scrambled order with large gaps between ids (what puts
 * `widths` in V8's dictionary form), and a glyph's first registration must keep its width and text.
 */
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { expect, test } from 'vitest';
import { includeGlyph, isRegisteredGlyph, openFontsInOrder, type EmbeddedFont } from '../../src/pdf/cidFonts.ts';
import { FONTS_DIR } from '../../src/paths.ts';

test('says a glyph is registered exactly when the font has its width, and registering again changes nothing', () => {
  const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont('serif', join(FONTS_DIR, 'SourceSerif4_400Regular.ttf'));
  doc.addPage({ size: [200, 300], margin: 0 });
  const font = [...openFontsInOrder(doc, ['serif']).values()][0]!;
  // ids beyond the module's first array (1,024) and far beyond (40,000, 65,535: grown twice, to the 16-bit limit)
  const ids = [1800, 3, 977, 42, 2500, 1, 1300, 40000, 1023, 1024, 65535];
  // pdfkit registers .notdef (0) itself; nothing else yet
  expect(isRegisteredGlyph(font, 0)).toBe(font.widths[0] !== undefined);
  for (const id of ids) expect(isRegisteredGlyph(font, id)).toBe(false);
  ids.forEach((id, i) => includeGlyph(font, id, 500 + i, [65 + i]));
  const all = Array.from({ length: 0x10000 }, (_, id) => id);
  expect(all.filter((id) => isRegisteredGlyph(font, id))).toEqual(all.filter((id) => font.widths[id] !== undefined));
  expect(all.filter((id) => isRegisteredGlyph(font, id))).toEqual([0, ...ids].sort((a, b) => a - b));
  // the first registration decides width and text
  includeGlyph(font, 977, 999, [90]);
  expect([font.widths[977], font.unicode[977]]).toEqual([502, [67]]);
  doc.end();
});

test('a font this module did not make stable has no registered glyphs to skip', () => {
  const font = { widths: [600], unicode: [[0]] } as unknown as EmbeddedFont;
  expect(isRegisteredGlyph(font, 0)).toBe(false);
});
