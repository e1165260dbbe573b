/**
 * Every key an editor can type has documentation in the JSON Schema (shown on hover and in completion lists).
 * The oracle is the generated schema itself, walked independently of how the zod schemas are written: every
 * property of every object, in every branch of every union, must carry a non-empty description. Charts use
 * Vega-Lite's own schema and its own descriptions, so they are not walked here.
 */
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/jsonSchemas.ts';

type Node = Record<string, unknown>;

/** Paths (report.limits.pages, section.blocks[].table.rows[]…) of properties without a description. */
function undocumented(root: Node, name: string): string[] {
  const missing: string[] = [];
  const defs = (root.definitions ?? root.$defs ?? {}) as Record<string, Node>;
  const seen = new Set<Node>();
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object' || seen.has(node as Node)) return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
    const n = node as Node;
    seen.add(n);
    if (typeof n.$ref === 'string') walk(defs[n.$ref.split('/').pop()!], path);
    for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
      const target = typeof value.$ref === 'string' ? defs[value.$ref.split('/').pop()!] : undefined;
      if (!String(value.description ?? target?.description ?? '').trim()) missing.push(`${path}.${key}`);
      walk(value, `${path}.${key}`);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) walk(n[key], path);
    walk(n.items, `${path}[]`);
    if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}.*`);
  };
  walk(root, name);
  return missing;
}

describe('every key of the editor schemas is documented', () => {
  const schemas = jsonSchemas();
  it.each(['report', 'section', 'figures', 'template'] as const)('%s', (kind) => {
    expect(undocumented(schemas[kind], kind)).toEqual([]);
  });

  it('the walker finds an undocumented key (it can fail)', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', description: 'A.' }, b: { type: 'object', properties: { c: { type: 'number' } } } } };
    expect(undocumented(schema, 'x')).toEqual(['x.b', 'x.b.c']);
  });
});
