/**
 * Text stage: ParagraphSpec + measure → Line[]. Never draws, never touches pdfkit; measures only through fonts/.
 *
 * 1. itemize     styled runs → boxes (word pieces, shaped once per word with the run's features; justified text:
 *                ±2.5 % glyph expansion as box stretch/shrink), glue (spaces: stretch 0.5×, shrink 0.33× of the
 *                natural space; ragged text: fixed spaces), penalties (Dutch hyphenation points +"-", breaks after
 *                "-" "–" "/", soft hyphens, emergency character breaks). U+00A0/U+202F never break; "\n" forces one.
 * 2. knuthPlass  total fit with hyphenation from the first pass: tolerance 1, 2, 2 + emergency stretch, then any
 *                looseness; ≤ 2 hyphenated lines in a row; no added hyphen before a paragraph's last line (except
 *                in the last-resort pass); first-fit only when no pass succeeds.
 * 3. setLines    one GlyphRun per style change (spaces kept); justify.fitLine spreads the adjustment over word
 *                spacing (wordSpacingPt) and glyph scaling (scale) as the breaker assumed, never spaces over 2×
 *                while the glyphs may still widen (≤ 4 %); alignment, indent, leading model: heightPt = leading,
 *                descent = 0.25 × leading, ascent = the rest.
 * Invariants: no soft hyphen is ever emitted; every line of a justified paragraph but the last ends at widthPt;
 * `overfull` only when a line is still wider than the measure after all fallbacks (then a TEXT002 warning).
 */
export { createLineBreaker, type LineBreakerOptions } from './breakLines.ts';
export { createHyphenator } from './hyphenate.ts';
export { createLineDiskCache } from './lineCache.ts';
export { lineStats } from './stats.ts';
export type { GlyphRun, Hyphenator, Line, LineStats } from './types.ts';
