import type { SourceSpan } from '../diag/types.ts';
import type { BoxSpec, ResolvedTheme, TextStyleSpec } from '../spec/theme.ts';
import type { BoundText } from '../bind/types.ts';
import type { Pt } from '../util/geometry.ts';
import { parseInline, type FootnoteNumberer, type InlineEnv } from './inline.ts';
import type { BoxStyle, ParagraphSpec, StyledRun } from './types.ts';

/** Options for one paragraph: indent, alignment override and where it came from. */
export interface ParaOptions {
  readonly indentPt?: Pt;
  readonly align?: ParagraphSpec['align'];
  readonly source?: SourceSpan;
}

/** A named text style of the theme; templates that omit a style fall back to `body` so a build never fails on it. */
export function textStyle(theme: ResolvedTheme, name: string): TextStyleSpec {
  const s = theme.text[name] ?? theme.text.body;
  if (!s) throw new Error(`theme "${theme.name}" has no text style "${name}" and no "body" style`);
  return s;
}

/** A ParagraphSpec from runs, taking alignment, leading and hyphenation from the style. */
export function paragraph(runs: readonly StyledRun[], style: TextStyleSpec, opts: ParaOptions = {}): ParagraphSpec {
  const para: ParagraphSpec = {
    runs,
    align: opts.align ?? style.align,
    leadingPt: style.leading,
    hyphenate: style.hyphenate,
    firstLineIndentPt: opts.indentPt ?? 0,
    lang: style.lang,
    ...(style.balance && (opts.align ?? style.align) !== 'justify' && { balance: true }),
  };
  return opts.source ? { ...para, source: opts.source } : para;
}

/** Author text (inline markup allowed) set as one paragraph in a named style. */
export function styledPara(
  text: BoundText | string,
  theme: ResolvedTheme,
  styleName: string,
  /** Footnote numbers, or them with the build's typography rules (style/inline.ts). */
  footnote: FootnoteNumberer | InlineEnv,
  opts: ParaOptions = {},
): ParagraphSpec {
  const style = textStyle(theme, styleName);
  const raw = typeof text === 'string' ? text : text.text;
  const source = opts.source ?? (typeof text === 'string' ? undefined : text.source);
  return paragraph(parseInline(raw, style, footnote), style, { ...opts, source });
}

/**
 * The theme for a block in another language: every text style set in `lang` (hyphenation, quotation marks, upper
 * case). The template's words stay the report's: they are the report's furniture, not the passage.
 */
export function themeInLanguage(theme: ResolvedTheme, lang: string): ResolvedTheme {
  const text = Object.fromEntries(Object.entries(theme.text).map(([k, s]) => [k, s && { ...s, lang }]));
  return { ...theme, text };
}

/** The theme's box decoration under the Pt-suffixed names of the Block contract. */
export function boxStyle(theme: ResolvedTheme, name: string): BoxStyle {
  const b: BoxSpec = theme.boxes[name] ?? {
    padding: { top: 0, right: 0, bottom: 0, left: 0 },
    spaceBefore: 0,
    spaceAfter: 0,
  };
  return {
    ...(b.fill ? { fill: b.fill } : {}),
    ...(b.stroke ? { stroke: b.stroke, strokeWidthPt: b.strokeWidth ?? 0.5 } : {}),
    ...(b.barColor ? { barColor: b.barColor, barWidthPt: b.barWidth ?? 3 } : {}),
    padding: b.padding,
    spaceBeforePt: b.spaceBefore,
    spaceAfterPt: b.spaceAfter,
  };
}

/** Plain text of a paragraph (for measuring and tests). */
export function plainText(para: ParagraphSpec): string {
  return para.runs.map((r) => r.text).join('');
}
