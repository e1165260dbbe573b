import type { SourceSpan } from '../diag/types.ts';
import { diagnostic } from '../diag/messages.ts';

/*
 * Message builders of the pdf stage, codes PRINT1xx: what only drawing the print variant finds (the template's
 * own colours are checked when it is loaded, PRINT001/PRINT002).
 */
export const pdfMessages = {
  /** A drawn colour (an illustration's, a derived one) that is neither a template colour nor a tint of one. */
  noCmyk: (color: string, span?: SourceSpan) =>
    diagnostic('error', 'PRINT101', `colour ${color} has no CMYK value in the template`, span, 'use the template\'s colours in the image, or add this one to the template under colors: and cmyk:'),
  /** A raster image whose pixels are spread too thin at its placed size. */
  lowResolution: (dpi: number, page: number, span?: SourceSpan) =>
    diagnostic('warning', 'PRINT102', `raster image has ${Math.floor(dpi)} dpi at its placed size on page ${page}; print needs 300`, span, `supply it at least ${Math.ceil((300 / dpi) * 100) / 100}× as many pixels wide, or as SVG`),
};
