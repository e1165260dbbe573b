import type { Pt } from '../util/geometry.ts';
import { GLYPH_EXPANSION, SPACE_SHRINK, SPACE_STRETCH } from './itemize.ts';

/** Word spaces wider than this (× natural) are avoided by widening the glyphs past GLYPH_EXPANSION (issue 3: max 2×). */
export const MAX_SPACE_RATIO = 2;
/** Hard limit of that emergency glyph widening (4 %; pdfTeX users go to 3–5 % for whole paragraphs). */
export const EXPANSION_LIMIT = 0.04;

/** A line's measured parts as pdf/ draws them with word spacing: words shaped one by one, separators between. */
export interface SpacedLine {
  /** Sum of the words' widths. */
  readonly words: Pt;
  /** Sum of the separators' natural (space glyph) widths. */
  readonly spaces: Pt;
  readonly separators: number;
}

/** How a line is fitted: horizontal glyph scale and extra width per separator before scaling (pdfkit wordSpacing). */
export interface Fit {
  readonly scale: number;
  readonly extraPt: Pt;
  /** Visible word space / natural space (the typographic report's space ratio). */
  readonly spaceRatio: number;
}

/**
 * Fits a line to `available` as Knuth–Plass assumed: adjustment ratio r spread over word spaces (stretch
 * SPACE_STRETCH, shrink SPACE_SHRINK of the space) and glyph widths (±expansion). The glyphs never scale beyond
 * ±expansion (r = ±1); a looser line puts the rest into the spaces; a line never shrinks past r = −1 (it then
 * stays overfull rather than letting words collide). Spaces over MAX_SPACE_RATIO first widen the glyphs up to
 * EXPANSION_LIMIT. `stretch` false: only shrinking, as for a ragged line too wide.
 */
export function fitLine(line: SpacedLine, available: Pt, opts: { stretch: boolean; expansion?: number }): Fit {
  const x = opts.expansion ?? GLYPH_EXPANSION;
  const { words, spaces, separators } = line;
  const natural = words + spaces;
  const diff = available - natural;
  if (separators === 0 || (diff >= 0 && !opts.stretch)) return { scale: 1, extraPt: 0, spaceRatio: 1 };
  const perSpace = spaces / separators;
  const r = diff >= 0 ? diff / (x * words + SPACE_STRETCH * spaces) : Math.max(-1, diff / (x * words + SPACE_SHRINK * spaces));
  let scale = 1 + x * Math.max(-1, Math.min(1, r));
  // visible separator width v: scale × words + separators × v = available
  const minSpace = perSpace * (1 - SPACE_SHRINK);
  let visible = Math.max(minSpace, (available - scale * words) / separators);
  if (visible > MAX_SPACE_RATIO * perSpace && words > 0) {
    // a line that cannot be set well: widen the glyphs further (up to the limit) before the spaces pass 2×
    scale = Math.min(1 + EXPANSION_LIMIT, (available - separators * MAX_SPACE_RATIO * perSpace) / words);
    visible = (available - scale * words) / separators;
  }
  return { scale, extraPt: visible / scale - perSpace, spaceRatio: perSpace > 0 ? visible / perSpace : 1 };
}
