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

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)(%?)|([a-zA-Z]\w*(?:\.[a-z]+)?)|([-+*()]))/y;

/** Parses a length; throws Error with a message when it is not one. */
export function parseLength(src: number | string): LengthExpr {
  if (typeof src === 'number') return { k: 'num', v: src };
  const tokens: string[][] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) tokens.push([...m]);
  if (src.slice(TOKEN.lastIndex).trim()) throw new Error(`cannot read "${src.slice(TOKEN.lastIndex).trim()}"`);
  let i = 0;
  const peek = () => tokens[i]?.[4];
  const factor = (): LengthExpr => {
    const t = tokens[i++];
    if (!t) throw new Error('expression ends too early');
    if (t[1] !== undefined) return t[2] ? { k: 'pct', v: +t[1] } : { k: 'num', v: +t[1] };
    if (t[3] !== undefined) {
      const dot = t[3].indexOf('.');
      if (!(PAGE_NAMES as readonly string[]).includes(t[3]) && !(dot > 0 && ['top', 'bottom', 'baseline'].includes(t[3].slice(dot + 1)))) {
        throw new Error(`unknown name "${t[3]}" (expected ${PAGE_NAMES.join(', ')} or <id>.top/bottom/baseline)`);
      }
      return { k: 'name', name: t[3] };
    }
    if (t[4] === '(') {
      const e = sum();
      if (tokens[i++]?.[4] !== ')') throw new Error('missing ")"');
      return e;
    }
    if (t[4] === '-') return { k: 'op', op: '-', a: { k: 'num', v: 0 }, b: factor() };
    throw new Error(`unexpected "${t[4]}"`);
  };
  const product = (): LengthExpr => {
    let a = factor();
    while (peek() === '*') {
      i++;
      a = { k: 'op', op: '*', a, b: factor() };
    }
    return a;
  };
  const sum = (): LengthExpr => {
    let a = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++]![4] as '+' | '-';
      a = { k: 'op', op, a, b: product() };
    }
    return a;
  };
  const e = sum();
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]![0].trim()}"`);
  return e;
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
