import { createRequire } from 'node:module';
import type { Insets } from '../util/geometry.ts';
import { drawSvgSubset } from './drawSvgSubset.ts';

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
    colorCallback?: ColorCallback;
  },
) => void;

/** svg-to-pdfkit's parsed colour: channels (RGB 0–255, or CMYK 0–100 once mapped) and opacity. */
type SvgColor = [number[], number];
/** Called once per named default colour at start (no raw text) and for every colour parsed from the SVG. */
type ColorCallback = (color: SvgColor | undefined, raw?: string) => SvgColor | undefined;

/** Maps an SVG colour (its "#rrggbb") to the print variant's CMYK; throws when the template has none. */
export type SvgCmyk = (hex: string, raw: string) => readonly number[];

let svgToPdf: SvgToPdf | undefined;
const load = (): SvgToPdf => (svgToPdf ??= createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf);

/** svg-to-pdfkit counts only font-weight="bold" as bold: numeric heavy weights are mapped to it first. */
const HEAVY_WEIGHT = /font-weight="(?:bolder|[6-9]00)"/g;

/** Shapes with no children, whose group opacity equals fill/stroke opacity (nothing inside them overlaps). */
const LEAF_SHAPE = /<(rect|circle|ellipse|line|polyline|polygon|path)\b([^>]*?)(\/?)>/g;

/**
 * svg-to-pdfkit paints an element's `opacity` below 1 as a transparency group with a DeviceRGB blending space (a
 * soft-masked form XObject), which PDF/A-2 and a CMYK print file must not carry. For a shape without children the
 * group is the same as multiplying its fill and stroke opacity, which pdfkit writes as a plain constant alpha;
 * `opacity="1"` (vega writes it on every mark) is simply dropped.
 */
export function flattenLeafOpacity(svg: string): string {
  return svg.replace(LEAF_SHAPE, (whole, tag: string, attrs: string, close: string) => {
    const m = /\sopacity="([^"]*)"/.exec(attrs);
    if (!m) return whole;
    const o = Math.max(0, Math.min(1, Number(m[1])));
    let rest = attrs.replace(m[0], '');
    if (!Number.isFinite(o) || o >= 1) return `<${tag}${rest}${close}>`;
    for (const prop of ['fill-opacity', 'stroke-opacity']) {
      const own = new RegExp(`\\s${prop}="([^"]*)"`).exec(rest);
      const value = Math.round((own ? Number(own[1]) : 1) * o * 1e4) / 1e4;
      rest = own ? rest.replace(own[0], ` ${prop}="${value}"`) : `${rest} ${prop}="${value}"`;
    }
    return `<${tag}${rest}${close}>`;
  });
}

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
  cmyk?: SvgCmyk,
  bleed?: Insets,
  subset = true,
): void {
  let source = flattenLeafOpacity(svg.replace(HEAVY_WEIGHT, 'font-weight="bold"'));
  if (bleed) ({ svg: source, x, y, w, h } = widenViewport(source, x, y, w, h, bleed));
  const colorCallback: ColorCallback | undefined = cmyk
    ? (color, raw) => {
        // Without raw text svg-to-pdfkit is filling its module-wide table of named colours, which it keeps for
        // every later SVG: left as RGB (named colours reach this callback again, with their name, when used).
        if (!color || color[0].length !== 3 || raw === undefined) return color;
        const hex = `#${color[0].map((c) => Math.round(Number(c)).toString(16).padStart(2, '0')).join('')}`;
        return [[...cmyk(hex, raw)], color[1]];
      }
    : undefined;
  const fontCallback = (family: string, bold: boolean, italic: boolean) => fontKeys(String(family ?? '').replace(/^['"]|['"]$/g, ''), bold, italic);
  doc.save();
  // vega's SVG is drawn by a writer for its subset of SVG with svg-to-pdfkit's results (drawSvgSubset.ts), anything
  // else by svg-to-pdfkit
  if (subset && drawSvgSubset(doc, source, x, y, w, h, fontCallback, colorCallback)) return void doc.restore();
  load()(doc, source, x, y, {
    width: w,
    height: h,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: true, // vega's px are our pt: the chart was laid out at its placed size
    fontCallback,
    warningCallback: onWarning,
    ...(colorCallback ? { colorCallback } : {}),
  });
  doc.restore();
}

/** Root element of an SVG and its numeric attributes. */
const ROOT = /<svg\b[^>]*>/;
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The print variant's bleed for an SVG that reaches the trim: the viewport grows by `bleed` on those sides and the
 * viewBox by the same amount in the SVG's units, so the scale and the position of everything inside stay exactly as
 * on screen and the bleed shows what the drawing has past its edge (as an illustrator's artwork for print does).
 * A side where the picture is letterboxed (its aspect differs from the box) does not reach the edge: left alone.
 */
export function widenViewport(svg: string, x: number, y: number, w: number, h: number, bleed: Insets): { svg: string; x: number; y: number; w: number; h: number } {
  const root = ROOT.exec(svg)?.[0];
  if (!root) return { svg, x, y, w, h };
  const vb = attr(root, 'viewBox')?.trim().split(/[\s,]+/).map(Number) ?? [0, 0, parseFloat(attr(root, 'width') ?? ''), parseFloat(attr(root, 'height') ?? '')];
  if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v)) || vb[2]! <= 0 || vb[3]! <= 0) return { svg, x, y, w, h };
  const [vx, vy, vw, vh] = vb as [number, number, number, number];
  const s = Math.min(w / vw, h / vh);
  const fitsX = Math.abs(w - s * vw) < 0.01;
  const fitsY = Math.abs(h - s * vh) < 0.01;
  const l = fitsX ? bleed.left : 0;
  const r = fitsX ? bleed.right : 0;
  const t = fitsY ? bleed.top : 0;
  const b = fitsY ? bleed.bottom : 0;
  const box = [vx - l / s, vy - t / s, vw + (l + r) / s, vh + (t + b) / s].map((v) => Math.round(v * 1e4) / 1e4).join(' ');
  const wider = root.replace(/\s(viewBox|width|height)="[^"]*"/g, '').replace(/^<svg/, `<svg viewBox="${box}" width="${w + l + r}" height="${h + t + b}"`);
  return { svg: svg.replace(root, wider), x: x - l, y: y - t, w: w + l + r, h: h + t + b };
}
