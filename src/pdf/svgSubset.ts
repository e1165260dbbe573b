/**
 * The part of SVG that vega writes for a chart (svg, g, path, line, rect, circle, text with plain text, translate/rotate
 * transforms, hex colours, no CSS), read into a small tree with svg-to-pdfkit's property rules, so that
 * drawSvgSubset.ts can draw it as svg-to-pdfkit 0.1.8 would without its generic machinery (a DOM, an element object
 * per node, style lookups up the tree: ≈ 90 % of drawing a chart). Anything outside that part (another element or
 * attribute, CSS, clip paths, gradients, entities beyond XML's, group opacity) makes `readSvgSubset` return
 * undefined and the SVG is drawn by svg-to-pdfkit itself.
 */
import { Scan } from './svgScan.ts';

/** One element: its name, attributes, element children in order, and for a text element its text. */
export interface SvgNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: SvgNode[];
  text?: string;
  readonly parent?: SvgNode;
  /** Computed properties (svg-to-pdfkit's `get`), filled on first use. */
  readonly memo: Map<string, unknown>;
}

/**
 * Attributes that change nothing drawn (vega's accessibility and interaction markup, namespaces; shape-rendering,
 * which svg-to-pdfkit 0.1.8 never reads: the print QR codes, flow/boxes/qr.ts, are drawn here then).
 */
const INERT = /^(?:class|role|aria-[a-z]+|pointer-events|xmlns(?::xlink)?|version|id|shape-rendering)$/;
/** Presentation attributes read through `prop`, valid on every element. */
const STYLED = new Set(['fill', 'stroke', 'stroke-width', 'stroke-opacity', 'fill-opacity', 'opacity', 'stroke-miterlimit', 'stroke-linejoin', 'stroke-linecap', 'stroke-dasharray', 'stroke-dashoffset', 'fill-rule', 'transform', 'display', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor']);
/** Geometry attributes per element. */
const OWN: Readonly<Record<string, ReadonlySet<string>>> = {
  svg: new Set(['width', 'height', 'viewBox']),
  g: new Set(),
  path: new Set(['d']),
  line: new Set(['x1', 'y1', 'x2', 'y2']),
  rect: new Set(['x', 'y', 'width', 'height']),
  // the play icon of a video box (flow/boxes/panels.ts) is a circle and a path
  circle: new Set(['cx', 'cy', 'r']),
  text: new Set(),
};
const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** svg-to-pdfkit's decodeEntities for the XML entities and character references; undefined for any other. */
function decode(s: string): string | undefined {
  if (!s.includes('&')) return s;
  let ok = true;
  const out = s.replace(/&(?:#([0-9]+)|#[xX]([0-9A-Fa-f]+)|([0-9A-Za-z]+));/g, (m, dec: string, hex: string, name: string) => {
    if (dec) return String.fromCharCode(parseInt(dec, 10));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (ENTITIES[name] !== undefined) return ENTITIES[name]!;
    ok = false;
    return m;
  });
  return ok && !/&(?![#\w]+;)/.test(s) ? out : undefined;
}

/** Lengths relative to the viewport or font (%, em, ex) exist only for font-size here; inherit and CSS names never. */
const RELATIVE = /%|e[mx]\b|e[mx]$/;
const LENGTHS = new Set(['stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r']);
function plainValue(key: string, v: string): boolean {
  if (v.trim() === 'inherit' || v in Object.prototype) return false;
  if (LENGTHS.has(key) && RELATIVE.test(v)) return false;
  if ((key === 'fill' || key === 'stroke') && paintOf(v) === undefined) return false;
  return true;
}

/** An SVG colour as svg-to-pdfkit parses it (0–255 channels, opacity), before its colour callback. */
export type SvgColor = [number[], number];
const NAMED: Readonly<Record<string, readonly number[]>> = { black: [0, 0, 0], white: [255, 255, 255] };

/**
 * svg-to-pdfkit's parseColor for names (those vega writes), rgb(a)() and hex; 'none' for none/transparent; undefined
 * for anything else (currentColor, url(), other names), which is left to svg-to-pdfkit.
 */
export function paintOf(value: string): SvgColor | 'none' | undefined {
  if (value === 'none' || value === 'transparent') return 'none';
  const raw = value.trim();
  let t: RegExpMatchArray | null;
  if (Object.hasOwn(NAMED, raw)) return [NAMED[raw]!.slice(), 1];
  if ((t = raw.match(/^rgba\(\s*([0-9]+)\s*,\s*([0-9]+)\s*,\s*([0-9]+)\s*,\s*([0-9.]+)\s*\)$/i))) {
    const [r, g, b, a] = [parseInt(t[1]!), parseInt(t[2]!), parseInt(t[3]!), parseFloat(t[4]!)];
    return r < 256 && g < 256 && b < 256 && a <= 1 ? [[r, g, b], a] : undefined;
  }
  if ((t = raw.match(/^rgb\(\s*([0-9]+)\s*,\s*([0-9]+)\s*,\s*([0-9]+)\s*\)$/i))) {
    const [r, g, b] = [parseInt(t[1]!), parseInt(t[2]!), parseInt(t[3]!)];
    return r < 256 && g < 256 && b < 256 ? [[r, g, b], 1] : undefined;
  }
  if ((t = raw.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i))) return [[parseInt(t[1]!, 16), parseInt(t[2]!, 16), parseInt(t[3]!, 16)], 1];
  if ((t = raw.match(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/i))) return [[0x11 * parseInt(t[1]!, 16), 0x11 * parseInt(t[2]!, 16), 0x11 * parseInt(t[3]!, 16)], 1];
  return undefined;
}

const TAG = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
const ATTR = /\s+([\w:.-]+)="([^"<]*)"/g;

/** The tree of an SVG in the subset, or undefined when it is not (then svg-to-pdfkit draws it). */
export function readSvgSubset(svg: string): SvgNode | undefined {
  const src = svg.trim();
  let root: SvgNode | undefined;
  let open: SvgNode | undefined;
  TAG.lastIndex = 0;
  while (TAG.lastIndex < src.length) {
    const m = TAG.exec(src);
    if (!m) return undefined; // a comment, CDATA, doctype, processing instruction or malformed markup
    const [, close, name, attrText, self, text] = m;
    if (text !== undefined) {
      if (!open) return undefined;
      if (open.name === 'text') {
        const t = decode(text);
        if (t === undefined) return undefined;
        open.text = (open.text ?? '') + t;
      } else if (text.trim()) return undefined;
      continue;
    }
    if (close) {
      if (!open || open.name !== name || self) return undefined;
      open = open.parent;
      continue;
    }
    const allowed = OWN[name!];
    if (!allowed || (name === 'svg') !== !root || open?.name === 'text') return undefined;
    const attrs: Record<string, string> = Object.create(null);
    for (const a of attrText!.matchAll(ATTR)) {
      const [, k, raw] = a as unknown as [string, string, string];
      if (k in attrs) return undefined; // svg-to-pdfkit leaves an element with a repeated attribute out
      // what nothing reads (vega's aria labels are most of the markup) is neither decoded nor checked
      if (INERT.test(k)) {
        attrs[k] = raw;
        continue;
      }
      const v = decode(raw);
      if (v === undefined || !(STYLED.has(k) || allowed.has(k)) || !plainValue(k, v)) return undefined;
      attrs[k] = v;
    }
    const node: SvgNode = { name: name!, attrs, children: [], parent: open, memo: new Map() };
    if (open) open.children.push(node);
    else if (root) return undefined;
    root ??= node;
    if (!self) open = node;
  }
  if (!root || open) return undefined;
  return root;
}

const PLAIN = /^-?[0-9]+(?:[.][0-9]+)?$/;
export const UNIT = /(?:px|pt|cm|mm|in|pc|em|ex|%|)/y;
export const UNITS: Readonly<Record<string, number>> = { '': 1, px: 1, pt: 96 / 72, cm: 96 / 2.54, mm: 96 / 25.4, in: 96, pc: 96 / 6 };

/** svg-to-pdfkit's computeLength for absolute units; null for none, NaN for relative ones (not in the subset). */
export function length(value: string | undefined): number | null {
  // a plain decimal (what vega writes) is what the scan below would read, as a number
  if (value !== undefined && PLAIN.test(value)) return Number(value);
  const p = new Scan((value ?? '').trim());
  const n = p.number();
  const unit = n === undefined ? undefined : p.match(UNIT);
  if (n === undefined || unit === undefined || p.rest) return null;
  const k = UNITS[unit];
  return k === undefined ? NaN : (n as unknown as number) * k;
}

/** Numbers of a list attribute (viewBox): svg-to-pdfkit's getNumberList. */
export function numberList(value: string | undefined): number[] {
  const p = new Scan((value ?? '').trim());
  const out: number[] = [];
  for (let n = p.number(); n !== undefined; n = p.number()) {
    out.push(Number(n));
    p.separator();
  }
  return out;
}

export type Matrix = [number, number, number, number, number, number];

/** svg-to-pdfkit's multiplyMatrix (the same operations in the same order, so the same doubles). */
export function multiply(...ms: Matrix[]): Matrix {
  let r = ms[0]!;
  for (let i = 1; i < ms.length; i++) {
    const [a, b] = [r, ms[i]!];
    r = [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];
  }
  return r;
}

const TRANSLATE = /^translate\((-?[0-9]+(?:[.][0-9]+)?),(-?[0-9]+(?:[.][0-9]+)?)\)$/;
const FUNC = /([A-Za-z]+)\s*[(]([^(]+)[)]/y;

/** svg-to-pdfkit's parseTranform; undefined when it does not parse (svg-to-pdfkit then takes the identity). */
export function parseTransform(v: string): Matrix | undefined {
  // vega's usual translate(x,y), read as the scan below would (the same product, so the same doubles)
  const t = TRANSLATE.exec(v);
  if (t) return multiply([1, 0, 0, 1, 0, 0], [1, 0, 0, 1, Number(t[1]), Number(t[2])]);
  const p = new Scan(v.trim());
  let r: Matrix = [1, 0, 0, 1, 0, 0];
  for (let m = FUNC.exec((FUNC.lastIndex = p.i, p.s)); m; m = FUNC.exec((FUNC.lastIndex = p.i, p.s))) {
    p.i += m[0].length;
    const [, f, args] = m as unknown as [string, string, string];
    const q = new Scan(args.trim());
    const n: number[] = [];
    for (let x = q.number(); x !== undefined; x = q.number()) {
      n.push(Number(x));
      q.separator();
    }
    const rad = (n[0] ?? 0) * Math.PI / 180;
    if (f === 'matrix' && n.length === 6) r = multiply(r, n as Matrix);
    else if (f === 'translate' && n.length === 2) r = multiply(r, [1, 0, 0, 1, n[0]!, n[1]!]);
    else if (f === 'translate' && n.length === 1) r = multiply(r, [1, 0, 0, 1, n[0]!, 0]);
    else if (f === 'scale' && n.length === 2) r = multiply(r, [n[0]!, 0, 0, n[1]!, 0, 0]);
    else if (f === 'scale' && n.length === 1) r = multiply(r, [n[0]!, 0, 0, n[0]!, 0, 0]);
    else if (f === 'rotate' && n.length === 3) r = multiply(r, [1, 0, 0, 1, n[1]!, n[2]!], [Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), 0, 0], [1, 0, 0, 1, -n[1]!, -n[2]!]);
    else if (f === 'rotate' && n.length === 1) r = multiply(r, [Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), 0, 0]);
    else if (f === 'skewX' && n.length === 1) r = multiply(r, [1, 0, Math.tan(rad), 1, 0, 0]);
    else if (f === 'skewY' && n.length === 1) r = multiply(r, [1, Math.tan(rad), 0, 1, 0, 0]);
    else return undefined;
    p.separator();
  }
  return p.rest ? undefined : r;
}
