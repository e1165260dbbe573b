import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { fontKeyFor } from './textMetrics.ts';

const TEXT_ELEMENT = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const TSPAN = /<tspan\b([^>]*)>([\s\S]*?)<\/tspan>/g;
/** Attributes of a vega text element that still apply once it is a path. */
const KEPT = ['transform', 'fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'clip-path'];
/** vega writes font-size with "px"; its default is 11 (vega-scenegraph fontSize()). */
const DEFAULT_SIZE = 11;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities vega's SVG writer produces. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTRIBUTE)) out[m[1]] = m[2];
  return out;
}

/** The lines of a text element with each line's extra vertical offset (vega's tspan dy). */
function lines(content: string): { text: string; dy: number }[] {
  if (!content.includes('<tspan')) return [{ text: decodeXml(content), dy: 0 }];
  const out: { text: string; dy: number }[] = [];
  let y = 0;
  for (const m of content.matchAll(TSPAN)) {
    y += Number(attributes(m[1]).dy ?? 0) || 0;
    out.push({ text: decodeXml(m[2]), dy: y });
  }
  return out;
}

/** Outlined lines by font file, size, anchor and text: labels repeat across charts and rebuilds. */
/** Most cached lines and glyphs: far more than a report's distinct chart labels, small enough to bound memory (~10 MB). */
const MAX_CACHED_LINES = 20_000;

/** Two decimals, as fontkit's toSVG wrote them: a hundredth of a font unit at 10 pt is far below a pixel. */
const round = (n: number): number => Math.round(n * 100) / 100;

/** The path data of one shaped line at the origin, placed by its text-anchor on the shaped advance width. */
function outlineLine(fonts: FontStore, key: string, text: string, size: number, anchor: string | undefined, dy: number, glyph: (id: number) => string): string {
  const run = fonts.shape!(text, key, []);
  const scale = size / run.unitsPerEm;
  const width = run.advance * scale;
  let x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  let d = '';
  for (let i = 0; i < run.ids.length; i++) {
    const ox = x + (run.offsets ? run.offsets[2 * i]! * scale : 0);
    const oy = dy - (run.offsets ? run.offsets[2 * i + 1]! * scale : 0);
    // HarfBuzz's path is in font units with y up: scale, flip and move each x,y pair to the glyph's place.
    d += glyph(run.ids[i]!).replace(/(-?[\d.]+),(-?[\d.]+)/g, (_m, px: string, py: string) => `${round(ox + Number(px) * scale)} ${round(oy - Number(py) * scale)}`);
    x += run.advances[i]! * scale;
  }
  return d;
}

/**
 * Replaces every SVG <text> with the outlines of its glyphs from the report's fonts, so a rasteriser
 * draws exactly the PDF's letters and never looks up a system font (no fontconfig, same pixels on
 * every machine). Placement follows vega's: transform, then text-anchor on the shaped advance width.
 */
export function outlineText(svg: string, fonts: FontStore, keys: ResolvedTheme['chart']['fontKeys'], lineCache: Map<string, string> = new Map()): string {
  return svg.replace(TEXT_ELEMENT, (_m, attrText: string, content: string) => {
    const a = attributes(attrText);
    const size = parseFloat(a['font-size'] ?? '') || DEFAULT_SIZE;
    const key = fontKeyFor(keys, a['font-weight'], a['font-style']);
    const anchor = a['text-anchor'];
    const parts: string[] = [];
    const file = fonts.files[key];
    const face = fonts.hashes?.[key] ?? file;
    // A glyph's path from HarfBuzz (a draw through WebAssembly callbacks) once per face, in the same cache under a
    // key no line's has (those start with the face): the bundled report's labels draw ≈ 8,000 glyphs of ≈ 100.
    const glyph = (id: number): string => {
      if (!file) return fonts.outline!(key, id);
      const gk = `\u0000${face}|${id}`;
      let path = lineCache.get(gk);
      if (path === undefined) lineCache.set(gk, (path = fonts.outline!(key, id)));
      return path;
    };
    for (const line of lines(content)) {
      const ck = `${face}|${size}|${anchor}|${line.dy}|${line.text}`;
      let d = file ? lineCache.get(ck) : undefined;
      if (d === undefined) {
        d = outlineLine(fonts, key, line.text, size, anchor, line.dy, glyph);
        if (lineCache.size >= MAX_CACHED_LINES) lineCache.clear();
        if (file) lineCache.set(ck, d);
      }
      if (d) parts.push(d);
    }
    const kept = KEPT.filter((k) => a[k] !== undefined).map((k) => ` ${k}="${a[k]}"`).join('');
    const fill = a.fill === undefined ? ' fill="#000"' : '';
    return parts.length ? `<path${kept}${fill} d="${parts.join('')}"/>` : '';
  });
}
