/** Schema of a section file and of each block type (see docs/content-format.md, "A section file"). */
import { z } from './zod.ts';
import { lazy, real } from './lazy.ts';

/** Block type keys as written by editors (`p` and `paragraph` are aliases). */
export const BLOCK_TYPES = [
  'p', 'paragraph', 'heading', 'quote', 'facts', 'key-figure', 'list', 'video', 'image', 'chart', 'table', 'signature',
] as const;
/** A block type key as written in YAML. */
export type BlockTypeKey = (typeof BLOCK_TYPES)[number];

/** The section file without its blocks (each block is validated by its own schema below). */
export const SectionFileSchema = lazy(() => z.strictObject({
  kind: z.enum(['foreword', 'article', 'appendix', 'colophon']).describe('Section kind: picks the page master and the text styles of the template.'),
  label: z.string().optional().describe('Small label above the title, e.g. "First article".'),
  title: z.string().describe('Section title, in the contents and the PDF outline.'),
  short: z.string().optional().describe('Short title for running heads.'),
  lang: z.string().optional().describe('BCP 47 language of the whole section when it differs from the report\'s (an English summary in a Dutch report): its text is hyphenated and quoted in it, its Sect gets /Lang.'),
  lead: z.string().optional().describe('Introduction set under the title.'),
  blocks: z.array(z.unknown()).default([]).describe('The content in reading order; each item is a map with one key, its block type.'),
  footnotes: z.record(z.string(), z.string()).default({}).describe('Footnote texts by id, referenced in text as [^id].'),
}));
/** A section file after validation (blocks still raw; see BLOCK_SCHEMAS). */
export type SectionFile = z.infer<typeof SectionFileSchema>;

const text = () => z.string();
/** `d` is the editor's description (hover text) of the key. */
const textD = (d: string) => z.string().describe(d);
/** An id that page references name: `{page:id}`, `{ref:id}` (letters, digits, - and _). */
const REF_ID = /^[\p{L}\p{N}_-]+$/u;
const REF_ID_MSG = 'letters, digits, - and _ only';
const refId = (what: string) => z.string().regex(REF_ID, REF_ID_MSG).optional().describe(`A name for {page:id} and {ref:id} references to this ${what}.`);
/**
 * A block's language when it differs from the report's (BCP 47, checked by the loader as LANG001 at its position):
 * the block is hyphenated, quoted and tagged (/Lang) in it. Inline passages use [text]{lang=en}.
 */
const lang = () => z.string().optional().describe('BCP 47 language of this block when it differs from the report\'s, e.g. "en": hyphenation, quotation marks and the PDF\'s /Lang follow it. A few words inside a text: [learning by doing]{lang=en}.');
/** Numbers in cells are allowed and read as text. */
const cell = () => z.union([z.string(), z.number()]);
const cellD = (d: string) => cell().describe(d);
const PARAGRAPH = 'A paragraph of body text: *emphasis*, **strong**, [link](https://…), {figure | format}, [^footnote], [words]{lang=en}.';

/** A table column: its head, alignment (numbers default to `decimal`) and width (pt, or "30%" of the table). */
const TableColumnSchema = lazy(() => z.strictObject({
  label: textD('The column\'s head.'),
  align: z.enum(['left', 'right', 'center', 'decimal']).optional().describe('Alignment of the cells; columns of numbers default to decimal (aligned on the decimal sign).'),
  width: z
    .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?%$/, 'expected a width in pt or a percentage such as "30%"')])
    .optional()
    .describe('Width in pt or as a percentage of the table ("30%"); columns without one share the rest by their content.'),
}));

/** Indent levels a sub-row may take (deeper nesting does not read in a 2-column report). */
const MAX_TABLE_INDENT = 3;

/**
 * A table row: a list of cells; `{ cells, indent }` for an indented sub-row; `{ group: text }` for a group row
 * spanning all columns; `{ total: [cells] }` for a totals row.
 */
const TableRowSchema = lazy(() => z.union([
  z.array(cell()),
  z.strictObject({
    cells: z.array(cell()).describe('The row\'s cells, one per column.'),
    indent: z.number().int().min(0).max(MAX_TABLE_INDENT).default(0).describe('Indent level of a sub-row (1–3).'),
  }),
  z.strictObject({ group: textD('A group row: its text spans all columns, bold, with a rule.') }),
  z.strictObject({ total: z.array(cell()).describe('A totals row: its cells, one per column, bold under a rule.') }),
]));

/** Value schema per block type key (each described for the editor, with its keys). */
export const BLOCK_SCHEMAS = lazy(() => ({
  p: z.union([text(), z.strictObject({ text: textD(PARAGRAPH), lang: lang() })]).describe(PARAGRAPH),
  paragraph: z.union([text(), z.strictObject({ text: textD(PARAGRAPH), lang: lang() })]).describe(`Same as p. ${PARAGRAPH}`),
  heading: z
    .union([text(), z.strictObject({ text: textD('The heading\'s text.'), id: refId('heading'), lang: lang() })])
    .describe('A heading inside the section (in the contents of the PDF\'s outline when the template\'s outline.depth is 2).'),
  quote: z
    .union([text(), z.strictObject({ text: textD('What was said.'), by: textD('Who said it, set under the quote.').optional(), lang: lang() })])
    .describe('A pull quote, set apart from the text.'),
  facts: z
    .strictObject({
      title: textD('The box\'s title.'),
      items: z
        .array(z.strictObject({ label: textD('What the number is.'), value: cellD('The number, usually a figure: "{asylum.first}".') }))
        .min(1)
        .describe('Label and value pairs.'),
      lang: lang(),
    })
    .describe('A fact box: a titled list of labelled numbers.'),
  'key-figure': z
    .strictObject({ value: cellD('The number, set large: "{family.applications}".'), text: textD('What the number counts, set beside it.'), lang: lang() })
    .describe('One number set large with a short text.'),
  list: z
    .union([
      z.array(text()),
      z.strictObject({
        title: textD('A line above the list.').optional(),
        ordered: z.boolean().default(false).describe('Numbered (true) or bulleted (false).'),
        items: z.array(text()).min(1).describe('The items.'),
        lang: lang(),
      }),
    ])
    .describe('A bulleted or numbered list: a list of items, or a map with title, ordered and items.'),
  video: z
    .strictObject({
      title: textD('What the video shows; set as a link with the URL printed under it and a QR code beside it.'),
      url: z.string().regex(/^https?:\/\//, 'expected an http(s) url').describe('The video\'s address, http(s).'),
    })
    .describe('A reference to a video or other online source, usable on screen and on paper.'),
  image: z
    .strictObject({
      src: textD('An SVG, PNG or JPEG file relative to the content folder; SVG is drawn as vectors.'),
      alt: textD('What the image shows, for readers who cannot see it (the PDF\'s alternate text); required unless decorative.').optional(),
      decorative: z.boolean().optional().describe('true: the image only decorates and says nothing; it is left out of what screen readers read (no alt).'),
      caption: textD('A caption set under the image.').optional(),
      id: refId('image'),
    })
    .describe('An illustration or photo.'),
  chart: z
    .strictObject({
      spec: z.union([z.string(), z.record(z.string(), z.unknown())]).describe('A Vega-Lite chart file relative to the content folder (charts/x.vl.yaml), or the spec itself.'),
      caption: textD('A caption set under the chart.').optional(),
      alt: textD('The chart\'s alternate text; generated from its data when absent.').optional(),
      size: z.enum(['column', 'full']).default('column').describe('One column wide, or the full text width.'),
      id: refId('chart'),
    })
    .describe('A Vega-Lite chart fed by figures.yaml datasets, drawn as vectors in the report\'s fonts.'),
  table: z
    .strictObject({
      title: textD('A title above the table.').optional(),
      columns: z.array(z.union([text(), real(TableColumnSchema)])).min(1).describe('The columns: a head each, or { label, align, width }.'),
      rows: z
        .array(real(TableRowSchema))
        .describe('The rows: a list of cells each, or { cells, indent } for a sub-row, { group } for a group row, { total } for a totals row.'),
      source: textD('Where the numbers come from, set under the table ("Source: …" from the template\'s words).').optional(),
      note: textD('A note set under the table.').optional(),
      id: refId('table'),
      lang: lang(),
    })
    .describe('A table of numbers or text.'),
  signature: z
    .strictObject({ name: textD('Who signs.'), role: textD('Their role, under the name.').optional() })
    .describe('A signature under a letter or foreword.'),
} satisfies Record<BlockTypeKey, z.ZodType>));
