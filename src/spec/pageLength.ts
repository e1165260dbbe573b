/**
 * Page lengths of template elements: points, or small expressions such as "50% - 16", "text.left + 48",
 * "title.bottom + 9", "2 * grid". Parsed once when the template loads (errors point at the value), evaluated per
 * page by pages/elements.ts.
 */

/** A parsed length. */
export type LengthExpr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'pct'; readonly v: number }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'op'; readonly op: '+' | '-' | '*'; readonly a: LengthExpr; readonly b: LengthExpr };

/** Names every page knows (an element's own ids add "<id>.top", "<id>.bottom", "<id>.baseline"). */
export const PAGE_NAMES = ['page.width', 'page.height', 'text.left', 'text.right', 'text.top', 'text.bottom', 'text.width', 'text.height', 'inner', 'outer', 'grid'] as const;

/** One token: a number (with `pct` when a % follows it), a name or an operator; `raw` as written, with the spaces before it. */
interface Token {
  readonly raw: string;
  /** The number's digits, the name, or the operator (one shape for all three: V8 keeps the reads monomorphic). */
  readonly text: string;
  readonly kind: 'num' | 'name' | 'op';
  readonly pct: boolean;
}

/**
 * Parses a length; throws Error with a message when it is not one. The tokens are read by hand, not with a sticky
 * regular expression and a copied match per token: pages/elements.ts parses every length of every element on every
 * page, ≈ 15–30 ms of a 10× build's profile. It reads exactly what `\s*(?:(\d+(?:\.\d+)?)(%?)|([a-zA-Z]\w*(?:\.[a-z]+)?)|([-+*()]))`
 * read, and says the same when a token cannot be read: the whole text, trimmed (where that expression's
 * lastIndex went back to 0).
 */
export function parseLength(src: number | string): LengthExpr {
  if (typeof src === 'number') return { k: 'num', v: src };
  const r: Reader = { tokens: tokenize(src), i: 0 };
  const e = sum(r);
  if (r.i < r.tokens.length) throw new Error(`unexpected "${r.tokens[r.i]!.raw.trim()}"`);
  return e;
}

/** The tokens and the next one to read (module functions over it, not closures made per call). */
interface Reader {
  readonly tokens: readonly Token[];
  i: number;
}

/** The operator at the reader's position, if the token there is one. */
const peek = (r: Reader): string | undefined => (r.i < r.tokens.length && r.tokens[r.i]!.kind === 'op' ? r.tokens[r.i]!.text : undefined);

function factor(r: Reader): LengthExpr {
  const t = r.tokens[r.i++];
  if (!t) throw new Error('expression ends too early');
  if (t.kind === 'num') return t.pct ? { k: 'pct', v: +t.text } : { k: 'num', v: +t.text };
  if (t.kind === 'name') {
    const dot = t.text.indexOf('.');
    if (!(PAGE_NAMES as readonly string[]).includes(t.text) && !(dot > 0 && ['top', 'bottom', 'baseline'].includes(t.text.slice(dot + 1)))) {
      throw new Error(`unknown name "${t.text}" (expected ${PAGE_NAMES.join(', ')} or <id>.top/bottom/baseline)`);
    }
    return { k: 'name', name: t.text };
  }
  if (t.text === '(') {
    const e = sum(r);
    if (peek(r) !== ')') throw new Error('missing ")"');
    r.i++;
    return e;
  }
  if (t.text === '-') return { k: 'op', op: '-', a: { k: 'num', v: 0 }, b: factor(r) };
  throw new Error(`unexpected "${t.text}"`);
}

function product(r: Reader): LengthExpr {
  let a = factor(r);
  while (peek(r) === '*') {
    r.i++;
    a = { k: 'op', op: '*', a, b: factor(r) };
  }
  return a;
}

function sum(r: Reader): LengthExpr {
  let a = product(r);
  for (let op = peek(r); op === '+' || op === '-'; op = peek(r)) {
    r.i++;
    a = { k: 'op', op, a, b: product(r) };
  }
  return a;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isLower(c) || (c >= 65 && c <= 90);
/** `\w`: ASCII letters, digits and the underscore. */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95;
/** `\s`: ECMAScript's white space and line terminators (the characters String#trim removes). */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The tokens of `src`; throws `cannot read "<src trimmed>"` at a character no token starts with (unless `src` is blank). */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let pos = 0;
  while (pos < n) {
    let p = pos;
    while (p < n && isSpace(src.charCodeAt(p))) p++;
    const c = p < n ? src.charCodeAt(p) : -1;
    let q = p + 1;
    if (isDigit(c)) {
      while (q < n && isDigit(src.charCodeAt(q))) q++;
      if (src.charCodeAt(q) === 46 && isDigit(src.charCodeAt(q + 1))) for (q += 2; q < n && isDigit(src.charCodeAt(q)); ) q++;
      const num = src.slice(p, q);
      const pct = src.charCodeAt(q) === 37;
      if (pct) q++;
      tokens.push({ raw: src.slice(pos, q), text: num, kind: 'num', pct });
    } else if (isLetter(c)) {
      while (q < n && isWordChar(src.charCodeAt(q))) q++;
      if (src.charCodeAt(q) === 46 && isLower(src.charCodeAt(q + 1))) for (q += 2; q < n && isLower(src.charCodeAt(q)); ) q++;
      tokens.push({ raw: src.slice(pos, q), text: src.slice(p, q), kind: 'name', pct: false });
    } else if (c === 45 || c === 43 || c === 42 || c === 40 || c === 41) {
      tokens.push({ raw: src.slice(pos, q), text: src[p]!, kind: 'op', pct: false });
    } else {
      // nothing readable from here: the whole text is named (blank text: read as no tokens at all)
      if (src.trim()) throw new Error(`cannot read "${src.trim()}"`);
      return tokens;
    }
    pos = q;
  }
  return tokens;
}

/** The ids an expression refers to ("title" for "title.bottom + 9"). */
export function idsIn(e: LengthExpr): string[] {
  if (e.k === 'name') return e.name.includes('.') && !e.name.startsWith('page.') && !e.name.startsWith('text.') ? [e.name.split('.')[0]!] : [];
  return e.k === 'op' ? [...idsIn(e.a), ...idsIn(e.b)] : [];
}

/** Evaluates a length on one page: `percentOf` is the page dimension of the axis, `names` the values of names. */
export function evalLength(e: LengthExpr, percentOf: number, names: Readonly<Record<string, number>>): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'pct':
      return (e.v / 100) * percentOf;
    case 'name':
      return names[e.name] ?? 0;
    case 'op': {
      const a = evalLength(e.a, percentOf, names);
      const b = evalLength(e.b, percentOf, names);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : a * b;
    }
  }
}
