/**
 * JSON Schemas for editors (yaml-language-server completion, hover docs, squiggles), generated from the zod schemas
 * the loader validates with (zod 4 `z.toJSONSchema`), never a hand-kept copy. A section's blocks are validated one
 * by one by the loader (BLOCK_SCHEMAS); here they become one list item "exactly one of the block types".
 * Charts are validated by Vega-Lite itself plus the chart sandbox, so their schema is Vega-Lite's own (from the
 * installed package, offline) with the sandbox's data rule on top. Checks the schema language cannot say (a colour
 * or font key that the template must declare, a figure that must exist) stay with `reportpress check`.
 */
import { createRequire } from 'node:module';
import { z } from '../spec/zod.ts';
import { ReportFileSchema } from '../spec/report.ts';
import { BLOCK_SCHEMAS, BLOCK_TYPES, SectionFileSchema } from '../spec/section.ts';
import { FiguresFileSchema } from '../spec/figures.ts';
import { TemplateFileSchema } from '../spec/template.ts';

/** The kinds of file an editor opens, and the schema file name of each. */
export const SCHEMA_FILES = {
  report: 'report.schema.json',
  section: 'section.schema.json',
  figures: 'figures.schema.json',
  chart: 'chart.schema.json',
  template: 'template.schema.json',
} as const;
/** One of report, section, figures, chart, template. */
export type SchemaKind = keyof typeof SCHEMA_FILES;

type JsonSchema = Record<string, unknown>;

const toJson = (s: z.ZodType, title: string, description: string): JsonSchema => ({
  ...z.toJSONSchema(s, { target: 'draft-7', io: 'input', unrepresentable: 'any' }),
  title,
  description,
});

/** The section file with its blocks: each list item is a map with exactly one key, its block type. */
function sectionWithBlocks(): z.ZodType {
  const one = BLOCK_TYPES.map((k) => z.strictObject({ [k]: BLOCK_SCHEMAS[k] }).describe(`a "${k}" block`));
  return SectionFileSchema.extend({ blocks: z.array(z.union(one)).default([]).describe(SectionFileSchema.shape.blocks.description ?? '') });
}

/** Vega-Lite's JSON Schema with the sandbox's rule: data only by name (no url, no inline values). */
function chartSchema(): JsonSchema {
  const vl = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as JsonSchema;
  const byNameOnly = { type: 'object', required: ['name'], properties: { name: { type: 'string', description: 'a dataset of figures.yaml' } }, not: { anyOf: [{ required: ['url'] }, { required: ['values'] }] } };
  return {
    ...vl,
    title: 'reportpress chart (Vega-Lite)',
    description: 'A Vega-Lite chart; data comes from figures.yaml datasets by name, never from files, URLs or inline values.',
    allOf: [{ $ref: vl.$ref }, { properties: { data: byNameOnly } }],
    $ref: undefined,
  };
}

/** Every schema by kind, as JSON-ready objects. */
export function jsonSchemas(): Record<SchemaKind, JsonSchema> {
  return {
    report: toJson(ReportFileSchema, 'reportpress report.yaml', 'Report metadata, template and the ordered section files.'),
    section: toJson(sectionWithBlocks(), 'reportpress section file', 'One section: kind, titles and its blocks in reading order.'),
    figures: toJson(FiguresFileSchema, 'reportpress figures.yaml', 'Every number of the report once: figures, datasets and checks.'),
    chart: chartSchema(),
    template: toJson(TemplateFileSchema, 'reportpress template.yaml', 'All of the look: page, fonts, colours, paragraph styles.'),
  };
}

/** The comment line that points yaml-language-server at a schema, e.g. for sections/x.yaml: `../schemas/…`. */
export function schemaLine(kind: SchemaKind, relSchemaDir: string): string {
  return `# yaml-language-server: $schema=${relSchemaDir.replace(/\\/g, '/').replace(/\/$/, '')}/${SCHEMA_FILES[kind]}`;
}
