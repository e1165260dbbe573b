/** Turns a YAML subtree into a LocatedJson: its plain value plus the span of every node, keyed by JSON pointer. */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { SourceSpan } from '../diag/types.ts';
import type { LocatedJson } from './types.ts';
import { keyString, spanOf, type ParsedYaml } from './parseYaml.ts';

/** Escapes one JSON pointer segment (RFC 6901: ~ → ~0, / → ~1). */
export function pointerSegment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** LocatedJson of `node` (the whole document when omitted); pointers are relative to that node ("" is its root). */
export function toLocatedJson(p: ParsedYaml, node: Node | null | undefined = p.doc.contents): LocatedJson {
  const spans = new Map<string, SourceSpan>();
  // value and spans in one walk; a tree plainValue does not take (an alias …) gets yaml's own toJS after the walk
  const found = walk(p, node, '', spans);
  const value = found !== NOT_PLAIN ? found : node ? (node as unknown as { toJS(doc: unknown): unknown }).toJS(p.doc) : null;
  return { value, file: p.file, spans };
}

/** Marks a tree whose value only yaml's toJS makes (aliases, merge keys, collection keys, pairs in sequences). */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * The value yaml's `node.toJS(doc)` gives for a tree without aliases, made without its conversion context (a third
 * of yaml's time on the bundled report went to toJS): scalars give their value, maps plain objects with
 * stringified keys (an own property even for `__proto__`, as yaml's addPairToJSMap does), sequences arrays.
 * NOT_PLAIN when the tree holds anything else; test/load/plainValue.test.ts compares it with toJS.
 */
export function plainValue(node: unknown): unknown {
  return walk(undefined, node, '', undefined);
}

/**
 * plainValue of `node`, recording the span of every node (for `p`) at its pointer when `spans` is given. The spans
 * are recorded as the earlier separate walk did, whatever the value: for every node object (aliases and pairs in
 * sequences included), for a key without value at the key, nothing under a key that is no scalar.
 */
function walk(p: ParsedYaml | undefined, node: unknown, pointer: string, spans: Map<string, SourceSpan> | undefined): unknown {
  if (node === null || node === undefined) return null;
  if (typeof node !== 'object') return node;
  if (spans) spans.set(pointer, spanOf(p!, node as Node));
  if (isScalar(node)) return typeof node.value === 'bigint' || (node.value !== null && typeof node.value === 'object') ? NOT_PLAIN : node.value;
  let failed = false;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key as unknown;
      // yaml makes a null key "" and other scalar keys String(value); `<<` could be a merge key under other schemas
      const plainKey = key === null || (isScalar(key) && key.value !== '<<' && (key.value === null || typeof key.value !== 'object'));
      if (!plainKey) failed = true;
      if (spans) {
        const name = keyString(key);
        if (name === undefined) {
          failed = true;
          continue;
        }
        const ptr = `${pointer}/${pointerSegment(name)}`;
        if (!pair.value) spans.set(ptr, spanOf(p!, key as Node));
        const v = pair.value ? walk(p, pair.value, ptr, spans) : null;
        if (v === NOT_PLAIN) failed = true;
        if (!failed) put(out, key, v);
      } else {
        if (failed) return NOT_PLAIN;
        const v = pair.value ? walk(p, pair.value, '', spans) : null;
        if (v === NOT_PLAIN) return NOT_PLAIN;
        put(out, key, v);
      }
    }
    return failed ? NOT_PLAIN : out;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    const items = node.items as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isPair(item)) failed = true;
      if (failed && !spans) return NOT_PLAIN;
      const v = walk(p, item, spans ? `${pointer}/${i}` : '', spans);
      if (v === NOT_PLAIN) failed = true;
      out.push(v);
    }
    return failed ? NOT_PLAIN : out;
  }
  return NOT_PLAIN;
}

/** Sets `key` (a null or scalar key node) as yaml's addPairToJSMap does: an own property even where one is inherited. */
function put(out: Record<string, unknown>, key: unknown, v: unknown): void {
  const value = key === null ? null : (key as { value: unknown }).value;
  const k = value === null ? '' : String(value);
  if (k in out) Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}

/**
 * The whole document's value, as `p.doc.toJS()` gives it. Each value is made afresh (parses are kept between
 * builds; a value handed on must not be shared with the next build).
 */
export function jsValue(p: ParsedYaml): unknown {
  const v = plainValue(p.doc.contents);
  return v !== NOT_PLAIN ? v : p.doc.toJS();
}
