/**
 * svg-to-pdfkit 0.1.8's property lookup (`get`) for svgSubset.ts's tree: an element's attribute parsed as
 * svg-to-pdfkit parses it, else its parent's value for inherited properties, else the initial value. The subset has
 * no CSS and no `style` attributes, so attributes are the only source. Colours are kept with their text: the colour
 * callback runs when a colour is used (drawSvgSubset.ts), as svg-to-pdfkit calls it then.
 */
import { length, paintOf, parseTransform, UNIT, UNITS, type Matrix, type SvgColor, type SvgNode } from './svgSubset.ts';
import { Scan } from './svgScan.ts';

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const INHERITED = new Set(['fill', 'stroke', 'fill-opacity', 'stroke-opacity', 'stroke-width', 'stroke-miterlimit', 'stroke-linejoin', 'stroke-linecap', 'stroke-dasharray', 'stroke-dashoffset', 'fill-rule', 'font-size', 'font-family', 'font-weight', 'font-style', 'text-anchor']);
const BLACK: SvgColor = [[0, 0, 0], 1];
const INITIAL: Record<string, unknown> = { fill: BLACK, stroke: 'none', 'fill-opacity': 1, 'stroke-opacity': 1, opacity: 1, 'stroke-width': 1, 'stroke-miterlimit': 4, 'stroke-linejoin': 'miter', 'stroke-linecap': 'butt', 'stroke-dasharray': [], 'stroke-dashoffset': 0, 'fill-rule': 'nonzero', 'font-size': 16, 'font-family': 'sans-serif', 'font-weight': 'normal', 'font-style': 'normal', 'text-anchor': 'start', display: 'inline', transform: IDENTITY };
const VALUES: Record<string, Record<string, unknown>> = {
  'fill-rule': { nonzero: 'nonzero', evenodd: 'evenodd' },
  'stroke-linejoin': { miter: 'miter', round: 'round', bevel: 'bevel' },
  'stroke-linecap': { butt: 'butt', round: 'round', square: 'square' },
  'font-size': { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32 },
  'font-weight': { 600: 'bold', 700: 'bold', 800: 'bold', 900: 'bold', bold: 'bold', bolder: 'bold', 500: 'normal', 400: 'normal', 300: 'normal', 200: 'normal', 100: 'normal', normal: 'normal', lighter: 'normal' },
  'font-style': { italic: 'italic', oblique: 'italic', normal: 'normal' },
  'text-anchor': { start: 'start', middle: 'middle', end: 'end' },
  display: { none: 'none', inline: 'inline', block: 'inline' },
};

/** The value svg-to-pdfkit's `get(key)` gives for a node (attributes only: the subset has no CSS). */
export function prop(n: SvgNode, key: string): unknown {
  if (n.memo.has(key)) return n.memo.get(key);
  const v = n.attrs[key];
  let r: unknown;
  const values = VALUES[key];
  if (values && v !== undefined && Object.hasOwn(values, v)) r = values[v];
  else if (v !== undefined) r = parsed(n, key, v);
  if (r == null) r = INHERITED.has(key) && n.parent ? prop(n.parent, key) : INITIAL[key];
  n.memo.set(key, r);
  return r;
}
function parsed(n: SvgNode, key: string, v: string): unknown {
  switch (key) {
    case 'font-size': {
      const m = /^\s*([-+]?(?:[0-9]+[.][0-9]+|[0-9]+[.]|[.][0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?)(%|em|ex)\s*$/.exec(v);
      const parent = n.parent ? (prop(n.parent, key) as number) : 16;
      if (m) return m[2] === '%' ? parseFloat(m[1]!) / 100 * parent : (m[1] as unknown as number) * (m[2] === 'em' ? 1 : 0.5) * parent;
      return length(v) ?? undefined;
    }
    case 'font-family':
      return v || undefined;
    case 'opacity': case 'stroke-opacity': case 'fill-opacity': {
      const x = parseFloat(v);
      return isNaN(x) ? undefined : Math.max(0, Math.min(1, x));
    }
    case 'transform':
      return parseTransform(v);
    case 'stroke-dasharray': {
      if (v === 'none') return [];
      const list = dashList(v);
      if (!list || list.some((x) => x < 0)) return undefined;
      const sum = list.reduce((a, b) => a + b, 0);
      return sum === 0 ? [] : list.length % 2 === 1 ? list.concat(list) : list;
    }
    case 'fill': case 'stroke': {
      const c = paintOf(v); // kept with its text: the colour callback runs when the colour is used (colorOf)
      return c === 'none' ? c : c && { c, raw: v.trim() };
    }
    case 'stroke-width': {
      const x = length(v);
      return x != null && x >= 0 ? x : undefined;
    }
    case 'stroke-miterlimit': {
      const x = parseFloat(v);
      return x >= 1 ? x : undefined;
    }
    case 'stroke-dashoffset': {
      let x = length(v);
      if (x != null && x < 0) for (const d of prop(n, 'stroke-dasharray') as number[]) x += d;
      return x ?? undefined;
    }
  }
  return undefined;
}

/** svg-to-pdfkit's computeLengthList (strict) for absolute lengths. */
function dashList(v: string): number[] | undefined {
  const p = new Scan(v.trim());
  const out: number[] = [];
  for (let n = p.number(); n !== undefined; n = p.number()) {
    const unit = p.match(UNIT) ?? '';
    out.push((n as unknown as number) * UNITS[unit]!);
    p.separator();
  }
  return p.rest ? undefined : out;
}
