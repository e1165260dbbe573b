import type { Pt } from '../util/geometry.ts';
import type { CharStream } from './charStream.ts';
import type { Hyphenator } from './types.ts';
import { isAlnum, isLetter, isMark } from './charClass.ts';

/**
 * Why a word may break at a position: pattern/soft hyphen (adds "-"), after "-"/"–", after "/", or emergency: before
 * "." "@" "?" "&" "=" "_" of an address ("url", preferred, as Chicago 6.76 advises) or between any two characters.
 */
export type WordBreak = 'hyphen' | 'explicit' | 'slash' | 'url' | 'emergency';

/** Characters an over-long address is best broken before. */
const URL_BREAK_BEFORE = /[.@?&=_#]/;

/** A measured piece of a word (one run, between break opportunities) or a break between pieces. */
export type WordPiece =
  | { readonly kind: 'box'; readonly run: number; readonly text: string; readonly width: Pt }
  | { readonly kind: 'break'; readonly brk: WordBreak; readonly run: number };

/** The pieces of one word and whether it needed emergency character breaks. */
export interface WordPieces {
  readonly pieces: readonly WordPiece[];
  readonly emergency: boolean;
}

/**
 * The width of text.slice(0, i) is units[i] × scale: a face's prefix advances in ems and the run's size (test fakes
 * give widths and 1), so a word's pieces read the two boundaries they need without a width array per word.
 */
export interface PrefixWidths {
  readonly units: ArrayLike<number>;
  readonly scale: number;
}

interface PieceOpts {
  readonly hyphenate: boolean;
  readonly hyphenator: Hyphenator;
  /** Widths of text.slice(0, i) in the run's font, from one shaping (FontStore.prefixUnits). */
  readonly prefixWidths: (text: string, run: number) => PrefixWidths;
  /** Narrowest line; a piece wider than this gets character breaks. */
  readonly minLine: Pt;
  /** BCP 47 language of a run's text (a passage's own), undefined for the report's. */
  readonly langOf?: (run: number) => string | undefined;
}

/** Words that are addresses or numbers are never hyphenated (only explicit breaks apply). */
const NO_HYPHENATION = /\p{N}|@|:\/\/|^www\./iu;
/** Letters needed before an explicit "-" or "/": "e-mail" and "’s-Hertogenbosch" stay whole, "IND-medewerker" may break. */
const EXPLICIT_LEFT_MIN = 2;
/** Characters needed after it: "COVID-19" and "en/of" stay whole. */
const EXPLICIT_RIGHT_MIN = 3;

/** Break opportunities inside word [s, e) of the stream, by position (break before that code unit). */
function findBreaks(cs: CharStream, s: number, e: number, opts: PieceOpts): Map<number, WordBreak> {
  const breaks = new Map<number, WordBreak>();
  const t = cs.text;
  // Letters are counted only from the first dash on: most words have none, and a class lookup per character of
  // every word was ≈ 4 % of breaking (it runs in the interpreter on a first build).
  let p = s + 1;
  for (; p < e; p++) {
    const c = t.charCodeAt(p - 1);
    if (c === 0x2d || c === 0x2013 || c === 0x2f) break;
  }
  let letters = 0;
  if (p < e) for (let q = s; q < p - 1; q++) if (isLetter(t.charCodeAt(q))) letters++;
  for (; p < e; p++) {
    const prev = t.charCodeAt(p - 1);
    if (isLetter(prev)) letters++;
    // "-", "–" (U+2013) or "/"
    const dash = prev === 0x2d || prev === 0x2013 || prev === 0x2f;
    if (dash && letters >= EXPLICIT_LEFT_MIN && isLetter(t.charCodeAt(p - 2)) && isAlnum(t.charCodeAt(p)) && e - p >= EXPLICIT_RIGHT_MIN) {
      breaks.set(p, prev === 0x2f ? 'slash' : 'explicit');
    }
  }
  let soft = false;
  if (cs.softBefore !== undefined && cs.softBefore[e]! - cs.softBefore[s + 1]! > 0) {
    for (let p = s + 1; p < e; p++) {
      if (cs.softHyphens.has(p)) {
        soft = true;
        if (!breaks.has(p)) breaks.set(p, 'hyphen');
      }
    }
  }
  const shortest = opts.hyphenator.minWordLength ?? 0;
  if (soft || !opts.hyphenate || e - s < shortest || NO_HYPHENATION.test(t.slice(s, e))) return breaks;
  // Hyphenate each maximal letter stretch on its own ("IND-medewerker" → "medewerker"; "’s-Hertogenbosch").
  let a = s;
  while (a < e) {
    if (!isLetter(t.charCodeAt(a))) {
      a++;
      continue;
    }
    let b = a;
    while (b < e && isLetter(t.charCodeAt(b))) b++;
    if (b - a >= shortest) {
      const lang = opts.langOf?.(cs.runOf[a]);
      for (const p of opts.hyphenator.hyphenate(t.slice(a, b), lang)) if (!breaks.has(a + p)) breaks.set(a + p, 'hyphen');
    }
    a = b;
  }
  return breaks;
}

/** Splits at breaks and run changes; each same-run segment is shaped once and its pieces take their prefix widths. */
function buildPieces(cs: CharStream, s: number, e: number, breaks: Map<number, WordBreak>, opts: PieceOpts): WordPiece[] {
  if (breaks.size === 0) {
    // most words: no break inside and one run, so one piece, the whole word
    const run = cs.runOf[s]!;
    let p = s + 1;
    while (p < e && cs.runOf[p] === run) p++;
    if (p === e) {
      const text = cs.text.slice(s, e);
      const { units, scale } = opts.prefixWidths(text, run);
      return [{ kind: 'box', run, text, width: units[e - s]! * scale - units[0]! * scale }];
    }
  }
  const out: WordPiece[] = [];
  let segStart = s;
  let a = s;
  let widths: PrefixWidths = { units: [], scale: 1 };
  for (let p = s + 1; p <= e; p++) {
    const runChange = p === e || cs.runOf[p] !== cs.runOf[a];
    const brk = p < e && breaks.size > 0 ? breaks.get(p) : undefined;
    if (!runChange && !brk) continue;
    const run = cs.runOf[a];
    if (a === segStart) {
      let segEnd = p;
      while (segEnd < e && cs.runOf[segEnd] === run) segEnd++;
      widths = opts.prefixWidths(cs.text.slice(segStart, segEnd), run);
    }
    const { units, scale } = widths;
    out.push({ kind: 'box', run, text: cs.text.slice(a, p), width: units[p - segStart]! * scale - units[a - segStart]! * scale });
    if (brk) out.push({ kind: 'break', brk, run });
    if (runChange) segStart = p;
    a = p;
  }
  return out;
}

/** Adds character breaks inside every unbreakable stretch of the word that is wider than the narrowest line. */
function addEmergencyBreaks(cs: CharStream, s: number, pieces: readonly WordPiece[], breaks: Map<number, WordBreak>, minLine: Pt): boolean {
  // Nearly every word is narrower than the line: then so is each of its stretches (a stretch's sum, rounded as below,
  // never exceeds the running sum of the word's positive widths), and the walk with its closure can be skipped.
  let positive = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.kind === 'box' && piece.width > 0) positive += piece.width;
  }
  if (positive <= minLine) return false;
  let pos = s;
  let chunkStart = s;
  let chunkWidth = 0;
  let added = false;
  const flush = (end: number): void => {
    if (chunkWidth <= minLine) return;
    for (let p = chunkStart + 1; p < end; p++) {
      const code = cs.text.charCodeAt(p);
      const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
      if (!lowSurrogate && !isMark(code) && !breaks.has(p)) {
        breaks.set(p, URL_BREAK_BEFORE.test(cs.text[p]) ? 'url' : 'emergency');
        added = true;
      }
    }
  };
  for (const piece of pieces) {
    if (piece.kind === 'box') {
      chunkWidth += piece.width;
      pos += piece.text.length;
    } else {
      flush(pos);
      chunkStart = pos;
      chunkWidth = 0;
    }
  }
  flush(pos);
  return added;
}

/** Measured pieces of word [s, e) with its break opportunities; `emergency` when character breaks were needed. */
export function wordPieces(cs: CharStream, s: number, e: number, opts: PieceOpts): WordPieces {
  const breaks = findBreaks(cs, s, e, opts);
  const pieces = buildPieces(cs, s, e, breaks, opts);
  if (!addEmergencyBreaks(cs, s, pieces, breaks, opts.minLine)) return { pieces, emergency: false };
  return { pieces: buildPieces(cs, s, e, breaks, opts), emergency: true };
}
