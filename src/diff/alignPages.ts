/**
 * Aligns the pages of two PDFs by their content, not their index, so an inserted or removed page shows as one
 * insertion/removal instead of every later page "changing". Needleman–Wunsch over pages: pairing two pages costs
 * 1 − their word similarity, leaving a page unpaired costs GAP_COST.
 */

/** One row of the alignment: a page of the old PDF, of the new one, or both (0-based indexes). */
export interface PagePair {
  readonly old?: number;
  readonly new?: number;
}

/**
 * Cost of an unpaired page. Pairing always costs at most 1, less than two gaps (1.2), so edited pages stay
 * paired; an insertion wins once it lets the following pages pair up with their identical old selves.
 */
const GAP_COST = 0.6;

/** Dice similarity of two pages' word multisets (1 = same words, 0 = none shared); two empty pages are alike. */
export function pageSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const c = counts.get(w);
    if (c) shared++, counts.set(w, c - 1);
  }
  return (2 * shared) / (a.length + b.length);
}

/** Pairs old and new pages in order, minimising total cost. */
export function alignPages(oldPages: readonly (readonly string[])[], newPages: readonly (readonly string[])[]): PagePair[] {
  const n = oldPages.length;
  const m = newPages.length;
  const w = m + 1;
  const cost = new Float64Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w); // 0 pair, 1 old only, 2 new only
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!i && !j) continue;
      let best = Infinity;
      let how = 0;
      if (i && j) {
        const c = cost[(i - 1) * w + j - 1]! + 1 - pageSimilarity(oldPages[i - 1]!, newPages[j - 1]!);
        if (c < best) (best = c), (how = 0);
      }
      if (i && cost[(i - 1) * w + j]! + GAP_COST < best) (best = cost[(i - 1) * w + j]! + GAP_COST), (how = 1);
      if (j && cost[i * w + j - 1]! + GAP_COST < best) (best = cost[i * w + j - 1]! + GAP_COST), (how = 2);
      cost[i * w + j] = best;
      step[i * w + j] = how;
    }
  }
  const pairs: PagePair[] = [];
  for (let i = n, j = m; i || j; ) {
    const how = step[i * w + j];
    if (how === 0) pairs.push({ old: --i, new: --j });
    else if (how === 1) pairs.push({ old: --i });
    else pairs.push({ new: --j });
  }
  return pairs.reverse();
}
