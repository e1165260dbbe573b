import type { FontStore } from '../fonts/fontStore.ts';
import type { Pt } from '../util/geometry.ts';

/** First and last code point of a non-empty string (surrogate pairs kept whole). */
const firstChar = (t: string): string => String.fromCodePoint(t.codePointAt(0)!);
const lastChar = (t: string): string => {
  const c = t.charCodeAt(t.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && t.length > 1 ? t.slice(-2) : t.slice(-1);
};

/**
 * Width of a run as pdf/ draws it (one shaped string), composed from cached word widths plus the pair kerning on
 * each side of every space (Source Serif kerns " V" by −0.03 em). Equal to shaping the whole line for fonts whose
 * lookups do not reach across spaces (pair kerning, ligatures), but reuses the words the breaker already shaped:
 * fontkit costs ~25 µs per glyph, so shaping every line again would double the cold time.
 */
export const runWidth = memoPerStore(composeWidth);

type Measure<T> = (fonts: FontStore, text: string, font: string, sizePt: Pt, features: readonly string[]) => T;

/**
 * Caches a run measurement per FontStore: flow reruns (TOC passes, tail re-flow) and rebuilds in the same process
 * set the same lines again.
 */
function memoPerStore<T>(measure: Measure<T>): Measure<T> {
  const caches = new WeakMap<FontStore, Map<string, T>>();
  return (fonts, text, font, sizePt, features) => {
    let cache = caches.get(fonts);
    if (!cache) caches.set(fonts, (cache = new Map()));
    const key = `${font}\u0000${sizePt}\u0000${features.join(',')}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      w = measure(fonts, text, font, sizePt, features);
      cache.set(key, w);
    }
    return w;
  };
}

function composeWidth(fonts: FontStore, text: string, font: string, sizePt: Pt, features: readonly string[]): Pt {
  const m = (t: string): Pt => fonts.measure(t, font, sizePt, features);
  if (!text.includes(' ')) return m(text);
  const kern = (a: string, b: string): Pt => m(a + b) - m(a) - m(b);
  const space = m(' ');
  const tokens = text.split(' ');
  let w = 0;
  tokens.forEach((tok, i) => {
    if (tok) w += m(tok);
    if (i === 0) return;
    w += space;
    const prev = tokens[i - 1];
    if (prev) w += kern(lastChar(prev), ' ');
    if (tok) w += kern(' ', firstChar(tok));
  });
  return w;
}

/** Whitespace that pdfkit's word-spacing path splits on (it draws each word and re-spaces them itself). */
const SEPARATOR = /\s/u;

/**
 * Width of a run drawn with pdfkit's word spacing: pdfkit then shapes each word on its own and puts
 * (space advance + extra) between words, so kerning across spaces is lost and every whitespace character
 * (also U+00A0) becomes a stretchable space. Returns the words' width and the number of separators.
 */
export const spacedWidth = memoPerStore(measureSpaced);

/** Words' width, separator count and the space advance of one run (see spacedWidth). */
export interface SpacedWidth {
  readonly words: Pt;
  readonly separators: number;
  readonly space: Pt;
}

function measureSpaced(fonts: FontStore, text: string, font: string, sizePt: Pt, features: readonly string[]): SpacedWidth {
  let words = 0;
  let separators = 0;
  let token = '';
  const m = (t: string): Pt => fonts.measure(t, font, sizePt, features);
  for (const ch of text) {
    if (SEPARATOR.test(ch)) {
      if (token) words += m(token);
      token = '';
      separators++;
    } else token += ch;
  }
  if (token) words += m(token);
  return { words, separators, space: m(' ') };
}
