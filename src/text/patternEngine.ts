/**
 * Pattern breaks of a word from hyphenopoly's engine (its <patterns>.wasm) called directly. hyphenopoly's text
 * function runs, for every word, a regex with a class of ≈ 1,000 ranges (case-insensitive, Unicode), a second regex
 * for letters outside the patterns' alphabet, a spread of the word into an array and a UTF-16 decode of the result,
 * which cost about as much as the patterns themselves over a report's ≈ 1,300 distinct long words. A word whose
 * every code unit is in the alphabet (or is an ASCII capital of a letter in it) takes exactly the path below in
 * hyphenopoly 5.2.0 (hyphenopoly.module.js: createTextHyphenator → hyphenator → hyphenateNormal →
 * encloseHyphenateFunction), so its breaks are the same; any other word goes through hyphenopoly's own function.
 */

/** The exports of a hyphenopoly pattern module (hyphenopoly.module.js instantiateWasmEngine reads the same). */
interface PatternExports {
  readonly mem: { readonly buffer: ArrayBuffer };
  /** Length of the alphabet (UTF-16 units stored at ALPHABET_AT), leftmin and rightmin of the patterns. */
  readonly lct: { readonly value: number };
  readonly lmi: { readonly value: number };
  readonly rmi: { readonly value: number };
  /** Hyphenates the zero-terminated word at offset 0 into offset 0; the result's length, 0 for "unchanged". */
  hyphenate(leftmin: number, rightmin: number, hyphen: number): number;
}

const Wasm = (globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } };
}).WebAssembly;

/** Where the module keeps its alphabet (hyphenopoly.module.js handleWasm). */
const ALPHABET_AT = 1664;
const SOFT_HYPHEN = 0xad;
const HYPHEN_MINUS = 0x2d;
/** hyphenopoly's word buffer: 64 units, so at most 61 letters (it refuses longer words). */
const MAX_WORD = 61;

/** Break positions read from a hyphenated spelling ("co\u00ADro\u00ADna" → [2, 4]): after each "-" or soft hyphen. */
export function spelledBreaks(spelled: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < spelled.length; i++) {
    const c = spelled.charCodeAt(i);
    if (c === SOFT_HYPHEN || c === HYPHEN_MINUS) out.push(n);
    else n++;
  }
  return out;
}

/**
 * The pattern breaks of a word, from the module's bytes and the settings hyphenopoly was configured with (its
 * leftmin, rightmin, minWordLength); `fallback` is hyphenopoly's text function, for words outside the fast path.
 */
export function patternBreaks(
  bytes: Uint8Array,
  settings: { readonly leftmin: number; readonly rightmin: number; readonly minWordLength: number },
  fallback: (text: string) => string,
): (word: string) => number[] {
  const x = new Wasm.Instance(new Wasm.Module(bytes)).exports as PatternExports;
  // the letters the patterns know (the alphabet hyphenopoly makes its "not in the alphabet" regex of)
  const inAlphabet = new Uint8Array(0x10000);
  const alphabet = new Uint16Array(x.mem.buffer, ALPHABET_AT, x.lct.value);
  for (let i = 0; i < alphabet.length; i++) inAlphabet[alphabet[i]!] = 1;
  // hyphenopoly's lo.lm / lo.rm: the larger of the patterns' own and the configured minimum
  const lm = Math.max(x.lmi.value, settings.leftmin);
  const rm = Math.max(x.rmi.value, settings.rightmin);
  // A word its regexes take whole and unchanged to the engine: long enough for its word regex, short enough for
  // the buffer, no "-" (a compound), every unit literally in the alphabet or an ASCII capital of one that is (both
  // regexes are case-insensitive). Other words (another script, a letter the patterns lack) go through hyphenopoly.
  const direct = (word: string): boolean => {
    if (word.length < settings.minWordLength || word.length > MAX_WORD) return false;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c === HYPHEN_MINUS) return false;
      if (inAlphabet[c] === 1 || (c >= 65 && c <= 90 && inAlphabet[c + 32] === 1)) continue;
      return false;
    }
    return true;
  };
  let buffer = x.mem.buffer;
  let units = new Uint16Array(buffer, 0, 64);
  return (word) => {
    if (!direct(word)) return spelledBreaks(fallback(word));
    if (x.mem.buffer !== buffer) units = new Uint16Array((buffer = x.mem.buffer), 0, 64);
    for (let i = 0; i < word.length; i++) units[i] = word.charCodeAt(i);
    units[word.length] = 0;
    const len = x.hyphenate(lm, rm, SOFT_HYPHEN);
    // 0: the word unchanged (hyphenopoly then returns the word itself: no breaks)
    const out: number[] = [];
    // the spelling with its hyphens may be longer than the word's 64-unit buffer (hyphenopoly reads `len` units)
    if (x.mem.buffer !== buffer || len > units.length) units = new Uint16Array((buffer = x.mem.buffer), 0, Math.max(64, len));
    let n = 0;
    for (let i = 0; i < len; i++) {
      const c = units[i]!;
      if (c === SOFT_HYPHEN || c === HYPHEN_MINUS) out.push(n);
      else n++;
    }
    return out;
  };
}
