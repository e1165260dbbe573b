/** Writes a word with its break positions as hyphens: ("corona", [2, 4]) → "co-ro-na". Expected values are then hand-written spellings. */
export function spell(word: string, positions: readonly number[]): string {
  let out = '';
  let last = 0;
  for (const p of positions) {
    out += `${word.slice(last, p)}-`;
    last = p;
  }
  return out + word.slice(last);
}
