import type { TextStyleSpec } from '../spec/theme.ts';
import type { ParagraphSpec, StyledRun } from '../style/types.ts';

/** A one-run paragraph in a template text style (running heads, TOC, cover, continuation marker). */
export function styledPara(style: TextStyleSpec, text: string, extra: Partial<StyledRun> = {}): ParagraphSpec {
  const run: StyledRun = {
    text: style.uppercase ? text.toLocaleUpperCase(style.lang) : text,
    font: style.font,
    sizePt: style.size,
    color: style.color,
    features: style.features,
    ...extra,
  };
  return { runs: [run], align: style.align, leadingPt: style.leading, hyphenate: style.hyphenate, firstLineIndentPt: 0 };
}
