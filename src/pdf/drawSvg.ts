import { createRequire } from 'node:module';

/** svg-to-pdfkit's entry (no bundled types; @types/svg-to-pdfkit is not installed). */
type SvgToPdf = (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options: {
    width: number;
    height: number;
    preserveAspectRatio: string;
    assumePt: boolean;
    fontCallback: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback: (message: string) => void;
  },
) => void;

let svgToPdf: SvgToPdf | undefined;
const load = (): SvgToPdf => (svgToPdf ??= createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf);

/** svg-to-pdfkit counts only font-weight="bold" as bold: numeric heavy weights are mapped to it first. */
const HEAVY_WEIGHT = /font-weight="(?:bolder|[6-9]00)"/g;

/**
 * Draws an SVG (a vega chart) as vectors into the box x, y, w, h, keeping its aspect ratio.
 * Every text is set in a font the caller registered with doc.registerFont: fontKeys maps the SVG's
 * (family, bold, italic) to that key. Without it svg-to-pdfkit would fall back to non-embedded Helvetica.
 */
export function drawSvg(
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  w: number,
  h: number,
  fontKeys: (family: string, bold: boolean, italic: boolean) => string,
  onWarning: (message: string) => void = () => {},
): void {
  const source = svg.replace(HEAVY_WEIGHT, 'font-weight="bold"');
  doc.save();
  load()(doc, source, x, y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: true, // vega's px are our pt: the chart was laid out at its placed size
    fontCallback: (family, bold, italic) => fontKeys(String(family ?? '').replace(/^['"]|['"]$/g, ''), bold, italic),
    warningCallback: onWarning,
  });
  doc.restore();
}
