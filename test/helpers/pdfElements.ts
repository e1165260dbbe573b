/**
 * The painted elements of each page with their extent, read with pdf.js's operator list independently of the
 * writer: every filled or stroked path and every image, as its own box (the path's or the image's unit square through
 * the CTM) and the part of it the clipping paths leave visible. Coordinates: points from the media box's top-left,
 * y down. Used to check the print variant's bleed: what reaches the trim edge runs on, nothing else moves.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './pdfMatrix.ts';

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PaintedElement {
  /** 'clip': a clipping path (only with `{ clips: true }`). */
  readonly kind: 'fill' | 'stroke' | 'image' | 'clip';
  /** The MCID of the marked-content sequence it is drawn in, if any. */
  readonly mcid?: number;
  /** The path's or the image's own extent. */
  readonly own: Box;
  /** `own` cut by the clipping paths in force (empty boxes have x2 < x1). */
  readonly visible: Box;
}

const INFINITE: Box = { x1: -Infinity, y1: -Infinity, x2: Infinity, y2: Infinity };
const meet = (a: Box, b: Box): Box => ({ x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) });

/** Every page's painted elements, in painting order. */
export async function paintedElements(bytes: Uint8Array, opts: { clips?: boolean } = {}): Promise<PaintedElement[][]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false }).promise;
  const O = pdfjs.OPS as Record<string, number>;
  const fills = new Set([O.fill, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
  const strokes = new Set([O.stroke, O.closeStroke]);
  const images = new Set([O.paintImageXObject, O.paintInlineImageXObject, O.paintImageMaskXObject]);
  const out: PaintedElement[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const h = page.getViewport({ scale: 1 }).height;
    const ops = await page.getOperatorList();
    const elements: PaintedElement[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let clip = INFINITE;
    let pendingClip = false;
    const stack: [Matrix, Box][] = [];
    // marked content: the MCID in force (inner sequences without one inherit it)
    const marks: (number | undefined)[] = [];
    const mcid = () => marks.at(-1);
    // the device box (top-down) of a user-space rectangle under the current CTM
    const box = (x0: number, y0: number, x1: number, y1: number): Box => {
      const pts = [apply(ctm, x0, y0), apply(ctm, x1, y0), apply(ctm, x0, y1), apply(ctm, x1, y1)];
      const xs = pts.map((q) => q[0]);
      const ys = pts.map((q) => h - q[1]);
      return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
    };
    ops.fnArray.forEach((fn, i) => {
      const a = ops.argsArray[i] as unknown[];
      if (fn === O.save) stack.push([ctm, clip]);
      else if (fn === O.restore) [ctm, clip] = stack.pop() ?? [ctm, clip];
      else if (fn === O.transform) ctm = multiply(a as unknown as Matrix, ctm);
      else if (fn === O.paintFormXObjectBegin) {
        stack.push([ctm, clip]);
        if (Array.isArray(a[0]) || ArrayBuffer.isView(a[0])) ctm = multiply(Array.from(a[0] as number[]) as Matrix, ctm);
      } else if (fn === O.paintFormXObjectEnd) [ctm, clip] = stack.pop() ?? [ctm, clip];
      else if (fn === O.clip || fn === O.eoClip) pendingClip = true;
      else if (fn === O.beginMarkedContentProps) marks.push(typeof a[1] === 'number' ? a[1] : mcid());
      else if (fn === O.beginMarkedContent) marks.push(mcid());
      else if (fn === O.endMarkedContent) marks.pop();
      else if (fn === O.constructPath) {
        const op = a[0] as number;
        const mm = a[2] as ArrayLike<number> | null;
        if (!mm) return;
        const own = box(mm[0]!, mm[1]!, mm[2]!, mm[3]!);
        const tag = mcid() === undefined ? {} : { mcid: mcid() };
        if (fills.has(op) || strokes.has(op)) elements.push({ kind: fills.has(op) ? 'fill' : 'stroke', own, visible: meet(own, clip), ...tag });
        if (pendingClip && opts.clips) elements.push({ kind: 'clip', own, visible: meet(own, clip), ...tag });
        if (pendingClip) clip = meet(clip, own);
        pendingClip = false;
      } else if (images.has(fn)) {
        const own = box(0, 0, 1, 1);
        elements.push({ kind: 'image', own, visible: meet(own, clip), ...(mcid() === undefined ? {} : { mcid: mcid() }) });
      }
    });
    out.push(elements);
  }
  await doc.destroy();
  return out;
}

/**
 * Where an element of the screen page must end up on the print page (trim-box coordinates, page W × H): a side that
 * touches the trim edge runs on to the bleed edge, or to where the element itself ends; the other sides stay put.
 * `touching` says whether any side reaches the trim edge.
 */
export function bleedExpectation(screenVisible: Box, printOwn: Box, W: number, H: number, bleed: number): { expected: Box; touching: boolean } {
  const v = screenVisible;
  const sides = { x1: v.x1 <= 0.5, y1: v.y1 <= 0.5, x2: v.x2 >= W - 0.5, y2: v.y2 >= H - 0.5 };
  return {
    touching: Object.values(sides).some(Boolean),
    expected: {
      x1: sides.x1 ? Math.max(printOwn.x1, -bleed) : v.x1,
      y1: sides.y1 ? Math.max(printOwn.y1, -bleed) : v.y1,
      x2: sides.x2 ? Math.min(printOwn.x2, W + bleed) : v.x2,
      y2: sides.y2 ? Math.min(printOwn.y2, H + bleed) : v.y2,
    },
  };
}
