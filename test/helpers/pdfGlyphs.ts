/**
 * Glyph positions read back from a PDF with pdf.js's operator list: each text object (BT … ET) with the page
 * position (points from the top-left, as layout places items) of every glyph, from the content stream's text
 * matrices, font sizes, TJ adjustments, Tc and Tz, and the glyph widths of the embedded font's /W array; the
 * characters of each glyph come from the font's ToUnicode CMap.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './pdfMatrix.ts';

export interface ReadGlyph {
  readonly x: number;
  readonly unicode: string;
}

export interface TextObject {
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly size: number;
  readonly glyphs: readonly ReadGlyph[];
  /** Where the pen stands after the last glyph (its advance included). */
  readonly endX: number;
  readonly text: string;
}


interface PdfGlyph {
  readonly unicode: string;
  readonly width: number;
}

/** Every page's text objects, in content order. */
export async function readTextObjects(bytes: Uint8Array): Promise<TextObject[][]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: TextObject[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.getViewport({ scale: 1 }).height;
    const ops = await page.getOperatorList();
    const out: TextObject[] = [];
    // PDF user space (y up) → page coordinates from the top
    let ctm: Matrix = [1, 0, 0, -1, 0, height];
    const stack: [Matrix, number, number][] = [];
    let size = 0;
    let tc = 0;
    let th = 1;
    let tm: Matrix = [1, 0, 0, 1, 0, 0];
    let glyphs: ReadGlyph[] = [];
    let start: [number, number] | undefined;
    let pen = 0;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const a = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.save) stack.push([ctm, tc, th]);
      else if (fn === pdfjs.OPS.restore) [ctm, tc, th] = stack.pop() ?? [ctm, tc, th];
      else if (fn === pdfjs.OPS.transform) ctm = multiply(a as Matrix, ctm);
      else if (fn === pdfjs.OPS.beginText) {
        glyphs = [];
        start = undefined;
        tm = [1, 0, 0, 1, 0, 0];
      } else if (fn === pdfjs.OPS.setFont) size = a[1] as number;
      else if (fn === pdfjs.OPS.setCharSpacing) tc = a[0] as number;
      else if (fn === pdfjs.OPS.setHScale) th = (a[0] as number) / 100;
      else if (fn === pdfjs.OPS.setTextMatrix) {
        tm = Array.from(a[0] as ArrayLike<number>) as Matrix;
        pen = 0;
      } else if (fn === pdfjs.OPS.showText) {
        for (const g of a[0] as (PdfGlyph | number)[]) {
          if (typeof g === 'number') {
            pen += (-g / 1000) * size * th;
            continue;
          }
          const [x, y] = apply(multiply(tm, ctm), pen, 0);
          start ??= [x, y];
          glyphs.push({ x, unicode: g.unicode });
          pen += ((g.width / 1000) * size + tc) * th;
        }
      } else if (fn === pdfjs.OPS.endText && start) {
        const [endX] = apply(multiply(tm, ctm), pen, 0);
        out.push({ x: start[0], y: start[1], size, glyphs, endX, text: glyphs.map((g) => g.unicode).join('') });
      }
    }
    pages.push(out);
  }
  return pages;
}
