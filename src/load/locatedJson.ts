/** Turns a YAML subtree into a LocatedJson: its plain value plus the span of every node, keyed by JSON pointer. */
import { isMap, isSeq, type Node } from 'yaml';
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
  walk(p, node, '', spans);
  const value = node ? (node as unknown as { toJS(doc: unknown): unknown }).toJS(p.doc) : null;
  return { value, file: p.file, spans };
}

function walk(p: ParsedYaml, node: unknown, pointer: string, spans: Map<string, SourceSpan>): void {
  if (!node || typeof node !== 'object') return;
  spans.set(pointer, spanOf(p, node as Node));
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyString(pair.key);
      if (key === undefined) continue;
      const ptr = `${pointer}/${pointerSegment(key)}`;
      if (pair.value) walk(p, pair.value, ptr, spans);
      else spans.set(ptr, spanOf(p, pair.key as Node));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(p, item, `${pointer}/${i}`, spans));
  }
}
