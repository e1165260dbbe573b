import type { Pt } from '../util/geometry.ts';
import { isBreakpoint, lineStart } from './firstFit.ts';
import { INFINITY_PENALTY, type Item } from './itemize.ts';

/** TeX \linepenalty 10: every extra line costs, so the optimum prefers fewer lines. */
export const LINE_PENALTY = 10;
/** Two hyphenated lines in a row (TeX \doublehyphendemerits is 10000; 3000 as in tex-linebreak). */
export const FLAGGED_DEMERITS = 3000;
/** A tight line next to a loose one (TeX \adjdemerits is 10000; 3000 keeps hyphenation attractive). */
export const FITNESS_DEMERITS = 3000;
/** Hard limit on hyphenated lines in a row (Dutch book typography: at most two). */
export const MAX_CONSECUTIVE_HYPHENS = 2;
/** Ragged setting: stretch at every line end, in em of the paragraph's first run (TeX \raggedright uses 2em; 3em gives fewer hyphens). */
export const RAGGED_STRETCH_EM = 3;
/** Emergency pass: background stretch per line as a share of the measure (TeX \emergencystretch). */
export const EMERGENCY_STRETCH_SHARE = 0.05;

/** One pass of the algorithm: maximum adjustment ratio, whether hyphen breaks count, extra stretch. */
interface Pass {
  readonly tolerance: number;
  readonly hyphenate: boolean;
  readonly emergencyShare: number;
}
/**
 * Tolerance 1 with hyphenation from the start (TeX's pretolerance pass without hyphens leaves Dutch text, with its
 * long compounds, loose in a 45-character column), then 2, then with emergency stretch. The last resort accepts
 * any loose line (TeX's "awful_bad" final pass), so the hyphen limit and demerits still hold where first-fit would not.
 */
const PASSES: readonly Pass[] = [
  { tolerance: 1, hyphenate: true, emergencyShare: 0 },
  { tolerance: 2, hyphenate: true, emergencyShare: 0 },
  { tolerance: 2, hyphenate: true, emergencyShare: EMERGENCY_STRETCH_SHARE },
  { tolerance: Infinity, hyphenate: true, emergencyShare: EMERGENCY_STRETCH_SHARE },
];

interface Node {
  readonly pos: number;
  readonly fitness: number;
  readonly hyphens: number;
  readonly demerits: number;
  readonly prev: Node | null;
  /** First item of the line after this break: the sums there start the next line (Sums at `start`). */
  readonly start: number;
}

/** Prefix sums of width, stretch, shrink and fil stretch before each item (index n = whole paragraph). */
interface Sums {
  readonly w: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly f: Float64Array;
}

function prefixSums(items: readonly Item[]): Sums {
  const n = items.length;
  // one backing store for the four arrays; running sums in locals (this runs cold, mostly in the interpreter, where
  // every property and element load counts); each stored sum is exactly the previous one plus the item's part
  const store = new ArrayBuffer(32 * (n + 1));
  const W = new Float64Array(store, 0, n + 1);
  const Y = new Float64Array(store, 8 * (n + 1), n + 1);
  const Z = new Float64Array(store, 16 * (n + 1), n + 1);
  const F = new Float64Array(store, 24 * (n + 1), n + 1);
  let w = 0;
  let y = 0;
  let z = 0;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    const counts = it.kind !== 'penalty';
    W[i + 1] = w += counts ? it.width : 0;
    Y[i + 1] = y += counts ? it.stretch : 0;
    Z[i + 1] = z += counts ? it.shrink : 0;
    F[i + 1] = f += it.fil ? 1 : 0;
  }
  return { w: W, y: Y, z: Z, f: F };
}

/** Adjustment ratio of a line of natural width L with stretch Y, shrink Z, fil glue F (K&P eq. 1). */
export function adjustmentRatio(L: Pt, Y: Pt, Z: Pt, F: number, widthPt: Pt): number {
  if (L < widthPt) return F > 0 ? 0 : Y > 0 ? (widthPt - L) / Y : Infinity;
  if (L > widthPt) return Z > 0 ? (widthPt - L) / Z : -Infinity;
  return 0;
}

/** Fitness class 0 tight, 1 decent, 2 loose, 3 very loose (TeX's four classes). */
export const fitnessOf = (r: number): number => (r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3);

/** Demerits of one line ending at `brk` after a line ending at `prevBrk` (TeX's formula, badness 100|r|³). */
export function lineDemerits(r: number, brk: Item, prevBrk: Item | undefined, prevFitness: number): number {
  const badness = Math.min(100 * Math.abs(r) ** 3, INFINITY_PENALTY);
  const p = brk.kind === 'penalty' ? brk.penalty : 0;
  let d = (LINE_PENALTY + badness) ** 2;
  if (p >= 0) d += p * p;
  else if (p > -INFINITY_PENALTY) d -= p * p;
  if (brk.flagged && prevBrk?.flagged) d += FLAGGED_DEMERITS;
  if (Math.abs(fitnessOf(r) - prevFitness) > 1) d += FITNESS_DEMERITS;
  return d;
}

/** Total demerits of a given break sequence (to compare algorithms); extra stretch per line as for ragged text. */
export function totalDemerits(items: readonly Item[], breaks: readonly number[], widthPt: Pt, rightStretch: Pt = 0): number {
  const s = prefixSums(items);
  let from = 0;
  let prev: number | undefined;
  let fitness = 1;
  let total = 0;
  for (const b of breaks) {
    const pw = items[b].kind === 'penalty' ? items[b].width : 0;
    const r = adjustmentRatio(s.w[b] - s.w[from] + pw, s.y[b] - s.y[from] + rightStretch, s.z[b] - s.z[from], s.f[b] - s.f[from], widthPt);
    total += lineDemerits(Math.max(r, -1), items[b], prev === undefined ? undefined : items[prev], fitness);
    fitness = fitnessOf(r);
    prev = b;
    from = lineStart(items, b);
  }
  return total;
}

/**
 * Knuth–Plass total-fit line breaking (Knuth & Plass 1981): the break sequence with the fewest total demerits,
 * tried with tolerance 1, then 2 with hyphenation, then with emergency stretch, then any looseness. Null when no
 * pass finds one (a box wider than the measure): the caller falls back to first-fit.
 */
export function knuthPlass(items: readonly Item[], widthPt: Pt, opts: { rightStretch?: Pt } = {}, prepared: Prepared = prepare(items)): number[] | null {
  const { sums, points } = prepared;
  for (const pass of PASSES) {
    const breaks = runPass(items, points, sums, widthPt, (opts.rightStretch ?? 0) + pass.emergencyShare * widthPt, pass);
    if (breaks) return breaks;
  }
  return null;
}

/** What every pass and every measure of the same items shares: prefix sums and the legal breakpoints. */
export interface Prepared {
  readonly sums: Sums;
  readonly points: readonly number[];
}

/** Prefix sums and breakpoints of `items`, for knuthPlass (balancing tries ten measures on the same items). */
export function prepare(items: readonly Item[]): Prepared {
  const points: number[] = [];
  for (let b = 0; b < items.length; b++) if (isBreakpoint(items, b)) points.push(b);
  return { sums: prefixSums(items), points };
}

function runPass(items: readonly Item[], points: readonly number[], s: Sums, widthPt: Pt, extraStretch: Pt, pass: Pass): number[] | null {
  const active: Node[] = [{ pos: -1, fitness: 1, hyphens: 0, demerits: 0, prev: null, start: 0 }];
  // Best candidate per (fitness class, hyphen run) slot, kept in parallel arrays to avoid allocation per breakpoint.
  const perFitness = MAX_CONSECUTIVE_HYPHENS + 1;
  const bestD = new Float64Array(4 * perFitness);
  const bestR = new Float64Array(4 * perFitness);
  const bestA: (Node | undefined)[] = new Array(4 * perFitness).fill(undefined);
  const { w: W, y: Y, z: Z, f: F } = s;
  for (let q = 0; q < points.length; q++) {
    const b = points[q]!;
    const it = items[b];
    if (it.hyphen && !pass.hyphenate) continue;
    const pw = it.kind === 'penalty' ? it.width : 0;
    const forced = it.kind === 'penalty' && it.penalty <= -INFINITY_PENALTY;
    // no paragraph (or forced line group) ends with a fragment of a hyphenated word, except as the last resort
    const noHyphenBefore = forced && pass.tolerance !== Infinity;
    let found = false;
    let kept = 0;
    const wb = W[b]!;
    const yb = Y[b]!;
    const zb = Z[b]!;
    const fb = F[b]!;
    for (let k = 0; k < active.length; k++) {
      const a = active[k]!;
      const st = a.start;
      const r = adjustmentRatio(wb - W[st]! + pw, yb - Y[st]! + extraStretch, zb - Z[st]!, fb - F[st]!, widthPt);
      if (r >= -1 && !forced) active[kept++] = a;
      if (r < -1 || r > pass.tolerance) continue;
      if (noHyphenBefore && a.pos >= 0 && items[a.pos].hyphen) continue;
      const hyphens = it.flagged ? a.hyphens + 1 : 0;
      if (hyphens > MAX_CONSECUTIVE_HYPHENS) continue;
      const d = a.demerits + lineDemerits(r, it, a.pos >= 0 ? items[a.pos] : undefined, a.fitness);
      const slot = fitnessOf(r) * perFitness + hyphens;
      if (bestA[slot] === undefined || d < bestD[slot]) {
        bestA[slot] = a;
        bestD[slot] = d;
        bestR[slot] = r;
        found = true;
      }
    }
    // the length setter is a call even when nothing was dropped (most breakpoints)
    if (kept < active.length) active.length = kept;
    if (found) {
      const start = lineStart(items, b);
      for (let slot = 0; slot < bestA.length; slot++) {
        const a = bestA[slot];
        if (!a) continue;
        // emptied here, where a slot was filled, rather than all slots at every breakpoint (most find nothing)
        bestA[slot] = undefined;
        active.push({
          pos: b, fitness: fitnessOf(bestR[slot]), hyphens: slot % perFitness, demerits: bestD[slot], prev: a,
          start,
        });
      }
    }
    if (active.length === 0) return null;
  }
  const last = items.length - 1;
  let end: Node | undefined;
  for (const a of active) if (a.pos === last && (!end || a.demerits < end.demerits)) end = a;
  if (!end) return null;
  const breaks: number[] = [];
  for (let n: Node | null = end; n && n.pos >= 0; n = n.prev) breaks.push(n.pos);
  return breaks.reverse();
}
