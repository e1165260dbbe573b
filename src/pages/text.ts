import { stackLines, styledPara, trackLines } from '../flow/index.ts';
import type { LayoutEnv } from '../flow/types.ts';
import type { FrameItem } from '../model/types.ts';
import type { TextStyleSpec } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';

/** One glyph run in a template style with its baseline at (x, y); `align` right puts its end at x. */
export function glyphLine(text: string, style: TextStyleSpec, env: LayoutEnv, x: Pt, y: Pt, align: 'left' | 'right' = 'left', features = style.features): FrameItem {
  const shown = style.uppercase ? text.toLocaleUpperCase('nl-NL') : text;
  const widthPt = env.fonts.measure(shown, style.font, style.size, features);
  return {
    kind: 'glyphs', x: align === 'right' ? x - widthPt : x, y, text: shown, font: style.font, sizePt: style.size,
    color: style.color, features, wordSpacingPt: 0, widthPt,
  };
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
