import type { FontStore } from '../fonts/fontStore.ts';
import type { ParagraphSpec } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';
import { wordPieces, type PrefixWidths, type WordBreak } from './wordBreaks.ts';
import type { Hyphenator } from './types.ts';
import { charStream, hasSoftHyphen } from './charStream.ts';

/** Knuth–Plass item: a box (text), glue (a space) or penalty (a possible break); `run` indexes para.runs. */
export interface Item {
  readonly kind: 'box' | 'glue' | 'penalty';
  readonly width: Pt;
  readonly stretch: Pt;
  readonly shrink: Pt;
  /** Infinite (fil) stretch: only the parfillskip glue at the paragraph end. */
  readonly fil: boolean;
  readonly penalty: number;
  readonly flagged: boolean;
  /** Penalty that draws a "-" at the line end when chosen. */
  readonly hyphen: boolean;
  /** Style source; -1 for the indent box and the closing items. */
  readonly run: number;
  readonly text: string;
}

/** Items of a paragraph plus the words that needed emergency character breaks, or hyphenation where it is off. */
export interface Itemized {
  readonly items: readonly Item[];
  readonly emergencyWords: readonly string[];
  /** Words wider than the measure, hyphenated although the style or their place would not hyphenate them. */
  readonly forcedWords: readonly string[];
}

/** Items of one word, shared between paragraphs through the breaker's cache (items are immutable). */
export interface WordItems {
  readonly items: readonly Item[];
  readonly emergency: boolean;
  /** Hyphenated only because it is wider than the measure. */
  readonly forced?: boolean;
}

/** Itemized words by run style and options (see itemize), then by the word's text. */
export type WordCache = Map<string, Map<string, WordItems>>;

/** Penalty for breaking at an infinite cost (TeX's 10000): never break here. */
export const INFINITY_PENALTY = 10000;
/** TeX \hyphenpenalty 50: a discretionary break costs a little. */
export const HYPHEN_PENALTY = 50;
/** TeX \exhyphenpenalty 50: break after an explicit "-" or "/" in "IND-medewerker", "en/of". */
export const EXPLICIT_PENALTY = 50;
/** Character-level break inside a word that fits on no line: costly, used only when nothing else works. */
export const EMERGENCY_PENALTY = 800;
/** Emergency break before "." or "@" of an over-long address: still costly, but better than mid-name. */
export const URL_BREAK_PENALTY = 300;
/** Justified word space may grow by half its width (TeX's cmr10 uses 1/2 stretch). */
export const SPACE_STRETCH = 0.5;
/** ...and shrink by a third (TeX's cmr10 uses 1/3), so spaces stay between 0.67× and 1.5× at ratio ±1. */
export const SPACE_SHRINK = 0.33;
/**
 * Justified text may also widen or narrow its glyphs by up to 2.5 % at adjustment ratio ±1 (pdfTeX font expansion;
 * InDesign glyph scaling 97–103 %): in a 45-character column this more than doubles what the spaces alone absorb,
 * so word spaces stay near their natural width (bundled report: p95 1.42× instead of 2.1×; 2 % gives 1.48×).
 * Drawn as PDF horizontal scaling (GlyphRun.scale).
 */
export const GLYPH_EXPANSION = 0.025;

const box = (width: Pt, run: number, text: string, expansion = 0): Item => ({
  kind: 'box', width, stretch: width * expansion, shrink: width * expansion, fil: false, penalty: 0, flagged: false, hyphen: false, run, text,
});
const glue = (width: Pt, stretch: Pt, shrink: Pt, run: number, fil = false): Item => ({
  kind: 'glue', width, stretch, shrink, fil, penalty: 0, flagged: false, hyphen: false, run, text: ' ',
});
const penalty = (width: Pt, cost: number, flagged: boolean, hyphen: boolean, run: number): Item => ({
  kind: 'penalty', width, stretch: 0, shrink: 0, fil: false, penalty: cost, flagged, hyphen, run, text: '',
});

/** Turns styled runs into boxes, glue and penalties measured with the FontStore (TeX's hlist for one paragraph). */
export function itemize(
  para: ParagraphSpec,
  opts: { fonts: FontStore; hyphenator: Hyphenator; widthPt: Pt; ragged: boolean; cache?: WordCache },
): Itemized {
  const { fonts, ragged } = opts;
  const cs = charStream(para);
  const items: Item[] = [];
  const emergencyWords: string[] = [];
  const forcedWords: string[] = [];
  const measure = (text: string, r: number): Pt => {
    const run = para.runs[r];
    return fonts.measure(text, run.font, run.sizePt, run.features);
  };
  const prefixWidths = (text: string, r: number): PrefixWidths => {
    const run = para.runs[r];
    if (fonts.prefixUnits) return { units: fonts.prefixUnits(text, run.font, run.features), scale: run.sizePt };
    if (fonts.prefixWidths) return { units: fonts.prefixWidths(text, run.font, run.sizePt, run.features), scale: 1 };
    const out: Pt[] = [0];
    for (let i = 1; i <= text.length; i++) out.push(fonts.measure(text.slice(0, i), run.font, run.sizePt, run.features));
    return { units: out, scale: 1 };
  };
  if (para.firstLineIndentPt > 0) items.push(box(para.firstLineIndentPt, -1, ''));
  const minLine = Math.min(opts.widthPt, opts.widthPt - Math.max(0, para.firstLineIndentPt));
  const words = wordRanges(cs.text);
  const spaces = para.runs.map((_, r) => {
    const sp = measure(' ', r);
    return ragged ? glue(sp, 0, 0, r) : glue(sp, sp * SPACE_STRETCH, sp * SPACE_SHRINK, r);
  });
  const hyphens = para.runs.map((_, r) => measure('-', r));
  // Repeated words (most of them) reuse their measured pieces: one map of words per run style and options (the
  // run's index, font, size, features, narrowest line, ragged, language, hyphenation), found once per paragraph.
  const langOf = (r: number): string | undefined => para.runs[r]?.passage?.lang ?? para.lang;
  const byStyle: (Map<string, WordItems> | undefined)[] = new Array(2 * para.runs.length);
  const wordsOf = (r: number, hyphenate: boolean): Map<string, WordItems> => {
    const slot = 2 * r + (hyphenate ? 1 : 0);
    let m = byStyle[slot];
    if (!m) {
      const run = para.runs[r];
      const style = `${r}|${run.font}|${run.sizePt}|${run.features.join(',')}|${minLine}|${ragged}|${langOf(r) ?? ''}|${hyphenate}`;
      m = opts.cache!.get(style);
      if (!m) opts.cache!.set(style, (m = new Map()));
      byStyle[slot] = m;
    }
    return m;
  };
  const expansion = ragged ? 0 : GLYPH_EXPANSION;
  const text = cs.text;
  for (let w = 0; w < words.length; w += 2) {
    const s = words[w]!;
    const e = words[w + 1]!;
    if (w > 0) {
      const gap = words[w - 1]!;
      // A newline in the text ("|" YAML blocks: addresses, signatures) is a forced break, TeX's \hfil\break.
      if (hasNewline(text, gap, s)) items.push(glue(0, 0, 0, -1, true), penalty(0, -INFINITY_PENALTY, false, false, -1));
      else items.push(spaces[cs.runOf[gap]!]!);
    }
    const hyphenate = para.hyphenate && w < words.length - 2;
    const r0 = cs.runOf[s]!;
    const cache = opts.cache !== undefined && cs.runOf[e - 1] === r0 && !hasSoftHyphen(cs, s, e) ? wordsOf(r0, hyphenate) : undefined;
    const wordText = text.slice(s, e);
    let word = cache?.get(wordText);
    if (!word) {
      let wp = wordPieces(cs, s, e, { hyphenate, hyphenator: opts.hyphenator, prefixWidths, minLine, langOf });
      // A word that must be broken anyway is broken at its syllables first, even where the style (a table head)
      // or the position (a paragraph's last word) would not hyphenate it: "beslis-singen", not "beslissin|gen".
      const forced = wp.emergency && !hyphenate;
      if (forced) wp = wordPieces(cs, s, e, { hyphenate: true, hyphenator: opts.hyphenator, prefixWidths, minLine, langOf });
      const wordItems = wp.pieces.map((p) => (p.kind === 'box' ? box(p.width, p.run, p.text, expansion) : breakItem(p.brk, p.run, hyphens)));
      word = { items: wordItems, emergency: wp.emergency, ...(forced && !wp.emergency && { forced: true }) };
      cache?.set(wordText, word);
    }
    if (word.emergency) emergencyWords.push(wordText);
    else if (word.forced) forcedWords.push(wordText);
    // indexed: this runs in cold code, where a for-of still allocates its iterator
    for (let k = 0; k < word.items.length; k++) items.push(word.items[k]!);
  }
  items.push(penalty(0, INFINITY_PENALTY, false, false, -1));
  items.push(glue(0, 0, 0, -1, true));
  items.push(penalty(0, -INFINITY_PENALTY, false, false, -1));
  return { items, emergencyWords, forcedWords };
}

function breakItem(brk: WordBreak, run: number, hyphenWidths: readonly Pt[]): Item {
  switch (brk) {
    case 'hyphen':
      return penalty(hyphenWidths[run], HYPHEN_PENALTY, true, true, run);
    case 'explicit':
      return penalty(0, EXPLICIT_PENALTY, true, false, run);
    case 'slash':
      return penalty(0, EXPLICIT_PENALTY, false, false, run);
    case 'url':
      return penalty(0, URL_BREAK_PENALTY, false, false, run);
    case 'emergency':
      return penalty(0, EMERGENCY_PENALTY, false, false, run);
  }
}

/** Word separators: space, tab, line feed, carriage return (U+00A0 and U+202F count as word). */
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** [start, end) of each word, flat (start0, end0, start1, …): maximal stretches of non-space characters. */
function wordRanges(text: string): number[] {
  const out: number[] = [];
  let s = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space && s >= 0) {
      out.push(s, i);
      s = -1;
    } else if (!space && s < 0) s = i;
  }
  return out;
}

/** True when text[from, to) holds a line feed. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

