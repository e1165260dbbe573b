/** Edit distance and "did you mean" helpers shared by the loader and binder for their hints. */

/** Levenshtein distance between two strings (case-sensitive), used to rank suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The candidates closest to `word`, best first; only those within a third of the word's length (min 2 edits). */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= limit || commonPrefix(word.toLowerCase(), c.toLowerCase()) >= 4) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  const best = scored[0]?.d ?? 0;
  return scored.filter((s) => s.d <= best + 1).slice(0, max).map((s) => s.c);
}

/** Shared leading characters of the last dotted segment, after identical leading segments ("asiel.x" vs "asiel.y" → 0). */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const dot = a.lastIndexOf('.', i - 1);
  return i - (dot + 1);
}

/** A "did you mean" hint for the single best candidate, or undefined when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const [best] = closest(word, candidates, 1);
  return best === undefined ? undefined : `did you mean "${best}"?`;
}
