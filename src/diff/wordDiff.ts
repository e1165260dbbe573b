/** Word-level difference of two token lists (longest common subsequence), grouped into hunks with context. */

/** One run of changes: the words removed and added at one place, with a few unchanged words either side. */
export interface WordHunk {
  readonly before: readonly string[];
  readonly removed: readonly string[];
  readonly added: readonly string[];
  readonly after: readonly string[];
}

/** Unchanged words shown either side of a change (enough to find it on the page). */
const CONTEXT_WORDS = 4;

/**
 * Splits page text into words (whitespace-separated, soft hyphens dropped) and drops TOC leader dots, and joins words hyphenated at a line
 * end ("zorgvul-" "dige" → "zorgvuldige"), so a reflowed line shows the edited word, not its broken halves.
 */
export function toWords(text: string): string[] {
  // TOC leader dots are drawn as text; they are spacing, not words.
  const raw = text.replace(/\u00ad/g, '').split(/\s+/).filter((w) => w && !/^[.·…]+$/.test(w));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const next = raw[i + 1];
    if (next && /\p{L}-$/u.test(w) && /^\p{Ll}/u.test(next)) out.push(w.slice(0, -1) + next), i++;
    else out.push(w);
  }
  return out;
}

/** The hunks turning `a` into `b`; empty when the lists are equal. */
export function diffWords(a: readonly string[], b: readonly string[]): WordHunk[] {
  // Common prefix and suffix first: a one-word edit then costs no table at all.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ops = lcsOps(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
  const full: Op[] = [...a.slice(0, pre).map((w) => ({ k: '=', w }) as Op), ...ops, ...a.slice(a.length - suf).map((w) => ({ k: '=', w }) as Op)];
  return toHunks(full);
}

type Op = { readonly k: '=' | '-' | '+'; readonly w: string };

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // len[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const len = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * (m + 1) + j] = a[i] === b[j] ? len[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(len[(i + 1) * (m + 1) + j]!, len[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ k: '=', w: a[i++]! }), j++;
    else if (j < m && (i === n || len[i * (m + 1) + j + 1]! >= len[(i + 1) * (m + 1) + j]!)) ops.push({ k: '+', w: b[j++]! });
    else ops.push({ k: '-', w: a[i++]! });
  }
  return ops;
}

function toHunks(ops: readonly Op[]): WordHunk[] {
  const hunks: WordHunk[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.k === '=') {
      i++;
      continue;
    }
    const start = i;
    const removed: string[] = [];
    const added: string[] = [];
    // A change run ends at the first unchanged word; runs closer than the context merge into one hunk.
    while (i < ops.length && (ops[i]!.k !== '=' || nextChangeWithin(ops, i, CONTEXT_WORDS))) {
      const op = ops[i++]!;
      if (op.k === '-') removed.push(op.w);
      else if (op.k === '+') added.push(op.w);
      else removed.push(op.w), added.push(op.w);
    }
    const before = ops.slice(Math.max(0, start - CONTEXT_WORDS), start).filter((o) => o.k === '=').map((o) => o.w);
    const after = ops.slice(i, i + CONTEXT_WORDS).filter((o) => o.k === '=').map((o) => o.w);
    hunks.push({ before, removed, added, after });
  }
  return hunks;
}

function nextChangeWithin(ops: readonly Op[], from: number, n: number): boolean {
  for (let k = from; k < ops.length && k < from + n; k++) if (ops[k]!.k !== '=') return true;
  return false;
}

/** git word-diff style: `context [-old-]{+new+} context`. */
export function formatHunk(h: WordHunk): string {
  const parts = [...h.before];
  if (h.removed.length) parts.push(`[-${h.removed.join(' ')}-]`);
  if (h.added.length) parts.push(`{+${h.added.join(' ')}+}`);
  parts.push(...h.after);
  return parts.join(' ');
}
