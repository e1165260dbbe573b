/** Runs a zod schema over parsed YAML and maps every issue to the node it concerns (all issues, not the first). */
import type { z } from 'zod';
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { keyNodeAt, nearestNode, nodeAt, spanOf, unquotedRefOf, type NodePath, type ParsedYaml } from './parseYaml.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.ZodType;

/** Validates `value` (the JS form of the node at `base`) and returns the parsed data or positioned diagnostics. */
export function validate<S extends AnySchema>(
  schema: S,
  value: unknown,
  p: ParsedYaml,
  base: NodePath = [],
): { data?: z.output<S>; errors: Diagnostic[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: [] };
  const errors = result.error.issues.flatMap((i) => issueToDiagnostics(i, schema, value, p, base, []));
  return { errors };
}

function issueToDiagnostics(issue: Issue, root: AnySchema, rootValue: unknown, p: ParsedYaml, base: NodePath, prefix: NodePath): Diagnostic[] {
  const rel = [...prefix, ...(issue.path as (string | number)[])];
  const path = [...base, ...rel];
  const key = lastKey(path);
  const value = valueAt(rootValue, rel);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(shapeAt(root, rel) ?? {});
      return issue.keys.map((k) => {
        const span = spanOf(p, keyNodeAt(p, [...path, k]) ?? nodeAt(p, path));
        const stray = (value as Record<string, unknown>)?.[k] === null && !/^[\w-]+$/.test(k);
        return stray ? messages.commaInFlowMap(k, span) : messages.unknownKey(k, known, span);
      });
    }
    case 'invalid_type': {
      if (value === undefined) return [messages.missingKey(key, spanOf(p, nearestNode(p, path.slice(0, -1))))];
      const node = nodeAt(p, path);
      const ref = unquotedRefOf(node);
      if (ref && issue.expected !== 'object') return [messages.unquotedReference(ref, spanOf(p, node))];
      return [messages.wrongType(key, article(issue.expected), describe(value), spanOf(p, node))];
    }
    case 'invalid_value':
      return [messages.invalidValue(key, String(value), issue.values.map(String), spanOf(p, nodeAt(p, path)))];
    case 'invalid_union': {
      if (value === undefined) return [messages.missingKey(key, spanOf(p, nearestNode(p, path.slice(0, -1))))];
      const branch = pickBranch(issue.errors);
      if (branch) return branch.flatMap((i) => issueToDiagnostics(i, root, rootValue, p, base, rel));
      const node = nodeAt(p, path);
      const ref = unquotedRefOf(node);
      if (ref) return [messages.unquotedReference(ref, spanOf(p, node))];
      const expected = issue.errors.map((e) => e.find((i) => i.code === 'invalid_type')?.expected).filter(Boolean);
      return [messages.wrongType(key, expected.map((e) => article(String(e))).join(' or '), describe(value), spanOf(p, node))];
    }
    case 'too_small':
      return [messages.schemaViolation(key, issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : `must be at least ${issue.minimum}`, spanOf(p, nearestNode(p, path)))];
    case 'custom':
      if ((issue.params as { diag?: string } | undefined)?.diag === 'date') return [messages.invalidDate(String(value), spanOf(p, nearestNode(p, path)))];
      return [messages.schemaViolation(key, lowerFirst(issue.message), spanOf(p, nearestNode(p, path)))];
    default:
      return [messages.schemaViolation(key, lowerFirst(issue.message), spanOf(p, nearestNode(p, path)))];
  }
}

/** The union branch whose type matched at its root (its issues are about the inside), if exactly one did. */
function pickBranch(branches: Issue[][]): Issue[] | undefined {
  const matched = branches.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return matched.length >= 1 ? matched.sort((a, b) => a.length - b.length)[0] : undefined;
}

/** Object shape of the schema at a relative path (unwrapping optional, default, array, record, union). */
export function shapeAt(schema: AnySchema, path: NodePath): Record<string, unknown> | undefined {
  let s: any = unwrap(schema);
  for (const step of path) {
    const def = s?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object') s = def.shape[step];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    s = unwrap(s);
  }
  return s?._zod?.def?.type === 'object' ? s._zod.def.shape : undefined;
}

function unwrap(s: any): any {
  for (;;) {
    const def = s?._zod?.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType;
    else if (def.type === 'union') s = def.options.find((o: any) => unwrap(o)?._zod?.def?.type === 'object') ?? def.options[0];
    else return s;
  }
}

function valueAt(v: unknown, path: NodePath): unknown {
  let cur: any = v;
  for (const step of path) cur = cur == null ? undefined : cur[step];
  return cur;
}

function lastKey(path: NodePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return String(path[path.length - 1] ?? 'document');
}

/** Human name of a YAML value's type. */
export function describe(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  return `${typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v} ${String(v)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', object: 'a map', array: 'a list', record: 'a map' };
  return names[expected] ?? expected;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

