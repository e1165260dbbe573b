/** Reads the `figures:` tree of figures.yaml into a flat table of figures (by dotted path) and groups. */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { DERIVATIONS, FIGURE_META_KEYS, type DerivationKind } from '../spec/figures.ts';
import type { LocatedJson } from '../load/types.ts';
import { parseFigureDate, type FigureValue } from './formatters.ts';

/** One figure as defined; derived figures get their value in resolveFigures. */
export interface FigureDef {
  readonly path: string;
  readonly pointer: string;
  readonly span: SourceSpan;
  readonly label?: string;
  readonly unit?: string;
  readonly format?: string;
  readonly value?: FigureValue;
  readonly derivation?: { readonly kind: DerivationKind; readonly args: readonly string[] };
}

/** All figures and groups of a report; `value` filled for every figure that could be computed. */
export interface FigureTable {
  readonly figures: ReadonlyMap<string, FigureDef>;
  /** Group path → its direct children's keys, in file order. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly values: Map<string, FigureValue>;
}

/** Formats a figure may declare as its default rendering. */
const FIGURE_FORMATS = ['number', 'percent', 'ordinal', 'eur', 'words', 'date', 'weekday', 'month', 'quarter'];
const VALUE_KEYS = ['value', 'date', ...Object.keys(DERIVATIONS)];

/** Span of a JSON pointer in the figures file, falling back to the nearest ancestor. */
export function spanAt(json: LocatedJson, pointer: string): SourceSpan {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const s = json.spans.get(p);
    if (s) return s;
    if (p === '') return { file: json.file, line: 1, column: 1 };
  }
}

const seg = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Walks `figures:`; malformed entries become FIG002 errors in `errors`. */
export function parseFigures(json: LocatedJson, errors: Diagnostic[]): FigureTable {
  const figures = new Map<string, FigureDef>();
  const groups = new Map<string, string[]>();
  const root = (json.value as { figures?: Record<string, unknown> }).figures ?? {};
  const walk = (node: Record<string, unknown>, path: string, pointer: string) => {
    groups.set(path, Object.keys(node));
    for (const [key, v] of Object.entries(node)) {
      const p = path ? `${path}.${key}` : key;
      const ptr = `${pointer}/${seg(key)}`;
      if (isGroup(v)) walk(v as Record<string, unknown>, p, ptr);
      else {
        const def = readFigure(v, p, ptr, json, errors);
        if (def) figures.set(p, def);
      }
    }
  };
  walk(root, '', '/figures');
  return { figures, groups, values: new Map() };
}

/**
 * Adds the report's own dates (report.date, report.period.start/.end) as date figures and `report` /
 * `report.period` as their groups, unless figures.yaml defines a `report` of its own.
 */
export function addReportDates(t: FigureTable, dates: readonly { path: string; value: string; span: SourceSpan }[]): void {
  if (t.figures.has('report') || t.groups.has('report')) return;
  const groups = t.groups as Map<string, readonly string[]>;
  const figures = t.figures as Map<string, FigureDef>;
  for (const d of dates) {
    figures.set(d.path, { path: d.path, pointer: '', span: d.span, value: { kind: 'date', value: d.value } });
    const parts = d.path.split('.');
    for (let i = 1; i < parts.length; i++) {
      const group = parts.slice(0, i).join('.');
      const children = groups.get(group) ?? [];
      if (!children.includes(parts[i]!)) groups.set(group, [...children, parts[i]!]);
    }
  }
  const root = groups.get('') ?? [];
  if (dates.length && !root.includes('report')) groups.set('', [...root, 'report']);
}

/**
 * A map is a figure when exactly one of its keys is a value key (value, date, sum, …) holding what that key
 * takes and no other key holds a figure; otherwise it is a group. So a group may have figures named `change`,
 * `sum`, `value`, `date` or `ratio` (`{ value: 12, aandeel: 0.3 }` is a group of two figures).
 */
function isGroup(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  const shaped = entries.filter(([k, x]) => VALUE_KEYS.includes(k) && isValueShape(k, x)).length;
  const keys = entries.map(([k]) => k);
  // one value key among meta keys is a figure, even a malformed one (`{ value: "x" }` is reported as such)
  if (keys.filter((k) => VALUE_KEYS.includes(k)).length === 1 && keys.every((k) => VALUE_KEYS.includes(k) || (FIGURE_META_KEYS as readonly string[]).includes(k))) return false;
  const figureChild = entries.some(([k, x]) => !(FIGURE_META_KEYS as readonly string[]).includes(k) && !(VALUE_KEYS.includes(k) && isValueShape(k, x)) && (typeof x === 'number' || isMap(x)));
  return shaped !== 1 || figureChild;
}

/** Whether `x` has the shape key `k` takes on a figure: a number, a date, or a list of figure names. */
function isValueShape(k: string, x: unknown): boolean {
  if (k === 'value') return typeof x === 'number';
  if (k === 'date') return x instanceof Date || typeof x === 'string';
  return Array.isArray(x);
}

function readFigure(v: unknown, path: string, pointer: string, json: LocatedJson, errors: Diagnostic[]): FigureDef | undefined {
  const span = spanAt(json, pointer);
  const fail = (detail: string, at = span) => void errors.push(messages.badFigure(path, detail, at));
  if (typeof v === 'number') return Number.isFinite(v) ? { path, pointer, span, value: { kind: 'number', value: v } } : void errors.push(messages.notFinite(`figure "${path}"`, String(v), span));
  // `g: { change: [a, b], x: 3 }`: a derivation's list written straight into a group, under the keyword's name
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (Array.isArray(v) && key in DERIVATIONS) return void errors.push(messages.figureKeyword(key, path.slice(0, path.lastIndexOf('.')), span));
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(`expected a number or a map, found ${Array.isArray(v) ? 'a list' : JSON.stringify(v)}`);
  const m = v as Record<string, unknown>;
  const shaped = Object.keys(m).filter((k) => VALUE_KEYS.includes(k) && isValueShape(k, m[k]));
  const kinds = shaped.length ? shaped : Object.keys(m).filter((k) => VALUE_KEYS.includes(k));
  if (kinds.length > 1) return fail(`has both "${kinds[0]}" and "${kinds[1]}"`);
  const strays = Object.keys(m).filter((k) => !kinds.includes(k) && !(FIGURE_META_KEYS as readonly string[]).includes(k));
  for (const k of strays)
    if (!VALUE_KEYS.includes(k))
      errors.push(strayKey(k, m[k], [...VALUE_KEYS, ...FIGURE_META_KEYS], spanAt(json, `${pointer}/${seg(k)}`)));
  const meta = { path, pointer, span, label: str(m.label), unit: str(m.unit), format: str(m.format) };
  if (meta.format !== undefined && !FIGURE_FORMATS.includes(meta.format))
    errors.push(messages.unknownFormat(meta.format, FIGURE_FORMATS, spanAt(json, `${pointer}/format`)));
  const kind = kinds[0];
  const at = spanAt(json, `${pointer}/${kind}`);
  if (kind === 'value' && typeof m.value === 'number' && !Number.isFinite(m.value)) return void errors.push(messages.notFinite(`figure "${path}"`, String(m.value), at));
  if (kind === 'value') return typeof m.value === 'number' ? { ...meta, value: { kind: 'number', value: m.value } } : fail('"value" must be a number', at);
  if (kind === 'date') {
    const d = m.date instanceof Date ? m.date.toISOString().slice(0, 10) : String(m.date);
    return parseFigureDate(d) ? { ...meta, value: { kind: 'date', value: d } } : void errors.push(messages.invalidDate(d, at));
  }
  const args = m[kind];
  const arity = DERIVATIONS[kind as DerivationKind];
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string' || typeof a === 'number') || (arity ? args.length !== arity : args.length < 1))
    return fail(`"${kind}" needs a list of ${arity ?? 'one or more'} figure names`, at);
  return { ...meta, derivation: { kind: kind as DerivationKind, args: args.map(String) } };
}

/** Unknown key; a valueless key that is not a word is most likely text cut off by a comma in `{ … }`. */
function strayKey(k: string, v: unknown, known: readonly string[], span: SourceSpan): Diagnostic {
  return v === null && !/^[\w-]+$/.test(k) ? messages.commaInFlowMap(k, span) : messages.unknownKey(k, known, span);
}

function isMap(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** Computes every derived figure (sum, difference, ratio, change), reporting unknown inputs and cycles. */
export function resolveFigures(t: FigureTable, json: LocatedJson, used: Set<string>, errors: Diagnostic[]): void {
  const known = [...t.figures.keys()];
  const visiting: string[] = [];
  const failed = new Set<string>();
  const resolve = (path: string): number | undefined => {
    const def = t.figures.get(path)!;
    if (failed.has(path)) return undefined;
    const have = t.values.get(path);
    if (have) return have.kind === 'number' ? have.value : undefined;
    if (def.value) return t.values.set(path, def.value), def.value.kind === 'number' ? def.value.value : undefined;
    if (visiting.includes(path)) {
      const loop = visiting.slice(visiting.indexOf(path));
      loop.forEach((p) => failed.add(p));
      return void errors.push(messages.derivationCycle([...loop, path], def.span));
    }
    visiting.push(path);
    const d = def.derivation!;
    const nums = d.args.map((a, i) => {
      const at = spanAt(json, `${def.pointer}/${d.kind}/${i}`);
      used.add(a);
      if (!t.figures.has(a)) return void errors.push(messages.unknownFigureInFigures(a, at, known));
      const n = resolve(a);
      if (n === undefined && t.values.get(a)?.kind === 'date') errors.push(messages.notANumber(a, at));
      return n;
    });
    visiting.pop();
    if (nums.some((n) => n === undefined)) return void failed.add(path);
    const v = derive(d.kind, nums as number[]);
    if (!Number.isFinite(v)) return void (failed.add(path), errors.push(messages.divisionByZero(path, def.span)));
    t.values.set(path, { kind: 'number', value: v });
    return v;
  };
  for (const path of t.figures.keys()) resolve(path);
}

function derive(kind: DerivationKind, n: readonly number[]): number {
  switch (kind) {
    case 'sum':
      return n.reduce((a, b) => a + b, 0);
    case 'difference':
      return n[0] - n[1];
    case 'ratio':
      return n[0] / n[1];
    case 'change':
      return (n[1] - n[0]) / n[0];
  }
}
