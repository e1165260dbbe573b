/**
 * svg-to-pdfkit 0.1.8's SvgShape reduced to what drawing needs: path data read into absolute move/line/curve/close
 * commands (arcs as its Bézier pieces, with the same arithmetic, so the same doubles reach pdfkit), split into
 * subpaths, each with whether its length is zero (svg-to-pdfkit leaves such a subpath out).
 */
import { Scan } from './svgScan.ts';

export type PathCommand = readonly ['move', number, number] | readonly ['line', number, number] | readonly ['curve', number, number, number, number, number, number] | readonly ['close'];

/** A subpath: its commands and its length as svg-to-pdfkit measures it. */
export interface SubPath {
  readonly commands: PathCommand[];
  length: number;
  /** The first point (for a zero-length subpath's cap). */
  start?: [number, number];
}

const ARGS: Readonly<Record<string, number>> = { A: 7, a: 7, C: 6, c: 6, H: 1, h: 1, L: 2, l: 2, M: 2, m: 2, Q: 4, q: 4, S: 4, s: 4, T: 2, t: 2, V: 1, v: 1, Z: 0, z: 0 };
const COMMAND = /[astvzqmhlcASTVZQMHLC]/y;
const FLAG = /[01]/y;
const PRECISION = 3; // svg-to-pdfkit's default `precision` (drawSvg passes none)

/** svg-to-pdfkit's BezierSegment length (its 6 × precision midpoint sums). */
function curveLength(p1x: number, p1y: number, c1x: number, c1y: number, c2x: number, c2y: number, p2x: number, p2y: number): number {
  const n = 6 * PRECISION;
  const dx = [-3 * p1x + 3 * c1x, 6 * p1x - 12 * c1x + 6 * c2x, -3 * p1x + 9 * c1x - 9 * c2x + 3 * p2x];
  const dy = [-3 * p1y + 3 * c1y, 6 * p1y - 12 * c1y + 6 * c2y, -3 * p1y + 9 * c1y - 9 * c2y + 3 * p2y];
  const at = (t: number, c: number[]) => (c[0] || 0) + (c[1] || 0) * t + (c[2] || 0) * t * t + (c[3] || 0) * t * t * t;
  let total = 0;
  for (let i = 1; i <= n; i++) {
    const t = (i - 0.5) / n;
    const x = at(t, dx) / n;
    const y = at(t, dy) / n;
    total = total + Math.sqrt(x * x + y * y);
  }
  return total;
}

/** Subpaths of absolute commands, split at each move after the first command (svg-to-pdfkit's getSubPaths). */
export function subPaths(): { add(c: PathCommand): void; current(): [number, number]; x(): number; y(): number; done(): SubPath[] } {
  const subs: SubPath[] = [];
  let sub: SubPath = { commands: [], length: 0 };
  let sx = 0, sy = 0, cx = 0, cy = 0;
  const add = (c: PathCommand) => {
    if (c[0] === 'move' && (subs.length > 0 || sub.commands.length > 0)) {
      subs.push(sub);
      sub = { commands: [], length: 0 };
    }
    sub.commands.push(c);
    if (c[0] === 'move') {
      sx = cx = c[1];
      sy = cy = c[2];
      return;
    }
    sub.start ??= [cx, cy];
    if (c[0] === 'line' || c[0] === 'close') {
      const x = c[0] === 'line' ? c[1] : sx;
      const y = c[0] === 'line' ? c[2] : sy;
      sub.length += Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
      cx = x;
      cy = y;
    } else {
      sub.length += curveLength(cx, cy, c[1], c[2], c[3], c[4], c[5], c[6]);
      cx = c[5];
      cy = c[6];
    }
  };
  return { add, current: () => [cx, cy], x: () => cx, y: () => cy, done: () => [...subs, sub] };
}

/** Path data as subpaths, or undefined where svg-to-pdfkit would warn (then it draws the SVG itself). */
export function readPath(d: string): SubPath[] | undefined {
  const shape = subPaths();
  const add = shape.add;
  let cx = 0, cy = 0, last = '', lcx = 0, lcy = 0;
  const M = (x: number, y: number) => (add(['move', x, y]), (last = 'M'));
  const L = (x: number, y: number) => (add(['line', x, y]), (last = 'L'));
  const C = (a: number, b: number, c: number, e: number, x: number, y: number) => (add(['curve', a, b, c, e, x, y]), (last = 'C'), (lcx = c), (lcy = e));
  const Q = (qx: number, qy: number, x: number, y: number) => {
    add(['curve', cx + 2 / 3 * (qx - cx), cy + 2 / 3 * (qy - cy), x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y]);
    last = 'Q';
    lcx = qx;
    lcy = qy;
  };
  const A = (rx: number, ry: number, fi: number, fa: number, fs: number, x: number, y: number) => {
    if (Math.abs(rx) < 1e-10 || Math.abs(ry) < 1e-10) add(['line', x, y]);
    else arc(rx, ry, fi, fa, fs, x, y, cx, cy, (c) => add(c));
    last = 'A';
  };
  // no arrays or spreads per command (a QR code's path is over a thousand of them, read by cold code): the values go
  // to the command's function as arguments, the current point is read as two numbers
  const exec = (command: string, v: number[]) => {
    cx = shape.x();
    cy = shape.y();
    switch (command) {
      case 'M': return M(v[0]!, v[1]!);
      case 'L': return L(v[0]!, v[1]!);
      case 'C': return C(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!);
      case 'Q': return Q(v[0]!, v[1]!, v[2]!, v[3]!);
      case 'A': return A(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, v[6]!);
      case 'm': return M(cx + v[0]!, cy + v[1]!);
      case 'l': return L(cx + v[0]!, cy + v[1]!);
      case 'Z':
      case 'z': return (add(['close']), (last = 'Z'));
      case 'H': return L(v[0]!, cy);
      case 'h': return L(cx + v[0]!, cy);
      case 'V': return L(cx, v[0]!);
      case 'v': return L(cx, cy + v[0]!);
      case 'c': return C(cx + v[0]!, cy + v[1]!, cx + v[2]!, cy + v[3]!, cx + v[4]!, cy + v[5]!);
      case 'S': return C(cx + (last === 'C' ? cx - lcx : 0), cy + (last === 'C' ? cy - lcy : 0), v[0]!, v[1]!, v[2]!, v[3]!);
      case 's': return C(cx + (last === 'C' ? cx - lcx : 0), cy + (last === 'C' ? cy - lcy : 0), cx + v[0]!, cy + v[1]!, cx + v[2]!, cy + v[3]!);
      case 'q': return Q(cx + v[0]!, cy + v[1]!, cx + v[2]!, cy + v[3]!);
      case 'T': return Q(cx + (last === 'Q' ? cx - lcx : 0), cy + (last === 'Q' ? cy - lcy : 0), v[0]!, v[1]!);
      case 't': return Q(cx + (last === 'Q' ? cx - lcx : 0), cy + (last === 'Q' ? cy - lcy : 0), cx + v[0]!, cy + v[1]!);
      default: return A(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, cx + v[5]!, cy + v[6]!); // 'a'
    }
  };
  const p = new Scan(d.trim());
  for (let command = p.match(COMMAND); command !== undefined; command = p.match(COMMAND)) {
    p.separator();
    let values: number[] = [];
    // an arc's large-arc and sweep flags are one digit each, read as svg-to-pdfkit does (FLAG); the rest numbers
    const next = () => ((command === 'A' || command === 'a') && (values.length === 3 || values.length === 4) ? p.match(FLAG) : p.number());
    for (let v = next(); v; v = next()) {
      p.separator();
      if (values.length === ARGS[command]) {
        exec(command, values);
        values = [];
        if (command === 'M') command = 'L';
        else if (command === 'm') command = 'l';
      }
      values.push(Number(v));
    }
    if (values.length !== ARGS[command]) return undefined;
    exec(command, values);
  }
  if (p.rest) return undefined;
  return shape.done();
}

/** A circle as svg-to-pdfkit's SvgElemCircle builds it: a move and two half arcs, closed; nothing when r ≤ 0. */
export function circlePath(cx: number, cy: number, r: number): SubPath[] {
  const shape = subPaths();
  if (r > 0) {
    shape.add(['move', cx + r, cy]);
    const half = (x: number) => {
      const [fromX, fromY] = shape.current();
      if (Math.abs(r) < 1e-10) shape.add(['line', x, cy]);
      else arc(r, r, 0, 0, 1, x, cy, fromX, fromY, shape.add);
    };
    half(cx - r);
    half(cx + r);
    shape.add(['close']);
  }
  return shape.done();
}

/** svg-to-pdfkit's elliptical arc as Bézier pieces (SvgShape.A), in its arithmetic. */
function arc(rx: number, ry: number, fi: number, fa: number, fs: number, x: number, y: number, currX: number, currY: number, add: (c: PathCommand) => void): void {
  fi = fi * (Math.PI / 180);
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  fa = 1 * (fa ? 1 : 0);
  fs = 1 * (fs ? 1 : 0);
  const x1 = Math.cos(fi) * (currX - x) / 2 + Math.sin(fi) * (currY - y) / 2;
  const y1 = Math.cos(fi) * (currY - y) / 2 - Math.sin(fi) * (currX - x) / 2;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const r = Math.sqrt(Math.max(0, rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1) / (rx * rx * y1 * y1 + ry * ry * x1 * x1));
  const x2 = (fa === fs ? -1 : 1) * r * rx * y1 / ry;
  const y2 = (fa === fs ? 1 : -1) * r * ry * x1 / rx;
  const cx = Math.cos(fi) * x2 - Math.sin(fi) * y2 + (currX + x) / 2;
  const cy = Math.sin(fi) * x2 + Math.cos(fi) * y2 + (currY + y) / 2;
  const th1 = Math.atan2((y1 - y2) / ry, (x1 - x2) / rx);
  let th2 = Math.atan2((-y1 - y2) / ry, (-x1 - x2) / rx);
  if (fs === 0 && th2 - th1 > 0) th2 -= 2 * Math.PI;
  else if (fs === 1 && th2 - th1 < 0) th2 += 2 * Math.PI;
  const segms = Math.ceil(Math.abs(th2 - th1) / (Math.PI / PRECISION));
  for (let i = 0; i < segms; i++) {
    const th3 = th1 + i * (th2 - th1) / segms;
    const th4 = th1 + (i + 1) * (th2 - th1) / segms;
    const t = 4 / 3 * Math.tan((th4 - th3) / 4);
    const c1x = cx + Math.cos(fi) * rx * (Math.cos(th3) - t * Math.sin(th3)) - Math.sin(fi) * ry * (Math.sin(th3) + t * Math.cos(th3));
    const c1y = cy + Math.sin(fi) * rx * (Math.cos(th3) - t * Math.sin(th3)) + Math.cos(fi) * ry * (Math.sin(th3) + t * Math.cos(th3));
    const c2x = cx + Math.cos(fi) * rx * (Math.cos(th4) + t * Math.sin(th4)) - Math.sin(fi) * ry * (Math.sin(th4) - t * Math.cos(th4));
    const c2y = cy + Math.sin(fi) * rx * (Math.cos(th4) + t * Math.sin(th4)) + Math.cos(fi) * ry * (Math.sin(th4) - t * Math.cos(th4));
    const endX = cx + Math.cos(fi) * rx * Math.cos(th4) - Math.sin(fi) * ry * Math.sin(th4);
    const endY = cy + Math.sin(fi) * rx * Math.cos(th4) + Math.cos(fi) * ry * Math.sin(th4);
    add(['curve', c1x, c1y, c2x, c2y, endX, endY]);
  }
}
