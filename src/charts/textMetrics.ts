import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** The part of a vega text item that decides its width. */
interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly fontStyle?: string;
  readonly limit?: number;
  readonly ellipsis?: string;
}

/** vega-scenegraph's textMetrics object; vega-typings does not declare it. */
interface VegaTextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

/** vega's default size when an item has none (vega-scenegraph fontSize()). */
const VEGA_DEFAULT_FONT_SIZE = 11;

/** The theme font key for a vega weight and style: 600/semibold, ≥700/bold, italic, else normal. */
export function fontKeyFor(keys: ResolvedTheme['chart']['fontKeys'], weight: unknown, style: unknown): string {
  if (style === 'italic' || style === 'oblique') return keys.italic;
  const w = typeof weight === 'number' ? weight : String(weight ?? '').toLowerCase();
  if (w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 700) || Number(w) >= 700) return keys.bold;
  if (w === 'semibold' || w === 600 || w === '600') return keys.semibold;
  return keys.normal;
}

/** A vega textMetrics.width that measures with the report's fonts, truncating like vega when `limit` is set. */
export function createWidthFunction(fonts: FontStore, keys: ResolvedTheme['chart']['fontKeys']) {
  return (item: TextItem, text?: unknown): number => {
    const size = item.fontSize != null ? +item.fontSize || 0 : VEGA_DEFAULT_FONT_SIZE;
    const s = text == null ? '' : String(text).trim();
    if (size <= 0 || !s) return 0;
    const key = fontKeyFor(keys, item.fontWeight, item.fontStyle);
    const w = fonts.measure(s, key, size);
    const limit = Number(item.limit) || 0;
    if (limit <= 0 || w <= limit) return w;
    // vega draws a truncated label: measure what it will draw ("Naturalisatie…").
    const ellipsis = item.ellipsis ?? '\u2026';
    const room = limit - fonts.measure(ellipsis, key, size);
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (fonts.measure(s.slice(0, mid), key, size) < room) lo = mid;
      else hi = mid - 1;
    }
    return fonts.measure(s.slice(0, lo) + ellipsis, key, size);
  };
}

/** Points vega's text measurement at the report's fonts (vega otherwise guesses 0.8·size per character). */
export function installTextMetrics(vegaTextMetrics: unknown, fonts: FontStore, keys: ResolvedTheme['chart']['fontKeys']): void {
  (vegaTextMetrics as VegaTextMetrics).width = createWidthFunction(fonts, keys);
}
