import { effectiveFeatures } from '../fonts/features.ts';
import type { FrameItem } from '../model/types.ts';

type GlyphItem = Extract<FrameItem, { kind: 'glyphs' }>;

/**
 * Draws one placed run at its baseline with public pdfkit calls only (as pdfmake does).
 * Extra shaping features (tnum) are passed through so pdfkit encodes exactly the glyphs fonts/ measured.
 */
export function drawGlyphs(doc: PDFKit.PDFDocument, g: GlyphItem): void {
  doc.font(g.font).fontSize(g.sizePt).fillColor(g.color);
  doc.text(g.text, g.x, g.y, {
    lineBreak: false,
    baseline: 'alphabetic',
    // Only features that change this run's glyphs: pdfkit caches word shapes only when none are passed.
    features: effectiveFeatures(g.text, g.features) as PDFKit.Mixins.OpenTypeFeatures[] | undefined,
    // pdfkit adds word spacing (stretch > 0, shrink < 0) to U+0020 advances; 0 keeps real space glyphs.
    wordSpacing: Math.abs(g.wordSpacingPt) > 0.001 ? g.wordSpacingPt : 0,
    link: g.link ?? undefined,
    // glyph expansion of justified lines (PDF Tz, in percent); word spacing is scaled with it
    ...(g.scale !== undefined && Math.abs(g.scale - 1) > 1e-4 && { horizontalScaling: Math.round(g.scale * 10000) / 100 }),
    // tracking of small labels (PDF Tc); layout measured it as width + (characters − 1) × spacing
    ...(g.letterSpacingPt ? { characterSpacing: g.letterSpacingPt } : {}),
  } as PDFKit.Mixins.TextOptions);
}
