import { stackLines, styledPara, trackLines } from '../flow/index.ts';
import type { LayoutEnv } from '../flow/types.ts';
import type { FrameItem } from '../model/types.ts';
import type { TextStyleSpec } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';
import { segmentByFont } from '../fonts/fallback.ts';

/**
 * One line in a template style with its baseline at (x, y); `align` right puts its end at x. One glyph run, or
 * several where the style's face lacks a character and a fallback face draws it (fonts/fallback.ts).
 */
export function glyphLine(text: string, style: TextStyleSpec, env: LayoutEnv, x: Pt, y: Pt, align: 'left' | 'right' = 'left', features = style.features): FrameItem[] {
  const shown = style.uppercase ? text.toLocaleUpperCase(style.lang) : text;
  const pieces = segmentByFont(shown, style.font, env.fonts).map((s) => ({ ...s, widthPt: env.fonts.measure(s.text, s.font, style.size, features) }));
  let at = align === 'right' ? x - pieces.reduce((w, p) => w + p.widthPt, 0) : x;
  return pieces.map((p) => {
    const item: FrameItem = { kind: 'glyphs', x: at, y, text: p.text, font: p.font, sizePt: style.size, color: style.color, features, wordSpacingPt: 0, widthPt: p.widthPt };
    at += p.widthPt;
    return item;
  });
}

/** A paragraph in a template style, broken at `width` and stacked from `top`; returns items, height and last line. */
export function setBlock(text: string, style: TextStyleSpec, env: LayoutEnv, x: Pt, top: Pt, width: Pt, color = style.color) {
  const lines = trackLines(env.breakLines(styledPara({ ...style, color }, text), width), style.tracking);
  const set = stackLines(lines, x, top);
  const last = lines[lines.length - 1];
  return { items: set.items, heightPt: set.heightPt, lastWidthPt: last?.widthPt ?? 0, lastBaseline: top + set.heightPt - (last ? last.heightPt - last.ascentPt : 0) };
}

/** Fills "{name}" placeholders of a template string. */
export function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
