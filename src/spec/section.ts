/** Schema of a section file and of each block type (see docs/content-format.md, "A section file"). */
import { z } from 'zod';

/** Block type keys as written by editors (`p` and `paragraph` are aliases). */
export const BLOCK_TYPES = [
  'p', 'paragraph', 'heading', 'quote', 'facts', 'key-figure', 'list', 'video', 'image', 'chart', 'table', 'signature',
] as const;
/** A block type key as written in YAML. */
export type BlockTypeKey = (typeof BLOCK_TYPES)[number];

/** The section file without its blocks (each block is validated by its own schema below). */
export const SectionFileSchema = z.strictObject({
  kind: z.enum(['foreword', 'article', 'appendix', 'colophon']).describe('Section kind: picks the page master and the text styles of the template.'),
  label: z.string().optional().describe('Small label above the title, e.g. "First article".'),
  title: z.string().describe('Section title, in the contents and the PDF outline.'),
  short: z.string().optional().describe('Short title for running heads.'),
  lead: z.string().optional().describe('Introduction set under the title.'),
  blocks: z.array(z.unknown()).default([]).describe('The content in reading order; each item is a map with one key, its block type.'),
  footnotes: z.record(z.string(), z.string()).default({}).describe('Footnote texts by id, referenced in text as [^id].'),
});
/** A section file after validation (blocks still raw; see BLOCK_SCHEMAS). */
export type SectionFile = z.infer<typeof SectionFileSchema>;

const text = z.string();
/** An id that page references name: `{page:id}`, `{ref:id}` (letters, digits, - and _). */
const REF_ID = /^[\p{L}\p{N}_-]+$/u;
const REF_ID_MSG = 'letters, digits, - and _ only';
/**
 * A block's language when it differs from the report's (BCP 47, checked by the loader as LANG001 at its position):
 * the block is hyphenated, quoted and tagged (/Lang) in it. Inline passages use [text]{lang=en}.
 */
const lang = z.string().optional().describe('BCP 47 language of this block when it differs from the report\'s, e.g. "en": hyphenation, quotation marks and the PDF\'s /Lang follow it. A few words inside a text: [learning by doing]{lang=en}.');
/** Numbers in cells are allowed and read as text. */
const cell = z.union([z.string(), z.number()]);

/** A table column: its head, alignment (numbers default to `decimal`) and width (pt, or "30%" of the table). */
const TableColumnSchema = z.strictObject({
  label: text,
  align: z.enum(['left', 'right', 'center', 'decimal']).optional(),
  width: z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?%$/, 'expected a width in pt or a percentage such as "30%"')]).optional(),
});

/** Indent levels a sub-row may take (deeper nesting does not read in a 2-column report). */
const MAX_TABLE_INDENT = 3;

/**
 * A table row: a list of cells; `{ cells, indent }` for an indented sub-row; `{ group: text }` for a group row
 * spanning all columns; `{ total: [cells] }` for a totals row.
 */
const TableRowSchema = z.union([
  z.array(cell),
  z.strictObject({ cells: z.array(cell), indent: z.number().int().min(0).max(MAX_TABLE_INDENT).default(0) }),
  z.strictObject({ group: text }),
  z.strictObject({ total: z.array(cell) }),
]);

/** Value schema per block type key. */
export const BLOCK_SCHEMAS = {
  p: z.union([text, z.strictObject({ text, lang })]),
  paragraph: z.union([text, z.strictObject({ text, lang })]),
  heading: z.union([text, z.strictObject({ text, id: z.string().regex(REF_ID, REF_ID_MSG).optional(), lang })]),
  quote: z.union([text, z.strictObject({ text, by: text.optional(), lang })]),
  facts: z.strictObject({ title: text, items: z.array(z.strictObject({ label: text, value: cell })).min(1), lang }),
  'key-figure': z.strictObject({ value: cell, text, lang }),
  list: z.union([
    z.array(text),
    z.strictObject({ title: text.optional(), ordered: z.boolean().default(false), items: z.array(text).min(1), lang }),
  ]),
  video: z.strictObject({ title: text, url: z.string().regex(/^https?:\/\//, 'expected an http(s) url') }),
  image: z.strictObject({ src: z.string(), alt: text, caption: text.optional(), id: z.string().regex(REF_ID, REF_ID_MSG).optional() }),
  chart: z.strictObject({
    spec: z.union([z.string(), z.record(z.string(), z.unknown())]),
    caption: text.optional(),
    alt: text.optional(),
    size: z.enum(['column', 'full']).default('column'),
    id: z.string().regex(REF_ID, REF_ID_MSG).optional(),
  }),
  table: z.strictObject({
    title: text.optional(),
    columns: z.array(z.union([text, TableColumnSchema])).min(1),
    rows: z.array(TableRowSchema),
    /** Where the numbers come from, set under the table ("Bron: …" from the template's words). */
    source: text.optional(),
    note: text.optional(),
    id: z.string().regex(REF_ID, REF_ID_MSG).optional(),
    lang,
  }),
  signature: z.strictObject({ name: text, role: text.optional() }),
} satisfies Record<BlockTypeKey, z.ZodType>;
