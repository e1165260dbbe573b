/**
 * Unicode classes of single UTF-16 code units, as the word-break regexes decide them, looked up in a table instead
 * of running a regex on a one-character string for every character of every word. A lone surrogate is in no class
 * (as the regexes, with the u flag, say of a one-unit string). The table is a fact about Unicode, the same for
 * every report, so it is filled once per process, each code unit on first use.
 */

/** Letters and combining marks ("ë" decomposed stays one word). */
export const LETTER = /[\p{L}\p{M}]/u;
/** Letters and digits. */
export const ALNUM = /[\p{L}\p{N}]/u;
/** Combining marks. */
export const MARK = /\p{M}/u;
/** Whitespace, as justification counts it (runWidth.ts STRETCHABLE). */
export const SPACE = /\s/u;

const KNOWN = 1;
const IS_LETTER = 2;
const IS_ALNUM = 4;
const IS_MARK = 8;
const IS_SPACE = 16;

const table = new Uint8Array(0x10000);

function classOf(unit: number): number {
  let v = table[unit]!;
  if (v === 0) {
    const ch = String.fromCharCode(unit);
    v = KNOWN | (LETTER.test(ch) ? IS_LETTER : 0) | (ALNUM.test(ch) ? IS_ALNUM : 0) | (MARK.test(ch) ? IS_MARK : 0) | (SPACE.test(ch) ? IS_SPACE : 0);
    table[unit] = v;
  }
  return v;
}

// A known unit's class is read here without calling classOf: these run once per character of every new word,
// in the interpreter on a first build, where the call cost as much as the lookup.
/** LETTER.test(text[i]) for the code unit `unit`. */
export const isLetter = (unit: number): boolean => ((table[unit]! || classOf(unit)) & IS_LETTER) !== 0;
/** ALNUM.test(text[i]). */
export const isAlnum = (unit: number): boolean => ((table[unit]! || classOf(unit)) & IS_ALNUM) !== 0;
/** MARK.test(text[i]). */
export const isMark = (unit: number): boolean => ((table[unit]! || classOf(unit)) & IS_MARK) !== 0;
/** SPACE.test(text[i]). */
export const isSpace = (unit: number): boolean => ((table[unit]! || classOf(unit)) & IS_SPACE) !== 0;
