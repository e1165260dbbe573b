import type { FontKey, Passage } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';

/** A piece of one line in one font, placed at an x offset from the line start; drawn as one text show. */
export interface GlyphRun {
  readonly text: string;
  readonly xPt: Pt;
  readonly widthPt: Pt;
  readonly font: FontKey;
  readonly sizePt: Pt;
  readonly color: string;
  readonly features: readonly string[];
  /** Extra width added to each U+0020 in this run (justification). */
  readonly wordSpacingPt: Pt;
  readonly link?: string;
  readonly footnoteId?: string;
  readonly risePt?: Pt;
  /** Horizontal glyph scaling of a justified line (1.02 = 2 % wider; absent = 1): pdfTeX's font expansion. */
  readonly scale?: number;
  /** Extra space after every character (the template's `tracking`, for small caps labels); widthPt includes it. */
  readonly letterSpacingPt?: Pt;
  /** Part of an inline passage in another language (its Span element in the tagged PDF). */
  readonly passage?: Passage;
}

/** One set line of a paragraph; x offsets are relative to the paragraph's left edge. */
export interface Line {
  readonly runs: readonly GlyphRun[];
  /** Width actually occupied (after justification). */
  readonly widthPt: Pt;
  /** Distance from the line's top to its baseline, from the leading model. */
  readonly ascentPt: Pt;
  readonly descentPt: Pt;
  /** Baseline-to-baseline distance that this line contributes. */
  readonly heightPt: Pt;
  /** The line ends in a hyphen: an added one (hyphenation) or the word's own ("IND-" before "medewerker"). */
  readonly hyphenated: boolean;
  /** Ratio of word-space width to the font's natural space (justified lines), for the typographic report. */
  readonly spaceRatio?: number;
  /** Text wider than the measure (a word that could not be broken). */
  readonly overfull?: boolean;
  /**
   * What the break did to the text, for extraction (pdf/ glyphRuns.ts): 'space' it took a word space (or was a
   * forced line break), 'hyphen' it added a hyphen; absent for the paragraph's last line and a break after the
   * word's own dash or slash ("IND-|medewerker"), where nothing was taken or added.
   */
  readonly end?: 'space' | 'hyphen';
}

/** Word hyphenation in the report's languages: break positions (count of characters before each break), cached per word. */
export interface Hyphenator {
  /** What decides its breaks besides the patterns (languages, exception list), for cache keys; absent in test fakes. */
  readonly id?: string;
  /**
   * Positions p (0 < p < word.length) where `word` may be split as word.slice(0, p) + "-"; [] for ineligible words
   * and for languages without patterns. `lang`: a passage's own BCP 47 language (default: the report's).
   */
  hyphenate(word: string, lang?: string): readonly number[];
  /** Languages asked for that have no hyphenation patterns (set without hyphenation). */
  readonly missing?: readonly string[];
  /** Words shorter than this are never split (hyphenate gives []), so they need not be asked; absent: ask every word. */
  readonly minWordLength?: number;
}

/** Summary of a set of lines for the typographic report. */
export interface LineStats {
  readonly lines: number;
  readonly hyphenated: number;
  readonly maxConsecutiveHyphens: number;
  readonly overfull: number;
  /** spaceRatio of every justified line, in order. */
  readonly spaceRatios: readonly number[];
}
