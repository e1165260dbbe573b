/** Schema of templates/<name>/template.yaml; load/loadTheme.ts resolves it into a ResolvedTheme (spec/theme.ts). */
import { z } from 'zod';

const pt = z.number().nonnegative();
/** A hex colour "#rrggbb" or the name of an entry in `colors`. */
const color = z.string();
const insets = z.strictObject({ top: pt, right: pt, bottom: pt, left: pt });

/** One paragraph style; optional fields default in loadTheme (tracking 0, uppercase false, spaces 0). */
export const TextStyleSchema = z.strictObject({
  font: z.string(),
  italic: z.string().optional(),
  bold: z.string().optional(),
  size: z.number().positive(),
  leading: z.number().positive(),
  align: z.enum(['justify', 'left', 'right', 'center']),
  hyphenate: z.boolean(),
  color,
  features: z.array(z.string()).optional(),
  tracking: z.number().optional(),
  uppercase: z.boolean().optional(),
  /** Ragged lines of even length, never a lone word on the last line when that is avoidable; default: on for title, heading, boxTitle and caption. */
  balance: z.boolean().optional(),
  spaceBefore: pt.optional(),
  spaceAfter: pt.optional(),
});

/** Decoration of a box-like block. */
export const BoxSchema = z.strictObject({
  fill: color.optional(),
  stroke: color.optional(),
  strokeWidth: pt.optional(),
  barColor: color.optional(),
  barWidth: pt.optional(),
  padding: insets.optional(),
  spaceBefore: pt.optional(),
  spaceAfter: pt.optional(),
});

/**
 * A length on the page: points, or an expression of + - * over numbers, percentages (of the page width for x and
 * widths, of the page height for y and heights) and names: page.width, page.height, text.left, text.right,
 * text.top, text.bottom, text.width, text.height, inner, outer (x of the text area's binding and outer edges),
 * grid (the body leading), and <id>.top / <id>.bottom / <id>.baseline of an earlier text element.
 * Checked by spec/pageLength.ts.
 */
const length = z.union([z.number(), z.string()]);
/** Which pages an element of `furniture` is on: even or odd pages only, and only some masters. */
const placement = {
  id: z.string().regex(/^[a-zA-Z]\w*$/, 'expected a name of letters and digits').optional(),
  side: z.enum(['even', 'odd']).optional(),
  on: z.array(z.enum(['contents', 'opener', 'body'])).optional(),
};
/** A declarative page element (cover, running heads, page decoration). */
export const PageElementSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rect'), ...placement, x: length, y: length, width: length, height: length, fill: color.optional(), stroke: color.optional(), strokeWidth: pt.optional() }),
  z.strictObject({ type: z.literal('rule'), ...placement, x1: length, y1: length, x2: length, y2: length, color, width: pt }),
  /** An SVG or PNG file in the template's folder. */
  z.strictObject({ type: z.literal('image'), ...placement, src: z.string(), x: length, y: length, width: length, height: length }),
  /**
   * Text in a paragraph style, from a pattern with slots ({title}, {subtitle}, {organisation}, {author}, {date},
   * {year}, {sectionTitle}, {page}, {word:contents}); `y` is the top of the first line, or `baseline` its baseline.
   * An element whose slots are all empty is left out (its id then ends where it starts).
   */
  z.strictObject({
    type: z.literal('text'),
    ...placement,
    text: z.string(),
    style: z.string(),
    x: length,
    y: length.optional(),
    baseline: length.optional(),
    width: length.optional(),
    align: z.enum(['left', 'right', 'center', 'inner', 'outer']).optional(),
    color: color.optional(),
  }),
]);
export type PageElementFile = z.infer<typeof PageElementSchema>;

/** Words per language (`nl`, `en-GB` …): any built-in word of src/locale can be replaced. */
const words = z.record(z.string(), z.record(z.string(), z.string()));

/** template.yaml, field by field (see templates/rijksoverheid/template.yaml for a commented example). */
export const TemplateFileSchema = z.strictObject({
  name: z.string(),
  /** A template this one changes: its bundled name or a folder path in the content folder; removed before validation. */
  extends: z.string().optional(),
  page: z.strictObject({
    width: z.number().positive(),
    height: z.number().positive(),
    margin: z.strictObject({ top: pt, bottom: pt, inner: pt, outer: pt }),
    columns: z.union([z.literal(1), z.literal(2)]),
    /** Body columns per section kind (foreword, article, appendix, colophon); others use `columns`. */
    sectionColumns: z.partialRecord(z.enum(['foreword', 'article', 'appendix', 'colophon']), z.union([z.literal(1), z.literal(2)])).optional(),
    gutter: pt,
    footnoteGap: pt,
  }),
  fonts: z.record(z.string(), z.string()),
  /**
   * Faces that draw the characters a face lacks, tried in order, per font key or for every face (`default`); after
   * them every other face of `fonts` is tried. A character no face has stops the build (never a .notdef box).
   */
  fallback: z.record(z.string(), z.array(z.string())).optional(),
  colors: z.record(z.string(), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a hex colour "#rrggbb"')),
  /**
   * The print variant's DeviceCMYK value (C, M, Y, K in percent) of each colour, keyed by a name in `colors` or a
   * hex colour used elsewhere (the chart theme). `build --print` needs one for every colour the template uses.
   */
  cmyk: z.record(z.string(), z.tuple([z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100)])).optional(),
  text: z.record(z.string(), TextStyleSchema),
  /** Per section kind, changes to named text styles (e.g. a foreword set larger); the body leading sets that kind's grid. */
  sectionText: z.partialRecord(z.enum(['foreword', 'article', 'appendix', 'colophon']), z.record(z.string(), TextStyleSchema.partial())).optional(),
  boxes: z.record(z.string(), BoxSchema),
  table: z.strictObject({
    headerFill: color,
    rule: color,
    rowPadding: pt,
    /** Indent per level of a sub-row (`indent: 1`); default one em of the tableCell size. */
    indent: pt.optional(),
    /** Tables with at most this many rows are never split between columns (default 8). */
    keepWhole: z.number().int().nonnegative().optional(),
  }),
  /** maxWordSpace: justified lines with wider word spaces (× the normal space) are warnings (default 2.5). */
  paragraph: z.strictObject({ spaceAfter: pt, indent: pt, maxWordSpace: z.number().min(1).optional() }),
  /** Bookmarks: depth 1 = sections only, 2 = sections and their headings (default 1). */
  outline: z.strictObject({ depth: z.number().int().min(1).max(2) }).optional(),
  words: words.optional(),
  /** The cover page: its elements in drawing order. */
  cover: z.array(PageElementSchema),
  /** Elements of every numbered page (running heads, folios, decoration), drawn behind the text. */
  furniture: z.array(PageElementSchema),
  /** Section openers: gaps between kicker, title and lead; the rule under an article's opener. */
  opener: z
    .strictObject({
      kickerGap: pt,
      titleGap: pt,
      rule: z.strictObject({ color, width: pt, gap: pt, kinds: z.array(z.enum(['foreword', 'article', 'appendix', 'colophon'])) }).optional(),
    })
    .optional(),
  /** The contents page: room for the page numbers, space between entries (in entry leadings), leader dots. */
  contents: z.strictObject({ numberColumn: pt, entryGap: z.number().nonnegative(), labelGap: pt, leaders: z.boolean() }).optional(),
  chart: z.strictObject({
    font: z.string(),
    fontKeys: z.strictObject({ normal: z.string(), bold: z.string(), semibold: z.string(), italic: z.string() }),
    fontSize: z.number().positive(),
    titleFontSize: z.number().positive(),
    labelColor: color,
    gridColor: color,
    domainColor: color,
    palette: z.array(color).min(1),
    aspect: z.number().positive(),
  }),
});
/** template.yaml after validation, before colour names are resolved. */
export type TemplateFile = z.infer<typeof TemplateFileSchema>;
