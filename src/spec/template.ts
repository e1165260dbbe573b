/** Schema of templates/<name>/template.yaml; load/loadTheme.ts resolves it into a ResolvedTheme (spec/theme.ts). */
import { z } from './zod.ts';
import { lazy, real } from './lazy.ts';

const pt = () => z.number().nonnegative();
/** A hex colour "#rrggbb" or the name of an entry in `colors`. */
const color = () => z.string();
/** `d` is the editor's description (hover text) of the key. */
const ptD = (d: string) => pt().describe(`${d} (pt)`);
const colorD = (d: string) => color().describe(`${d}: a name in colors or "#rrggbb"`);
const insets = () => z.strictObject({ top: ptD('Top'), right: ptD('Right'), bottom: ptD('Bottom'), left: ptD('Left') });

/** One paragraph style; optional fields default in loadTheme (tracking 0, uppercase false, spaces 0). */
export const TextStyleSchema = lazy(() => z.strictObject({
  font: z.string().describe('Font key (in fonts) of the regular face.'),
  italic: z.string().optional().describe('Font key of the face for *emphasis*.'),
  bold: z.string().optional().describe('Font key of the face for **strong** text.'),
  size: z.number().positive().describe('Type size (pt).'),
  leading: z.number().positive().describe('Baseline to baseline distance (pt); the body style\'s leading is the baseline grid.'),
  align: z.enum(['justify', 'left', 'right', 'center']).describe('Alignment; justify uses Knuth–Plass line breaking.'),
  hyphenate: z.boolean().describe('Hyphenate with the patterns of the text\'s language.'),
  color: colorD('Text colour'),
  features: z.array(z.string()).optional().describe('OpenType features to switch on, e.g. ["onum", "smcp"].'),
  tracking: z.number().optional().describe('Letter spacing in thousandths of an em (default 0).'),
  uppercase: z.boolean().optional().describe('Set in capitals (in the text\'s language).'),
  balance: z.boolean().optional().describe('Break ragged multi-line text into lines of even length, so the last is not a lone word (default: on for title, heading, boxTitle, caption and quote).'),
  spaceBefore: ptD('Space above the block').optional(),
  spaceAfter: ptD('Space below the block').optional(),
}));

/** Decoration of a box-like block. */
export const BoxSchema = lazy(() => z.strictObject({
  fill: colorD('Background').optional(),
  stroke: colorD('Outline colour').optional(),
  strokeWidth: ptD('Outline width').optional(),
  barColor: colorD('Colour of the bar on the leading edge').optional(),
  barWidth: ptD('Width of the bar on the leading edge').optional(),
  padding: insets().optional().describe('Space between the box edge and its text.'),
  spaceBefore: ptD('Space above the box').optional(),
  spaceAfter: ptD('Space below the box').optional(),
}));

/**
 * A length on the page: points, or an expression of + - * over numbers, percentages (of the page width for x and
 * widths, of the page height for y and heights) and names: page.width, page.height, text.left, text.right,
 * text.top, text.bottom, text.width, text.height, inner, outer (x of the text area's binding and outer edges),
 * grid (the body leading), and <id>.top / <id>.bottom / <id>.baseline of an earlier text element.
 * Checked by spec/pageLength.ts.
 */
const length = () => z.union([z.number(), z.string()]);
const lengthD = (d: string) => length().describe(`${d}: pt or an expression such as "text.left + 12" or "50%"`);
/** Which pages an element of `furniture` is on: even or odd pages only, and only some masters. */
const placement = () => ({
  id: z.string().regex(/^[a-zA-Z]\w*$/, 'expected a name of letters and digits').optional().describe('A name later elements use in expressions (<id>.top, <id>.bottom, <id>.baseline).'),
  side: z.enum(['even', 'odd']).optional().describe('Only on even (left) or odd (right) pages.'),
  on: z.array(z.enum(['contents', 'opener', 'body'])).optional().describe('Only on these kinds of page (default: all numbered pages).'),
});
/** A declarative page element (cover, running heads, page decoration). */
export const PageElementSchema = lazy(() => z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('rect').describe('A filled and/or outlined rectangle (bands, planes, backgrounds).'),
    ...placement(),
    x: lengthD('Left edge'),
    y: lengthD('Top edge'),
    width: lengthD('Width'),
    height: lengthD('Height'),
    fill: colorD('Fill').optional(),
    stroke: colorD('Outline').optional(),
    strokeWidth: ptD('Outline width').optional(),
  }),
  z.strictObject({
    type: z.literal('rule').describe('A straight line.'),
    ...placement(),
    x1: lengthD('Start x'),
    y1: lengthD('Start y'),
    x2: lengthD('End x'),
    y2: lengthD('End y'),
    color: colorD('Line colour'),
    width: ptD('Line width'),
  }),
  z.strictObject({
    type: z.literal('image').describe('An SVG or PNG file in the template\'s folder (drawn as vectors when SVG).'),
    ...placement(),
    src: z.string().describe('File name relative to the template\'s folder.'),
    x: lengthD('Left edge'),
    y: lengthD('Top edge'),
    width: lengthD('Width'),
    height: lengthD('Height'),
  }),
  /**
   * Text in a paragraph style, from a pattern with slots ({title}, {subtitle}, {organisation}, {author}, {date},
   * {year}, {sectionTitle}, {page}, {word:contents}); `y` is the top of the first line, or `baseline` its baseline.
   * An element whose slots are all empty is left out (its id then ends where it starts).
   */
  z.strictObject({
    type: z.literal('text').describe('Text from a pattern with slots, in a paragraph style.'),
    ...placement(),
    text: z.string().describe('The pattern: {title}, {subtitle}, {organisation}, {author}, {date}, {year}, {sectionTitle}, {page}, {word:contents}.'),
    style: z.string().describe('A paragraph style of text.'),
    x: lengthD('Left edge'),
    y: lengthD('Top of the first line').optional(),
    baseline: lengthD('Baseline of the first line (instead of y)').optional(),
    width: lengthD('Measure (default: to the text area\'s edge)').optional(),
    align: z.enum(['left', 'right', 'center', 'inner', 'outer']).optional().describe('Alignment; inner and outer follow the binding side.'),
    color: colorD('Text colour (default: the style\'s)').optional(),
  }),
]));
export type PageElementFile = z.infer<typeof PageElementSchema>;

/** Words per language (`nl`, `en-GB` …): any built-in word of src/locale can be replaced. */
const words = () => z.record(z.string(), z.record(z.string(), z.string()));

/** Parts of a section opener, in the default order (top to bottom). */
export const OPENER_PARTS = ['kicker', 'title', 'lead', 'rule'] as const;
/** Lines of a contents entry, in the default order. */
export const CONTENTS_PARTS = ['label', 'title'] as const;

/** An order of some of `parts`, each at most once, `required` among them. */
function partOrder<T extends string>(parts: readonly [T, ...T[]], required: T) {
  return z
    .array(z.enum(parts))
    .refine((a) => new Set(a).size === a.length, { message: 'each part at most once' })
    .refine((a) => a.includes(required), { message: `the order must include ${required}` });
}

/** template.yaml, field by field (see templates/rijksoverheid/template.yaml for a commented example). */
export const TemplateFileSchema = lazy(() => z.strictObject({
  name: z.string().describe('The template\'s name, shown in messages.'),
  extends: z.string().optional().describe('A template this one changes: a bundled name or a folder path in the content folder; the rest of this file is deep-merged over it.'),
  page: z
    .strictObject({
      width: z.number().positive().describe('Page (trim) width (pt); A4 is 595.28.'),
      height: z.number().positive().describe('Page (trim) height (pt); A4 is 841.89.'),
      margin: z
        .strictObject({ top: ptD('Top margin'), bottom: ptD('Bottom margin'), inner: ptD('Margin at the binding'), outer: ptD('Margin at the outer edge') })
        .describe('Margins around the text area.'),
      columns: z.union([z.literal(1), z.literal(2)]).describe('Body columns.'),
      sectionColumns: z
        .partialRecord(z.enum(['foreword', 'article', 'appendix', 'colophon']), z.union([z.literal(1), z.literal(2)]))
        .optional()
        .describe('Body columns per section kind; a kind not listed uses columns.'),
      gutter: ptD('Space between columns'),
      footnoteGap: ptD('Space between the text and the footnote rule'),
    })
    .describe('The page and its text area.'),
  fonts: z.record(z.string(), z.string()).describe('Font keys and their files (in the tool\'s fonts/ folder).'),
  fallback: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe(
      'Faces that draw the characters a face lacks, tried in order, per font key or for every face (default); after them every other face of fonts is tried. A character no face has stops the build (never a .notdef box).',
    ),
  colors: z.record(z.string(), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a hex colour "#rrggbb"')).describe('Named colours ("#rrggbb"), used by name everywhere else.'),
  cmyk: z
    .record(z.string(), z.tuple([z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100)]))
    .optional()
    .describe(
      'The print variant\'s DeviceCMYK value [C, M, Y, K] in percent of each colour, keyed by a name in colors or a hex colour used elsewhere (the chart theme); build --print needs one for every colour the template uses.',
    ),
  text: z.record(z.string(), real(TextStyleSchema)).describe('Paragraph styles by name (body, h1, h2, caption, tableCell …).'),
  sectionText: z
    .partialRecord(z.enum(['foreword', 'article', 'appendix', 'colophon']), z.record(z.string(), real(TextStyleSchema).partial()))
    .optional()
    .describe('Per section kind, changes to named text styles (e.g. a foreword set larger); the body leading sets that kind\'s grid.'),
  boxes: z.record(z.string(), real(BoxSchema)).describe('Decoration of box-like blocks by name (facts, quote, keyFigure …).'),
  table: z
    .strictObject({
      headerFill: colorD('Background of the header row'),
      rule: colorD('Colour of the rules between rows'),
      rowPadding: ptD('Space above and below each row\'s text'),
      indent: ptD('Indent per level of a sub-row (indent: 1); default one em of the tableCell size').optional(),
      keepWhole: z.number().int().nonnegative().optional().describe('Tables with at most this many rows are never split between columns (default 8).'),
      minSize: ptD('Smallest type size a table too wide for its column may be set in before its longest words are broken (default: the tableCell size)').optional(),
    })
    .describe('Tables.'),
  paragraph: z
    .strictObject({
      spaceAfter: ptD('Space between paragraphs'),
      indent: ptD('First-line indent of a paragraph that follows a paragraph'),
      maxWordSpace: z.number().min(1).optional().describe('Justified lines with wider word spaces (× the normal space) are warnings (default 2.5).'),
    })
    .describe('Body paragraphs.'),
  outline: z
    .strictObject({ depth: z.number().int().min(1).max(2).describe('1 = sections only, 2 = sections and their headings (default 1).') })
    .optional()
    .describe('Bookmarks.'),
  words: words().optional().describe('Words per language ({ en: { contents: Contents }, de: { contents: Inhalt } }); any built-in word can be replaced.'),
  cover: z.array(real(PageElementSchema)).describe('The cover page: its elements in drawing order.'),
  furniture: z.array(real(PageElementSchema)).describe('Elements of every numbered page (running heads, folios, decoration), drawn behind the text.'),
  opener: z
    .strictObject({
      order: partOrder(OPENER_PARTS, 'title')
        .optional()
        .describe('The opener\'s parts top to bottom (default [kicker, title, lead, rule]); leave one out to drop it. kicker is the section\'s label; the rule is drawn only for the kinds its rule names.'),
      kickerGap: ptD('Space under the label (before the next part)'),
      titleGap: ptD('Space under the title when a lead or label follows it'),
      rule: z
        .strictObject({
          color: colorD('Rule colour'),
          width: ptD('Rule width'),
          gap: ptD('Space between the opener and the rule'),
          kinds: z.array(z.enum(['foreword', 'article', 'appendix', 'colophon'])).describe('Section kinds whose opener has the rule.'),
        })
        .optional()
        .describe('A rule under the opener.'),
    })
    .optional()
    .describe('Section openers: label, title and lead.'),
  contents: z
    .strictObject({
      numberColumn: ptD('Room for the page numbers'),
      entryGap: z.number().nonnegative().describe('Space between entries, in entry leadings.'),
      labelGap: ptD('Space between an entry\'s label and its title'),
      leaders: z.boolean().describe('Dot leaders between title and page number.'),
      entry: partOrder(CONTENTS_PARTS, 'title')
        .optional()
        .describe('An entry\'s lines top to bottom (default [label, title]: the small label above the title); the page number stands at the right of the title\'s last line.'),
    })
    .optional()
    .describe('The contents page.'),
  chart: z
    .strictObject({
      font: z.string().describe('Font family name charts use (its faces are in fontKeys).'),
      fontKeys: z
        .strictObject({
          normal: z.string().describe('Font key of the regular face.'),
          bold: z.string().describe('Font key of the bold face.'),
          semibold: z.string().describe('Font key of the semibold face.'),
          italic: z.string().describe('Font key of the italic face.'),
        })
        .describe('Font keys (in fonts) of the chart faces.'),
      fontSize: z.number().positive().describe('Label size (pt).'),
      titleFontSize: z.number().positive().describe('Title size (pt).'),
      labelColor: colorD('Axis and legend labels'),
      gridColor: colorD('Grid lines'),
      domainColor: colorD('Axis lines'),
      palette: z.array(color()).min(1).describe('Series colours in order: names in colors or "#rrggbb".'),
      aspect: z.number().positive().describe('Height ÷ width of a chart without its own height.'),
    })
    .describe('The chart theme (Vega-Lite config).'),
}));
/** template.yaml after validation, before colour names are resolved. */
export type TemplateFile = z.infer<typeof TemplateFileSchema>;
