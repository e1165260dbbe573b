/**
 * Fallback fonts: a character the run's face cannot draw is set in the first face of its fallback chain that can
 * (the template's `fallback` list for that face, then every other face of the template), chosen per grapheme
 * from the fonts' character maps before anything is shaped, so the choice is the same whatever shapes the text and
 * `.notdef` is never drawn. A grapheme no face covers is left in the run's face and listed by `uncovered`, which
 * the front half of the build turns into an error (so check and build refuse it alike).
 */
import type { FontStore } from './fontStore.ts';

/** A stretch of text and the face that draws it. */
export interface FontSegment {
  readonly text: string;
  readonly font: string;
}

/**
 * Code points that need no glyph: spaces (HarfBuzz synthesises the Unicode spaces a face lacks), line ends, soft
 * hyphens, zero-width and bidi controls, variation selectors, the BOM.
 */
const IGNORABLE = /^[\p{Zs}\t\n\r\u00AD\u034F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFE00-\uFE0F\uFEFF]$/u;

/**
 * ICU's grapheme segmenter, made on first use: only text a face cannot set needs it, and making it costs
 * ≈ 20–40 ms, which every process start paid when it was made at module load. Immutable, so one per process.
 */
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' })).segment(text);

function covers(fonts: FontStore, key: string, grapheme: string): boolean {
  // The character map first: it answers for nearly every character, the Unicode-property test only for the rest.
  const has = fonts.coverage?.(key) ?? ((cp: number) => fonts.covers!(key, cp));
  for (let i = 0; i < grapheme.length; i++) {
    const cp = grapheme.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!has(cp) && !IGNORABLE.test(String.fromCodePoint(cp))) return false;
  }
  return true;
}

/**
 * `text` split into stretches by the face that draws them; one segment in `key` when the face covers it all.
 * A word the face cannot set whole goes to the first fallback that can (so "ĳsje" is one design, not two);
 * only a word no single face covers is split per grapheme.
 */
export function segmentByFont(text: string, key: string, fonts: FontStore): readonly FontSegment[] {
  if (!fonts.covers || covers(fonts, key, text)) return [{ text, font: key }];
  const chain = [key, ...(fonts.fallbacks?.(key) ?? [])];
  const out: { text: string; font: string }[] = [];
  const add = (piece: string, font: string) => {
    const last = out[out.length - 1];
    if (last && (last.font === font || [...piece].every((c) => IGNORABLE.test(c)))) last.text += piece;
    else out.push({ text: piece, font });
  };
  for (const word of text.split(/(\s+)/)) {
    if (!word) continue;
    const whole = chain.find((k) => covers(fonts, k, word));
    if (whole !== undefined) add(word, whole);
    else for (const { segment } of graphemes(word)) add(segment, chain.find((k) => covers(fonts, k, segment)) ?? key);
  }
  return out;
}

/** Graphemes of `text` that no face of the store can draw, in order of first appearance, once each. */
export function uncovered(text: string, fonts: FontStore): string[] {
  if (!fonts.covers) return [];
  const keys = Object.keys(fonts.files);
  if (coveredByAny(text, keys, fonts)) return [];
  const out = new Set<string>();
  for (const { segment } of graphemes(text)) if (!keys.some((k) => covers(fonts, k, segment))) out.add(segment);
  return [...out];
}

/**
 * True when every code point of `text` is in some face's character map or needs no glyph: one pass over the code
 * points, the face of the previous one asked first (the report's texts are checked whole before any build).
 */
function coveredByAny(text: string, keys: readonly string[], fonts: FontStore): boolean {
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (keys.length > 0 && fonts.covers!(keys[last]!, cp)) continue;
    const k = keys.findIndex((key) => fonts.covers!(key, cp));
    if (k >= 0) last = k;
    else if (!IGNORABLE.test(String.fromCodePoint(cp))) return false;
  }
  return true;
}

/** "ĳ (U+0133)" for a message; a grapheme of several code points lists each. */
export function describeGrapheme(g: string): string {
  const cps = [...g].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${g}" (${cps.join(' ')})`;
}
