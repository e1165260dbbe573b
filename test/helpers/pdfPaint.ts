/**
 * Reads painted shapes back from a PDF with pdf.js's operator list: every filled or stroked path with its colour
 * and bounding box in top-down page points (the page's y-flip and nested transforms applied), so tests can check
 * rectangles and rules against the template's numbers and see a colour change in the colour operators.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './pdfMatrix.ts';

/** One painted path. */
export interface Shape {
  readonly paint: 'fill' | 'stroke';
  /** "#rrggbb" as the colour operator set it. */
  readonly color: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type M = Matrix;
const mul = multiply;

/** The shapes painted on every page, in drawing order. */
export async function paintedShapes(bytes: Uint8Array): Promise<Shape[][]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false }).promise;
  const O = pdfjs.OPS as Record<string, number>;
  const fills = new Set([O.fill, O.eoFill, O.fillStroke, O.eoFillStroke]);
  const strokes = new Set([O.stroke, O.closeStroke]);
  const out: Shape[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const h = page.getViewport({ scale: 1 }).height;
    const ops = await page.getOperatorList();
    const shapes: Shape[] = [];
    let ctm: M = [1, 0, 0, 1, 0, 0];
    let fill = '#000000';
    let stroke = '#000000';
    const stack: [M, string, string][] = [];
    ops.fnArray.forEach((fn, i) => {
      const a = ops.argsArray[i] as unknown[];
      if (fn === O.save) stack.push([ctm, fill, stroke]);
      else if (fn === O.restore) [ctm, fill, stroke] = stack.pop() ?? [ctm, fill, stroke];
      else if (fn === O.transform) ctm = mul(a as unknown as M, ctm);
      else if (fn === O.setFillRGBColor) fill = String(a[0]);
      else if (fn === O.setStrokeRGBColor) stroke = String(a[0]);
      else if (fn === O.constructPath) {
        const op = a[0] as number;
        const mm = a[2] as ArrayLike<number> | null;
        if (!mm || !(fills.has(op) || strokes.has(op))) return;
        const [x0, y0] = apply(ctm, mm[0]!, mm[1]!);
        const [x1, y1] = apply(ctm, mm[2]!, mm[3]!);
        const top = h - Math.max(y0, y1);
        shapes.push({ paint: fills.has(op) ? 'fill' : 'stroke', color: fills.has(op) ? fill : stroke, x: Math.min(x0, x1), y: top, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
      }
    });
    out.push(shapes);
  }
  await doc.destroy();
  return out;
}
