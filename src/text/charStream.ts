import type { ParagraphSpec } from '../style/types.ts';

/** Concatenated text of all runs with soft hyphens removed; runOf maps each code unit to its run. */
export interface CharStream {
  readonly text: string;
  readonly runOf: readonly number[];
  /** Positions (in `text`) where a soft hyphen was: a break before that code unit. */
  readonly softHyphens: ReadonlySet<number>;
  /** softBefore[i]: how many soft-hyphen positions are below i (0..length + 1); absent when there are none. */
  readonly softBefore?: Int32Array;
}

export function charStream(para: ParagraphSpec): CharStream {
  // One pass over each run's code units (soft hyphens dropped), pieces joined once: no string grows per character.
  const pieces: string[] = [];
  const runOf: number[] = [];
  const softHyphens = new Set<number>();
  para.runs.forEach((run, r) => {
    const t = run.text;
    let from = 0;
    for (let i = t.indexOf('\u00AD'); i >= 0; i = t.indexOf('\u00AD', from)) {
      pieces.push(t.slice(from, i));
      for (let k = from; k < i; k++) runOf.push(r);
      softHyphens.add(runOf.length);
      from = i + 1;
    }
    pieces.push(from === 0 ? t : t.slice(from));
    for (let k = from; k < t.length; k++) runOf.push(r);
  });
  const text = pieces.join('');
  if (softHyphens.size === 0) return { text, runOf, softHyphens };
  // Every word asks whether it holds a soft hyphen: counts make that one subtraction instead of a scan of the set.
  const softBefore = new Int32Array(text.length + 2);
  for (const p of softHyphens) softBefore[p + 1]!++;
  for (let i = 1; i < softBefore.length; i++) softBefore[i]! += softBefore[i - 1]!;
  return { text, runOf, softHyphens, softBefore };
}

/** True when a soft hyphen was at a position in [s, e] (its start, inside, or its end). */
export function hasSoftHyphen(cs: CharStream, s: number, e: number): boolean {
  return cs.softBefore !== undefined && cs.softBefore[e + 1]! - cs.softBefore[s]! > 0;
}
