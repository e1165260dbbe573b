/** A tiny safe parser for `checks:` expressions: `a + b = c`, `x <= y`, numbers, + - * / and parentheses; no eval. */

/** Parsed check: two arithmetic sides and a comparison. */
export interface Comparison {
  readonly left: Expr;
  readonly op: '=' | '≈' | '<=' | '>=' | '<' | '>';
  readonly right: Expr;
}

/** Arithmetic expression tree. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'ref'; readonly path: string }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr };

/** Figure path: dotted segments of letters, digits, _ and - (a "-" between spaces is a minus). */
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w-]*(?:\.[\w-]+)*)|(<=|>=|==|=|≈|~=|<|>|[-+*/()]))/y;

/** Parses a check; throws an Error with a lowercase reason when it does not parse. */
export function parseComparison(src: string): Comparison {
  const tokens: string[] = [];
  const kinds: ('num' | 'ref' | 'op')[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`unexpected "${src.slice(at).trim()[0]}" at character ${at + 1}`);
    tokens.push(m[1] ?? m[2] ?? m[3]);
    kinds.push(m[1] ? 'num' : m[2] ? 'ref' : 'op');
  }
  let i = 0;
  const peek = () => (kinds[i] === 'op' ? tokens[i] : undefined);
  const primary = (): Expr => {
    const t = tokens[i];
    if (t === undefined) throw new Error('expression ends too early');
    i++;
    if (kinds[i - 1] === 'num') return { kind: 'num', value: Number(t) };
    if (kinds[i - 1] === 'ref') return { kind: 'ref', path: t };
    if (t === '-') return { kind: 'neg', arg: primary() };
    if (t === '(') {
      const e = sum();
      if (tokens[i++] !== ')') throw new Error('missing ")"');
      return e;
    }
    throw new Error(`unexpected "${t}"`);
  };
  const term = (): Expr => {
    let e = primary();
    while (peek() === '*' || peek() === '/') e = { kind: 'bin', op: tokens[i++] as '*' | '/', left: e, right: primary() };
    return e;
  };
  const sum = (): Expr => {
    let e = term();
    while (peek() === '+' || peek() === '-') e = { kind: 'bin', op: tokens[i++] as '+' | '-', left: e, right: term() };
    return e;
  };
  const left = sum();
  const op = tokens[i++];
  if (!op || !['=', '==', '≈', '~=', '<=', '>=', '<', '>'].includes(op)) throw new Error(op ? `expected a comparison (= ≈ <= >= < >), found "${op}"` : 'missing a comparison (= ≈ <= >= < >)');
  const right = sum();
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]}"`);
  return { left, op: (op === '==' ? '=' : op === '~=' ? '≈' : op) as Comparison['op'], right };
}

/** Figure paths an expression names. */
export function refsOf(e: Expr): string[] {
  if (e.kind === 'ref') return [e.path];
  if (e.kind === 'neg') return refsOf(e.arg);
  if (e.kind === 'bin') return [...refsOf(e.left), ...refsOf(e.right)];
  return [];
}

/** Evaluates with figure values from `lookup`. */
export function evaluate(e: Expr, lookup: (path: string) => number): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref':
      return lookup(e.path);
    case 'neg':
      return -evaluate(e.arg, lookup);
    case 'bin': {
      const a = evaluate(e.left, lookup);
      const b = evaluate(e.right, lookup);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
  }
}

/** Relative tolerance for "=" so sums of rounded decimals still compare equal. */
const EQUAL_TOLERANCE = 1e-9;

/** Relative tolerance of "≈" without `within`: published numbers rounded to three significant digits still agree. */
export const APPROX_TOLERANCE = 0.005;

/**
 * True when the comparison holds. `within` (absolute) widens what counts as equal for every operator, for
 * published numbers that were rounded; "≈" without it allows APPROX_TOLERANCE of the larger side.
 */
export function holds(op: Comparison['op'], a: number, b: number, within?: number): boolean {
  const scale = Math.max(1, Math.abs(a), Math.abs(b));
  const tolerance = within ?? (op === '≈' ? APPROX_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) : EQUAL_TOLERANCE * scale);
  const eq = Math.abs(a - b) <= tolerance + EQUAL_TOLERANCE * scale;
  return op === '=' || op === '≈' ? eq : op === '<=' ? a <= b || eq : op === '>=' ? a >= b || eq : op === '<' ? a < b && !eq : a > b && !eq;
}
