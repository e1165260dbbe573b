import type { FrameItem } from '../pages/types.ts';

type GlyphItem = Extract<FrameItem, { kind: 'glyphs' }>;

/**
 * Draws one placed run at its baseline with public pdfkit calls only (as pdfmake does).
 * Shaping features are passed through so pdfkit encodes exactly the glyphs fonts/ measured.
 */
export function drawGlyphs(doc: PDFKit.PDFDocument, g: GlyphItem): void {
  doc.font(g.font).fontSize(g.sizePt).fillColor(g.color);
  doc.text(g.text, g.x, g.y, {
    lineBreak: false,
    baseline: 'alphabetic',
    features: g.features as PDFKit.Mixins.OpenTypeFeatures[],
    // pdfkit adds word spacing (stretch > 0, shrink < 0) to U+0020 advances; 0 keeps real space glyphs.
    wordSpacing: Math.abs(g.wordSpacingPt) > 0.001 ? g.wordSpacingPt : 0,
    link: g.link ?? undefined,
  } as PDFKit.Mixins.TextOptions);
}
