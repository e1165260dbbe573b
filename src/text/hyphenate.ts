import { memo } from '../util/buildContext.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import hyphenopoly from 'hyphenopoly';
import { hyphenationPatterns, localeData } from '../locale/index.ts';
import { patternBreaks } from './patternEngine.ts';
import type { Hyphenator } from './types.ts';

/** Letters kept before a break: "in-" but never "a-siel" (Dutch and English practice allow 2; TeX's default is 2). */
export const LEFT_MIN = 2;
/** Letters carried to the next line: "-gen" but never "-en" (3 avoids two-letter stubs in narrow columns). */
export const RIGHT_MIN = 3;
/** Words under six letters ("asiel", "regel") are never hyphenated: too little gain (hyphenopoly's default). */
export const MIN_WORD_LENGTH = 6;

/** Vowels of Latin-script languages (with diacritics): every syllable between two breaks needs one ("Scho-n-e-veld" from the patterns). */
const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûüýœæ]/i;
const LATIN = /^[\p{Script=Latin}’']+$/u;

/** True when every code unit of `word` is an ASCII letter: the common case, answered without the regexes below. */
function asciiLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** VOWEL.test(word.slice(from, to)) for an ASCII word. */
function asciiVowel(word: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) return true;
  }
  return false;
}

/**
 * Drops breaks that would leave a piece without a vowel, keeping the earlier break ("Ber-c-kel" → "Ber-ckel").
 * Only for Latin-script words: other scripts' syllables are left to their patterns.
 */
export function dropVowellessPieces(word: string, positions: readonly number[]): number[] {
  const ascii = asciiLetters(word);
  if (!ascii && !LATIN.test(word)) return [...positions];
  const vowel = ascii ? (from: number, to: number) => asciiVowel(word, from, to) : (from: number, to: number) => VOWEL.test(word.slice(from, to));
  const kept: number[] = [];
  let last = 0;
  for (const p of positions) {
    if (vowel(last, p)) {
      kept.push(p);
      last = p;
    }
  }
  if (kept.length > 0 && !vowel(last, word.length)) kept.pop();
  return kept;
}

type HyphenateText = (text: string) => string;
/** A language's pattern breaks of a word (patternEngine.ts). */
type PatternBreaks = (word: string) => number[];
const SOFT_HYPHEN = '\u00AD';
const SETTINGS = { leftmin: LEFT_MIN, rightmin: RIGHT_MIN, minWordLength: MIN_WORD_LENGTH };
// Each language's patterns once per process. hyphenopoly's config() replaces one module-global engine's settings
// (read again at every call): every call here passes the same settings and loads synchronously, so one language's
// load never runs into another's.
const engines = new Map<string, PatternBreaks>();

/**
 * Loads <patterns>.wasm from hyphenopoly's folder in node_modules (no network, no cwd dependence) and compiles it
 * synchronously (≈ 30 KB, compiled lazily): a build waited 20–80 ms in its hyphenation stage for hyphenopoly's
 * asynchronous load. hyphenopoly itself is loaded only for the words patternEngine.ts leaves to it (a letter outside
 * the patterns' alphabet), at the first such word. A missing or broken file throws.
 */
function loadEngine(patternsName: string): PatternBreaks {
  let e = engines.get(patternsName);
  if (!e) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('hyphenopoly')), 'patterns');
    const read = (file: string): Uint8Array => readFileSync(join(dir, file));
    let text: HyphenateText | undefined;
    const config = { require: [patternsName], hyphen: SOFT_HYPHEN, ...SETTINGS, sync: true, loaderSync: read };
    const fallback = (word: string): string => (text ??= hyphenopoly.config(config) as HyphenateText)(word);
    e = patternBreaks(read(`${patternsName}.wasm`), SETTINGS, fallback);
    engines.set(patternsName, e);
  }
  return e;
}

/** The pattern files this process has loaded so far (tests: a hyphenator that hyphenated nothing loaded none). */
export const loadedPatterns = (): string[] => [...engines.keys()];

/**
 * A language's pattern breaks, loaded at its first word (the load is synchronous either way): a next build whose
 * paragraphs all come from its caches hyphenates no word, and neither resolves hyphenopoly nor compiles patterns
 * (≈ 5 ms of its main thread, which a build spent as soon as report.yaml was read).
 */
function onFirstWord(patternsName: string): PatternBreaks {
  let engine: PatternBreaks | undefined;
  return (word) => (engine ??= loadEngine(patternsName))(word);
}

/** Break positions of a hyphenated spelling: "co-ro-na" → [2, 4]. */
export function positionsOf(spelled: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (const ch of spelled) {
    if (ch === '-') out.push(n);
    else n += ch.length;
  }
  return out;
}

/** hyphenopoly 5 refuses longer words (its WebAssembly buffer) and prints "found word longer than 61 characters". */
const MAX_PATTERN_WORD = 61;

/** True for words that must never be hyphenated: digits, URLs, e-mail addresses, ALL-CAPS acronyms, short words. */
export function isUnhyphenatable(word: string): boolean {
  if (word.length < MIN_WORD_LENGTH || word.length > MAX_PATTERN_WORD) return true;
  if (asciiLetters(word)) {
    // no digit, "@", "." or ":" to find; unhyphenatable only with two capitals in a row or no small letter
    let small = false;
    let capital = false;
    for (let i = 0; i < word.length; i++) {
      const isCapital = word.charCodeAt(i) < 97;
      if (isCapital && capital) return true;
      capital = isCapital;
      small ||= !isCapital;
    }
    return !small;
  }
  if (/\d|@|:\/\/|^www\.|\.(nl|com|org|eu)$/i.test(word)) return true;
  if (!/^[\p{L}’']+$/u.test(word) || /\p{Lu}{2}/u.test(word)) return true;
  return word === word.toUpperCase();
}

/** What a hyphenator is made for: the report's language and its exceptions, and the other languages of `lang:` passages. */
export interface HyphenatorOptions {
  /** The report's BCP 47 language (default nl-NL). */
  readonly language?: string;
  /** The report's own exceptions (report.yaml), for its main language. */
  readonly exceptions?: readonly string[];
  /** Languages of passages set in another language. */
  readonly others?: readonly string[];
  /** The report's own exceptions for those languages, by tag (report.yaml `hyphenation.languages`). */
  readonly otherExceptions?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Creates the hyphenator for a report; each language's patterns load at its first word (onFirstWord). A language
 * without patterns is never hyphenated; `missing` lists those so the caller can say so once.
 */
export function createHyphenator(opts: HyphenatorOptions = {}, cache?: Map<string, Promise<Hyphenator>>): Promise<Hyphenator> {
  // With the session's cache (build context `hyphenators`) one hyphenator and its word caches serve every build.
  if (!cache) return makeHyphenator(opts);
  return memo(cache, hyphenatorId(opts), () => makeHyphenator(opts));
}

const DEFAULT_LANGUAGE = 'nl-NL';

/** What decides a hyphenator's breaks: its languages and the report's exceptions (cache keys). */
function hyphenatorId(opts: HyphenatorOptions): string {
  return JSON.stringify([opts.language ?? DEFAULT_LANGUAGE, opts.others ?? [], opts.exceptions ?? [], opts.otherExceptions ?? {}]);
}

async function makeHyphenator(opts: HyphenatorOptions): Promise<Hyphenator> {
  const main = opts.language ?? DEFAULT_LANGUAGE;
  const tags = [...new Set([main, ...(opts.others ?? [])])];
  const words = new Map<string, (word: string) => readonly number[]>();
  const missing: string[] = [];
  for (const tag of tags) {
    const patterns = hyphenationPatterns(tag);
    if (!patterns) {
      missing.push(tag);
      continue;
    }
    const own = tag === main ? opts.exceptions : Object.entries(opts.otherExceptions ?? {}).find(([k]) => k.toLowerCase() === tag.toLowerCase())?.[1];
    const exceptions = [...(localeData(tag)?.hyphenation ?? []), ...(own ?? [])];
    words.set(tag.toLowerCase(), languageHyphenator(onFirstWord(patterns), exceptions));
  }
  const mainWords = words.get(main.toLowerCase());
  const without = new Set(missing.map((t) => t.toLowerCase()));
  return {
    id: hyphenatorId(opts),
    missing,
    // isUnhyphenatable: a shorter word gets no breaks, exceptions and patterns alike
    minWordLength: MIN_WORD_LENGTH,
    hyphenate(word, lang) {
      // a language asked for has its own patterns or none; one never asked for (a paragraph made outside the
      // sections, in the report's language) takes the report's
      const key = lang?.toLowerCase();
      const f = key === undefined ? mainWords : words.get(key) ?? (without.has(key) ? undefined : mainWords);
      return f ? f(word) : [];
    },
  };
}

/** Word breaks of one language: exceptions (whole words and prefix rules) first, then the patterns. */
function languageHyphenator(patternBreaksOf: PatternBreaks, exceptions: readonly string[]): (word: string) => readonly number[] {
  const whole = new Map<string, number[]>();
  const prefixes: { prefix: string; breaks: number[] }[] = [];
  for (const spelled of exceptions) {
    const lower = spelled.toLowerCase();
    if (lower.endsWith('-')) {
      prefixes.push({ prefix: lower.replace(/-/g, ''), breaks: positionsOf(lower) });
    } else whole.set(lower.replace(/-/g, ''), positionsOf(lower));
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  const cache = new Map<string, readonly number[]>();

  const patterns = (word: string, checked = false): number[] => (!checked && isUnhyphenatable(word) ? [] : patternBreaksOf(word));
  const compute = (word: string): number[] => {
    if (isUnhyphenatable(word)) return [];
    const lower = word.toLowerCase();
    const exact = whole.get(lower);
    if (exact) return exact;
    for (const { prefix, breaks } of prefixes) {
      if (lower.length - prefix.length < RIGHT_MIN || !lower.startsWith(prefix)) continue;
      const rest = word.slice(prefix.length);
      // A rest too short for the patterns on its own ("virus" in "coronavirus") takes the whole word's breaks in it.
      const own = whole.get(rest.toLowerCase()) ?? (rest.length >= MIN_WORD_LENGTH ? patterns(rest) : undefined);
      const restBreaks = own ? own.map((p) => p + prefix.length) : patterns(word).filter((p) => p - prefix.length >= LEFT_MIN);
      return [...breaks, ...restBreaks];
    }
    return patterns(word, true);
  };
  return (word) => {
    let hit = cache.get(word);
    if (!hit) {
      hit = dropVowellessPieces(word, compute(word).filter((p) => p >= LEFT_MIN && word.length - p >= RIGHT_MIN));
      cache.set(word, hit);
    }
    return hit;
  };
}
