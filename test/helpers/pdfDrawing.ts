/**
 * Reads what a PDF page draws, from pdf.js operator lists, independently of the code that wrote it: every glyph
 * with its origin and advance (a small text-state machine: Tm, Tc, Tw, Tz, TJ offsets, CTM), every straight stroked
 * segment (rules) and every filled rectangle. Coordinates are points from the page's top-left corner, y down;
 * a glyph's y is its baseline.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './pdfMatrix.ts';

export interface DrawnGlyph {
  readonly ch: string;
  readonly x: number;
  readonly y: number;
  /** Advance in points along the baseline, including character spacing and the TJ offset after it is not. */
  readonly advance: number;
  readonly size: number;
  readonly font: string;
  readonly color: string;
}

/** One text-showing operation (pdfkit writes one per set line or line piece). */
export interface DrawnRun {
  readonly glyphs: readonly DrawnGlyph[];
  readonly text: string;
  readonly x0: number;
  /** End of the last glyph's advance. */
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly font: string;
  /** The font's PostScript name without the subset tag, e.g. SourceSerif4-Regular. */
  readonly face: string;
  readonly color: string;
}

export interface DrawnSegment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: string;
}

export interface DrawnRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
}

export interface DrawnPage {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly DrawnRun[];
  readonly segments: readonly DrawnSegment[];
  readonly rects: readonly DrawnRect[];
}

type M = Matrix;
const I: M = [1, 0, 0, 1, 0, 0];
const mul = multiply;

const OPS = pdfjs.OPS as Record<string, number>;
const NAME = Object.fromEntries(Object.entries(OPS).map(([k, v]) => [v, k]));

interface State {
  ctm: M;
  fill: string;
  stroke: string;
  lineWidth: number;
  font: string;
  size: number;
  tc: number;
  tw: number;
  th: number;
  leading: number;
  rise: number;
}

/** Opens a PDF for drawing reads; call `destroy` when done. */
export async function openPdf(bytes: Uint8Array) {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  return {
    numPages: doc.numPages,
    page: (n: number) => readPage(doc, n),
    destroy: () => doc.destroy(),
  };
}

/** Every page's drawing. */
export async function readDrawing(bytes: Uint8Array): Promise<DrawnPage[]> {
  const pdf = await openPdf(bytes);
  const out: DrawnPage[] = [];
  for (let i = 1; i <= pdf.numPages; i++) out.push(await pdf.page(i));
  await pdf.destroy();
  return out;
}

async function readPage(doc: pdfjs.PDFDocumentProxy, n: number): Promise<DrawnPage> {
  const page = await doc.getPage(n);
  const [, , w, h] = page.view as number[];
  const ol = await page.getOperatorList();
  const faceOf = (id: string) => {
    const f = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
    return String(f?.name ?? id).replace(/^[A-Z]{6}\+/, '');
  };
  const runs: DrawnRun[] = [];
  const segments: DrawnSegment[] = [];
  const rects: DrawnRect[] = [];
  let s: State = { ctm: I, fill: '#000000', stroke: '#000000', lineWidth: 1, font: '', size: 0, tc: 0, tw: 0, th: 1, leading: 0, rise: 0 };
  const stack: State[] = [];
  let tm: M = I;
  let tlm: M = I;
  // top-down coordinates of a device point
  const td = (p: [number, number]): [number, number] => [p[0], h! - p[1]];
  const scale = (m: M) => Math.hypot(m[0], m[1]);
  const show = (items: readonly unknown[]) => {
    const glyphs: DrawnGlyph[] = [];
    for (const it of items) {
      if (typeof it === 'number') {
        tm = mul([1, 0, 0, 1, (-it / 1000) * s.size * s.th, 0], tm);
        continue;
      }
      const g = it as { unicode: string; width: number; isSpace: boolean };
      const m = mul(tm, s.ctm);
      const [x, y] = td(apply(m, 0, s.rise));
      const tx = ((g.width / 1000) * s.size + s.tc + (g.isSpace ? s.tw : 0)) * s.th;
      glyphs.push({ ch: g.unicode, x, y, advance: tx * scale(m), size: s.size * scale(m), font: s.font, color: s.fill });
      tm = mul([1, 0, 0, 1, tx, 0], tm);
    }
    if (!glyphs.length) return;
    const last = glyphs[glyphs.length - 1]!;
    runs.push({ glyphs, text: glyphs.map((g) => g.ch).join(''), x0: glyphs[0]!.x, x1: last.x + last.advance, y: glyphs[0]!.y, size: glyphs[0]!.size, font: s.font, face: faceOf(s.font), color: s.fill });
  };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const a = ol.argsArray[i] as any[];
    switch (NAME[ol.fnArray[i]!]) {
      case 'save':
        stack.push({ ...s });
        break;
      case 'restore':
        s = stack.pop() ?? s;
        break;
      case 'transform':
        s.ctm = mul(a as M, s.ctm);
        break;
      case 'setFillRGBColor':
        s.fill = String(a[0]);
        break;
      case 'setStrokeRGBColor':
        s.stroke = String(a[0]);
        break;
      case 'setLineWidth':
        s.lineWidth = a[0];
        break;
      case 'beginText':
        tm = tlm = I;
        break;
      case 'setFont':
        s.font = String(a[0]);
        s.size = a[1];
        break;
      case 'setCharSpacing':
        s.tc = a[0];
        break;
      case 'setWordSpacing':
        s.tw = a[0];
        break;
      case 'setHScale':
        s.th = a[0] / 100;
        break;
      case 'setLeading':
        s.leading = a[0];
        break;
      case 'setTextRise':
        s.rise = a[0];
        break;
      case 'setTextMatrix':
        tm = tlm = (Array.isArray(a[0]) || ArrayBuffer.isView(a[0]) ? Array.from(a[0] as number[]) : a) as M;
        break;
      case 'moveText':
        tm = tlm = mul([1, 0, 0, 1, a[0], a[1]], tlm);
        break;
      case 'setLeadingMoveText':
        s.leading = -a[1];
        tm = tlm = mul([1, 0, 0, 1, a[0], a[1]], tlm);
        break;
      case 'nextLine':
        tm = tlm = mul([1, 0, 0, 1, 0, -s.leading], tlm);
        break;
      case 'showText':
      case 'showSpacedText':
        show(a[0]);
        break;
      case 'nextLineShowText':
        tm = tlm = mul([1, 0, 0, 1, 0, -s.leading], tlm);
        show(a[0]);
        break;
      case 'nextLineSetSpacingShowText':
        s.tw = a[0];
        s.tc = a[1];
        tm = tlm = mul([1, 0, 0, 1, 0, -s.leading], tlm);
        show(a[2]);
        break;
      case 'constructPath':
        paths(a, s, td, segments, rects);
        break;
    }
  }
  return { width: w!, height: h!, runs, segments, rects };
}

/** Straight stroked segments and filled axis-aligned rectangles of one constructPath. */
function paths(a: any[], s: State, td: (p: [number, number]) => [number, number], segments: DrawnSegment[], rects: DrawnRect[]): void {
  const paint = NAME[a[0] as number] ?? '';
  const buf = Array.from((a[1] as ArrayLike<number>[])[0] ?? []);
  const stroke = /stroke/i.test(paint);
  const fill = /fill/i.test(paint);
  const lw = s.lineWidth * Math.hypot(s.ctm[0], s.ctm[1]);
  // split the buffer into subpaths of points (curves make a subpath non-straight)
  let pts: [number, number][] = [];
  let curved = false;
  let closed = false;
  const flush = () => {
    if (pts.length >= 2 && !curved) {
      const dev = pts.map((p) => td(apply(s.ctm, p[0], p[1])));
      if (stroke) for (let k = 1; k < dev.length; k++) segments.push({ x1: dev[k - 1]![0], y1: dev[k - 1]![1], x2: dev[k]![0], y2: dev[k]![1], width: lw, color: s.stroke });
      if (stroke && closed && dev.length > 2) segments.push({ x1: dev.at(-1)![0], y1: dev.at(-1)![1], x2: dev[0]![0], y2: dev[0]![1], width: lw, color: s.stroke });
      if (fill && dev.length >= 4) {
        const xs = dev.map((p) => p[0]);
        const ys = dev.map((p) => p[1]);
        const axis = dev.every((p, k) => k === 0 || Math.abs(p[0] - dev[k - 1]![0]) < 1e-3 || Math.abs(p[1] - dev[k - 1]![1]) < 1e-3);
        if (axis) rects.push({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys), color: s.fill });
      }
    }
    pts = [];
    curved = false;
    closed = false;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === 0) {
      flush();
      pts.push([buf[k++]!, buf[k++]!]);
    } else if (op === 1) pts.push([buf[k++]!, buf[k++]!]);
    else if (op === 2) {
      curved = true;
      k += 6;
    } else if (op === 3) {
      curved = true;
      k += 4;
    } else if (op === 4) closed = true;
    else break;
  }
  flush();
}
