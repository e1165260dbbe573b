/**
 * Colour in the print variant: pdfkit's one colour normaliser (used by fillColor, strokeColor, fillAndStroke and
 * gradient stops) is replaced on the document instance, so every colour anything draws (glyph runs, boxes,
 * rules, svg-to-pdfkit) goes through the template's CMYK table, and a colour without a value stops the build
 * instead of slipping into the file as DeviceRGB. CMYK values (4 numbers, percent) pass through unchanged.
 */
import { ReportError } from '../diag/errors.ts';
import type { SourceSpan } from '../diag/types.ts';
import { hexOf, normalHex, type Cmyk } from './cmyk.ts';
import { pdfMessages } from './messages.ts';

/** pdfkit internal replaced here (pdfkit 0.20.2, ColorMixin._normalizeColor). */
interface ColorInternals {
  _normalizeColor(color: unknown): number[] | null;
}

/** Where the colour being drawn comes from, for the error message. */
export type SourceOf = () => SourceSpan | undefined;

/** Makes every colour `doc` draws DeviceCMYK from `resolve`; throws PRINT101 at `where()` for any other colour. */
export function installCmykPaint(doc: PDFKit.PDFDocument, resolve: (hex: string) => Cmyk | undefined, where: SourceOf): void {
  const d = doc as unknown as ColorInternals;
  const original = d._normalizeColor.bind(doc);
  d._normalizeColor = (color: unknown) => {
    if (Array.isArray(color) && color.length === 4) return original(color);
    let hex: string | undefined;
    if (typeof color === 'string') hex = normalHex(color) ?? rgbHex(original(color));
    else if (Array.isArray(color) && color.length === 3) hex = hexOf(color as number[]);
    if (hex === undefined) return original(color); // not a colour pdfkit knows either: it draws nothing
    const cmyk = resolve(hex);
    if (!cmyk) throw new ReportError(pdfMessages.noCmyk(hex, where()));
    return original([...cmyk]);
  };
}

/** #rrggbb of pdfkit's normalised RGB (0–1 channels, from a CSS colour name), or undefined. */
function rgbHex(n: number[] | null): string | undefined {
  return n && n.length === 3 ? hexOf(n.map((v) => v * 255)) : undefined;
}
