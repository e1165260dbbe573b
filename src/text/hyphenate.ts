import { memo } from '../util/buildContext.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import hyphenopoly from 'hyphenopoly';
import type { Hyphenator } from './types.ts';

/** Letters kept before a break: "in-" but never "a-siel" (Dutch practice allows 2; TeX's nl default is 2). */
export const LEFT_MIN = 2;
/** Letters carried to the next line: "-gen" but never "-en" (3 avoids two-letter stubs in narrow columns). */
export const RIGHT_MIN = 3;
/** Words under six letters ("asiel", "regel") are never hyphenated: too little gain (hyphenopoly's default). */
export const MIN_WORD_LENGTH = 6;

/**
 * Built-in exceptions, written with hyphens. A trailing "-" makes a prefix rule: the prefix's breaks are used and the
 * rest of the word is hyphenated by the patterns. Each entry fixes a pattern error on the report's words:
 * "co-ron-a-maat-re-ge-len", "asielme-de-wer-kers", "na-reispro-ces", "nood-op-vanglo-ca-tie", "di-gi-ta-li-se-ringstra-ject",
 * "tas-kforce", "An-nel-ore".
 */
export const DEFAULT_EXCEPTIONS: readonly string[] = [
  'co-ro-na-maat-re-ge-len',
  'co-ro-na-vi-rus',
  'co-ro-na-cri-sis',
  'co-ro-na-',
  'asiel-',
  'na-reis-',
  'nood-op-vang-',
  'di-gi-ta-li-se-rings-',
  'task-force',
  'an-ne-lore',
];

/** Vowels of Dutch (with diacritics): every syllable between two breaks needs one ("Scho-n-e-veld" from the patterns). */
const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûüý]/i;

/** Drops breaks that would leave a piece without a vowel, keeping the earlier break ("Ber-c-kel" → "Ber-ckel"). */
export function dropVowellessPieces(word: string, positions: readonly number[]): number[] {
  const kept: number[] = [];
  let last = 0;
  for (const p of positions) {
    if (VOWEL.test(word.slice(last, p))) {
      kept.push(p);
      last = p;
    }
  }
  if (kept.length > 0 && !VOWEL.test(word.slice(last))) kept.pop();
  return kept;
}

type HyphenateText = (text: string) => string;
const SOFT_HYPHEN = '\u00AD';
// hyphenopoly's config() mutates one module-global engine, so the nl engine is loaded once per process.
let engine: Promise<HyphenateText> | undefined;

/** Loads hyphenopoly's nl.wasm from node_modules with a file loader (no network, no cwd dependence). */
function loadEngine(): Promise<HyphenateText> {
  if (!engine) {
    const patterns = join(dirname(createRequire(import.meta.url).resolve('hyphenopoly')), 'patterns');
    engine = hyphenopoly.config({
      require: ['nl'],
      hyphen: SOFT_HYPHEN,
      leftmin: LEFT_MIN,
      rightmin: RIGHT_MIN,
      minWordLength: MIN_WORD_LENGTH,
      loader: (file: string) => readFile(join(patterns, file)),
    }) as Promise<HyphenateText>;
  }
  return engine;
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

/** True for words that must never be hyphenated: digits, URLs, e-mail addresses, ALL-CAPS acronyms, short words. */
export function isUnhyphenatable(word: string): boolean {
  if (word.length < MIN_WORD_LENGTH) return true;
  if (/\d|@|:\/\/|^www\.|\.(nl|com|org|eu)$/i.test(word)) return true;
  if (!/^[\p{L}’']+$/u.test(word) || /\p{Lu}{2}/u.test(word)) return true;
  return word === word.toUpperCase();
}

/**
 * Creates the Dutch hyphenator (async once: loads the patterns); exceptions extend the built-in list. With the
 * session's cache (build context `hyphenators`) one hyphenator and its word cache serve every build of the session.
 */
export function createHyphenator(opts: { exceptions?: readonly string[] } = {}, cache?: Map<string, Promise<Hyphenator>>): Promise<Hyphenator> {
  if (!cache) return makeHyphenator(opts);
  return memo(cache, JSON.stringify(opts.exceptions ?? []), () => makeHyphenator(opts));
}

async function makeHyphenator(opts: { exceptions?: readonly string[] }): Promise<Hyphenator> {
  const hyphenateText = await loadEngine();
  const whole = new Map<string, number[]>();
  const prefixes: { prefix: string; breaks: number[] }[] = [];
  for (const spelled of [...DEFAULT_EXCEPTIONS, ...(opts.exceptions ?? [])]) {
    const lower = spelled.toLowerCase();
    if (lower.endsWith('-')) {
      prefixes.push({ prefix: lower.replace(/-/g, ''), breaks: positionsOf(lower) });
    } else whole.set(lower.replace(/-/g, ''), positionsOf(lower));
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  const cache = new Map<string, readonly number[]>();

  const patterns = (word: string): number[] => {
    if (isUnhyphenatable(word)) return [];
    return positionsOf(hyphenateText(word).split(SOFT_HYPHEN).join('-'));
  };
  const compute = (word: string): number[] => {
    if (isUnhyphenatable(word)) return [];
    const lower = word.toLowerCase();
    const exact = whole.get(lower);
    if (exact) return exact;
    for (const { prefix, breaks } of prefixes) {
      if (lower.length - prefix.length < RIGHT_MIN || !lower.startsWith(prefix)) continue;
      const rest = word.slice(prefix.length);
      const restBreaks = (whole.get(rest.toLowerCase()) ?? patterns(rest)).map((p) => p + prefix.length);
      return [...breaks, ...restBreaks];
    }
    return patterns(word);
  };
  return {
    id: JSON.stringify(opts.exceptions ?? []),
    hyphenate(word) {
      let hit = cache.get(word);
      if (!hit) {
        hit = dropVowellessPieces(word, compute(word).filter((p) => p >= LEFT_MIN && word.length - p >= RIGHT_MIN));
        cache.set(word, hit);
      }
      return hit;
    },
  };
}
