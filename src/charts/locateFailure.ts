/**
 * Where in the chart file a failure of vega-lite or vega comes from (issue 12, item 5): their messages name no
 * position ("Illegal callee type: CallExpression"), so the failing property is found by trying: each expression
 * the author wrote (calculate, filter, test, expr, update) is replaced in turn by `null`, and the one whose
 * replacement makes the failure go away is the culprit. Else a value the message quotes; else the spec's root.
 */
import type { SourceSpan } from '../diag/types.ts';

type JsonObject = Record<string, unknown>;

/** Properties whose string value is a Vega expression. */
const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'test', 'expr', 'update']);

const seg = (k: string | number): string => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON pointers of the expression strings in `spec`, in document order. */
export function expressionPointers(spec: unknown, ptr = ''): string[] {
  if (Array.isArray(spec)) return spec.flatMap((v, i) => expressionPointers(v, `${ptr}/${i}`));
  if (typeof spec !== 'object' || spec === null) return [];
  return Object.entries(spec).flatMap(([k, v]) => {
    const p = `${ptr}/${seg(k)}`;
    if (EXPRESSION_KEYS.has(k) && typeof v === 'string') return [p];
    return k === 'datasets' || k === 'config' ? [] : expressionPointers(v, p);
  });
}

/** A copy of `spec` with the value at `pointer` replaced. */
export function replaceAt(spec: unknown, pointer: string, value: unknown): unknown {
  const [head, ...rest] = pointer.split('/').slice(1);
  if (head === undefined) return value;
  const key = head.replace(/~1/g, '/').replace(/~0/g, '~');
  const inner = (v: unknown) => (rest.length ? replaceAt(v, `/${rest.join('/')}`, value) : value);
  if (Array.isArray(spec)) return spec.map((v, i) => (String(i) === key ? inner(v) : v));
  if (typeof spec !== 'object' || spec === null) return spec;
  return { ...(spec as JsonObject), [key]: inner((spec as JsonObject)[key]) };
}

/**
 * The pointer of the property that makes `fails(spec)` true (see the file's comment), limited to the author's
 * properties (`spans`); '' when none can be singled out.
 */
export function failurePointer(spec: JsonObject, detail: string, fails: (s: JsonObject) => boolean, spans: ReadonlyMap<string, SourceSpan>): string {
  const exprs = expressionPointers(spec).filter((p) => spans.has(p));
  if (exprs.length && fails(spec)) {
    for (const p of exprs) if (!fails(replaceAt(spec, p, 'null') as JsonObject)) return p;
  }
  for (const m of detail.matchAll(/"([^"]+)"/g)) {
    const p = pointerOfValue(spec, m[1]!, '', spans);
    if (p) return p;
  }
  return '';
}

/** The first author's property (pointer in `spans`) whose string value is `value`. */
function pointerOfValue(node: unknown, value: string, ptr: string, spans: ReadonlyMap<string, SourceSpan>): string | undefined {
  if (node === value && spans.has(ptr)) return ptr;
  if (typeof node !== 'object' || node === null) return undefined;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'datasets' || k === 'config') continue;
    const hit = pointerOfValue(v, value, `${ptr}/${seg(k)}`, spans);
    if (hit) return hit;
  }
  return undefined;
}
