/**
 * Draws an SVG of the subset svgSubset.ts reads exactly as svg-to-pdfkit 0.1.8 does (drawSvg.ts's options: fitted
 * with xMidYMid meet, 1 px = 1 pt, fonts through the caller's keys, colours through its callback): the same pdfkit
 * calls in the same order for everything with effects besides the content stream (colours and alpha states, font
 * references, glyph registration), and the same operators, written in one piece. So a chart's bytes are those
 * svg-to-pdfkit writes (test/pdf/drawSvgSubset.test.ts compares them for every chart of the gallery and hand-written
 * edge cases; the bundled reports' PDFs came out byte for byte the same), at a fraction of the time.
 */
import { circlePath, readPath, subPaths, type PathCommand, type SubPath } from './svgPath.ts';
import { prop } from './svgProps.ts';
import { length, multiply, numberList, readSvgSubset, type Matrix, type SvgColor, type SvgNode } from './svgSubset.ts';

type ColorCallback = (color: SvgColor | undefined, raw?: string) => SvgColor | undefined;
type FontKeys = (family: string, bold: boolean, italic: boolean) => string;

/** pdfkit 0.20.2 internals this module uses besides its public drawing API. */
interface Doc {
  addContent(s: string): unknown;
  fillColor(c: unknown, o?: number): unknown;
  strokeColor(c: unknown, o?: number): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  circle(x: number, y: number, r: number): unknown;
  fill(rule?: string): unknown;
  font(key: string): unknown;
  _font: { id: string; ref(): unknown; encode(t: string): [string[], { advanceWidth: number; xOffset: number; yOffset: number; xAdvance: number; yAdvance: number }[]] };
  _registeredFonts: Record<string, unknown>;
  _fillColor: unknown;
  page: { fonts: Record<string, unknown> };
}

type Paint = { c: SvgColor; raw: string } | SvgColor | 'none';

/** pdfkit's number formatting (PDFObject.number). */
function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}
/** svg-to-pdfkit's validateNumber (text matrices). */
const vnum = (n: number): number => (n > -1e21 && n < 1e21 ? Math.round(n * 1e6) / 1e6 : 0);
const JOIN: Record<string, number> = { miter: 0, round: 1, bevel: 2 };
const CAP: Record<string, number> = { butt: 0, round: 1, square: 2 };
const ANCHOR: Record<string, number> = { start: 0, middle: 0.5, end: 1 };

/** A text element laid out (svg-to-pdfkit does it when its parent makes its children): font, size, glyphs. */
interface TextLayout {
  readonly font: Doc['_font'];
  readonly size: number;
  readonly glyphs: { glyph: string; x: number; y: number; width: number }[];
}

/**
 * Draws `svg` as svg-to-pdfkit would with drawSvg.ts's options and returns true, or returns false without drawing
 * anything when the SVG is outside the subset (or a font is not registered): the caller then runs svg-to-pdfkit.
 */
export function drawSvgSubset(pdf: PDFKit.PDFDocument, svg: string, x: number, y: number, w: number, h: number, fontKey: FontKeys, colorCallback?: ColorCallback): boolean {
  const doc = pdf as unknown as Doc;
  const root = readSvgSubset(svg);
  if (!root || !prepare(root, doc, fontKey)) return false;
  // every operator of the drawing, pdfkit's own (colours, alpha states, dashes) included, is collected here and
  // written as one piece at the end: the same bytes as one write per operator
  const ops: string[] = [];
  const cm = (m: Matrix) => {
    if (!(m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0)) ops.push(`${m.map(num).join(' ')} cm`);
  };
  const colorOf = (p: Exclude<Paint, 'none'>, opacity: number): SvgColor => {
    const c = Array.isArray(p) ? p : colorCallback ? colorCallback([p.c[0].slice(), p.c[1]], p.raw)! : p.c;
    return [c[0].slice(), c[1] * opacity];
  };
  const paint = (n: SvgNode, key: 'fill' | 'stroke'): SvgColor | undefined => {
    if (key === 'stroke' && Math.abs((prop(n, 'stroke-width') as number) - 0) < 1e-10) return undefined;
    const p = prop(n, key) as Paint;
    const o = prop(n, 'opacity') as number;
    const po = prop(n, `${key}-opacity`) as number;
    return p !== 'none' && o && po ? colorOf(p, po * o) : undefined;
  };
  const strokeStyle = (n: SvgNode, stroke: SvgColor, width: number) => {
    doc.strokeColor(stroke[0], stroke[1]);
    ops.push(`${num(width)} w`, `${num(prop(n, 'stroke-miterlimit') as number)} M`, `${JOIN[prop(n, 'stroke-linejoin') as string]} j`, `${CAP[prop(n, 'stroke-linecap') as string]} J`);
    const dash = prop(n, 'stroke-dasharray') as number[];
    const phase = (prop(n, 'stroke-dashoffset') as number) || 0;
    if (dash.length === 0) ops.push(`[] ${num(phase)} d`);
    else (pdf as unknown as { dash(d: number[], o: object): unknown }).dash(dash, { phase });
  };
  const path = (subs: readonly SubPath[]) => {
    for (const s of subs) if (s.length > 0) for (const c of s.commands) ops.push(pathOp(c));
  };
  const shape = (n: SvgNode) => {
    ops.push('q');
    cm(prop(n, 'transform') as Matrix);
    const subs = n.memo.get('shape') as SubPath[];
    const fill = paint(n, 'fill');
    const stroke = paint(n, 'stroke');
    const lw = prop(n, 'stroke-width') as number;
    const cap = prop(n, 'stroke-linecap') as string;
    if (fill || stroke) {
      if (fill) doc.fillColor(fill[0], fill[1]);
      if (stroke) {
        for (const s of subs) {
          if (!(Math.abs(s.length) < 1e-10) || (cap !== 'square' && cap !== 'round') || !(lw > 0) || !s.start) continue;
          const [px, py] = s.start;
          doc.fillColor(stroke[0], stroke[1]);
          if (cap === 'square') doc.rect(px - 0.5 * lw, py - 0.5 * lw, lw, lw);
          else doc.circle(px, py, 0.5 * lw);
          doc.fill();
        }
        strokeStyle(n, stroke, lw);
      }
      path(subs);
      const rule = prop(n, 'fill-rule') === 'evenodd' ? '*' : '';
      ops.push(fill && stroke ? `B${rule}` : fill ? `f${rule}` : 'S');
    }
    ops.push('Q');
  };
  const text = (n: SvgNode) => {
    ops.push('q');
    cm(prop(n, 'transform') as Matrix);
    const t = n.memo.get('layout') as TextLayout;
    const fill = paint(n, 'fill');
    const stroke = paint(n, 'stroke');
    const sw = prop(n, 'stroke-width') as number;
    if (n.text !== undefined && (fill || stroke)) {
      if (fill) doc.fillColor(fill[0], fill[1]);
      if (stroke && sw) strokeStyle(n, stroke, sw);
      if (!doc.page.fonts[t.font.id]) doc.page.fonts[t.font.id] = t.font.ref();
      ops.push('BT', `/${t.font.id} ${t.size} Tf`, `${fill && stroke ? 2 : stroke ? 1 : 0} Tr`);
      for (const g of t.glyphs) if (Math.abs(g.width - 0) >= 1e-10) ops.push(`1 0 ${vnum(-0)} -1 ${vnum(g.x)} ${vnum(g.y)} Tm`, `<${g.glyph}> Tj`);
      ops.push('ET');
    }
    ops.push('Q');
  };
  const children = (n: SvgNode) => {
    // svg-to-pdfkit makes a container's children (laying out their text) before it draws the first of them
    for (const k of n.children) if (k.name === 'text') layout(k, doc, fontKey);
    for (const k of n.children) {
      if (prop(k, 'display') === 'none') continue;
      if (k.name === 'g') {
        ops.push('q');
        cm(prop(k, 'transform') as Matrix);
        children(k);
        ops.push('Q');
      } else if (k.name === 'text') text(k);
      else shape(k);
    }
  };
  const saved = doc._fillColor;
  ops.push('q');
  cm([1, 0, 0, 1, x || 0, y || 0]);
  // the outer <svg>: clipped to the viewport, the viewBox fitted into it (xMidYMid meet)
  const own = prop(root, 'transform') as Matrix;
  ops.push('q');
  for (const c of [['move', 0, 0], ['line', w, 0], ['line', w, h], ['line', 0, h], ['close']] as const) ops.push(pathOp(c[0] === 'close' ? c : [c[0], own[0] * c[1] + own[2] * c[2] + own[4], own[1] * c[1] + own[3] * c[2] + own[5]] as PathCommand));
  ops.push('W n');
  const vb0 = numberList(root.attrs.viewBox);
  // the default viewBox is the svg's own size (read before the outer element takes the viewport's)
  const vb = vb0.length === 4 && vb0[2]! >= 0 && vb0[3]! >= 0 ? vb0 : [0, 0, length(root.attrs.width) ?? w, length(root.attrs.height) ?? h];
  const s = Math.min(w / vb[2]!, h / vb[3]!);
  cm(multiply(own, [1, 0, 0, 1, 0, 0], [s, 0, 0, s, 0.5 * (w - vb[2]! * s), 0.5 * (h - vb[3]! * s)], [1, 0, 0, 1, -vb[0]!, -vb[1]!]));
  const write = doc.addContent;
  doc.addContent = (c: string) => (ops.push(c), doc);
  try {
    children(root);
  } finally {
    delete (doc as Partial<Doc>).addContent; // back to the prototype's
  }
  if (doc.addContent !== write) doc.addContent = write;
  ops.push('Q', 'Q');
  doc.addContent(ops.join('\n'));
  doc._fillColor = saved;
  return true;
}

/** A path command as pdfkit writes it (moveTo, lineTo, bezierCurveTo, closePath). */
function pathOp(c: PathCommand): string {
  switch (c[0]) {
    case 'move': return `${num(c[1])} ${num(c[2])} m`;
    case 'line': return `${num(c[1])} ${num(c[2])} l`;
    case 'curve': return `${num(c[1])} ${num(c[2])} ${num(c[3])} ${num(c[4])} ${num(c[5])} ${num(c[6])} c`;
    default: return 'h';
  }
}

/** Checks what drawing needs before anything is drawn: shapes parse, fonts are registered, no group opacity. */
function prepare(n: SvgNode, doc: Doc, fontKey: FontKeys): boolean {
  if ((n.name === 'g' || n.name === 'svg') && (prop(n, 'opacity') as number) < 1) return false;
  if (n.name === 'text' && !doc._registeredFonts[textFont(n, fontKey)]) return false;
  if (n.name === 'path' || n.name === 'line' || n.name === 'rect' || n.name === 'circle') {
    const subs = shapeOf(n);
    if (!subs) return false;
    n.memo.set('shape', subs);
  }
  return n.children.every((k) => prepare(k, doc, fontKey));
}

const textFont = (n: SvgNode, fontKey: FontKeys) => fontKey(prop(n, 'font-family') as string, prop(n, 'font-weight') === 'bold', prop(n, 'font-style') === 'italic');

/** The subpaths of a path, line, rect or circle as svg-to-pdfkit builds them. */
function shapeOf(n: SvgNode): SubPath[] | undefined {
  if (n.name === 'path') return readPath(n.attrs.d ?? '');
  const a = (k: string) => length(n.attrs[k]) ?? 0;
  if (n.name === 'circle') return circlePath(a('cx'), a('cy'), a('r'));
  const s = subPaths();
  if (n.name === 'line') {
    s.add(['move', a('x1'), a('y1')]);
    s.add(['line', a('x2'), a('y2')]);
  } else {
    const [x, y, w, h] = [a('x'), a('y'), a('width'), a('height')];
    if (w > 0 && h > 0) for (const c of [['move', x, y], ['line', x + w, y], ['line', x + w, y + h], ['line', x, y + h], ['close']] as PathCommand[]) s.add(c);
  }
  return s.done();
}

/** svg-to-pdfkit's text layout for a text element with one text node (no x/y lists, tspans or spacing). */
function layout(n: SvgNode, doc: Doc, fontKey: FontKeys): void {
  doc.font(textFont(n, fontKey));
  const font = doc._font;
  const size = prop(n, 'font-size') as number;
  const glyphs: TextLayout['glyphs'] = [];
  if (n.text !== undefined) {
    const word = n.text.replace(/[\s]+/g, ' ').replace(/^[\s]/, '').replace(/[\s]$/, '');
    const [codes, pos] = font.encode('' + word);
    let x = 0;
    let y = 0;
    for (let i = 0; i < codes.length; i++) {
      const p = pos[i]!;
      glyphs.push({ glyph: codes[i]!, x: x + p.xOffset * size / 1000, y: y + 0 + p.yOffset * size / 1000, width: p.advanceWidth * size / 1000 });
      x += p.xAdvance * size / 1000 + 0;
      y += p.yAdvance * size / 1000;
    }
    if (glyphs.length) {
      const first = glyphs[0]!;
      const last = glyphs[glyphs.length - 1]!;
      const dx = ANCHOR[prop(n, 'text-anchor') as string]! * (last.x + last.width - first.x) || 0;
      for (const g of glyphs) g.x -= dx;
    }
  }
  n.memo.set('layout', { font, size, glyphs });
}
