/**
 * Input limits: every size, count and dimension that could make a build slow or exhaust memory is checked against
 * one of these *before* the input is decoded or expanded, and a build that meets one stops with an error naming
 * the limit and the setting (`limits.<name>` in report.yaml) that raises it. Nothing is ever cut silently.
 * Defaults are generous for an annual report (the bundled one uses under a tenth of each) and documented in the
 * README; report.yaml may raise or lower any of them.
 */
import { z } from 'zod';

/** A positive whole-number limit with its default; the text is the editor's description of the setting. */
const count = (n: number, doc: string) => z.number().int().positive().default(n).describe(`${doc} Default ${n.toLocaleString('en')}.`);

/** limits: in report.yaml, field by field (defaults shown). */
export const LimitsSchema = z.strictObject({
  fileBytes: count(1_000_000, 'Bytes of one YAML file (report, section, figures, chart spec); parsing YAML takes about 1 s per 200 KB here.'),
  imageBytes: count(30_000_000, 'Bytes of one image file.'),
  imagePixels: count(40_000_000, 'Pixels of one raster image (width × height as its PNG or JPEG header declares).'),
  yamlAliases: count(100, 'Alias nodes (`*name`) in one YAML file.'),
  yamlNodes: count(500_000, 'Nodes of one YAML file once its aliases are expanded.'),
  yamlDepth: count(64, 'Nesting depth of one YAML file.'),
  textChars: count(50_000, 'Characters of one text (a paragraph, a cell, a title) after figures are filled in.'),
  tableRows: count(2_000, 'Body rows of one table.'),
  tableColumns: count(16, 'Columns of one table.'),
  datasetRows: count(10_000, 'Rows of one dataset in figures.yaml.'),
  chartValues: count(10_000, 'Data values of one chart (its dataset rows plus inline values).'),
  pages: count(2_000, 'Pages of the whole document (the body of one section included).'),
  seconds: count(600, 'Seconds a build may take before it is stopped.'),
});

/** The limits a build runs with. */
export type Limits = z.output<typeof LimitsSchema>;

/** Every limit at its default. */
export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});

/** What each limit counts, for messages ("table rows"). */
export const LIMIT_WHAT: Record<keyof Limits, string> = {
  fileBytes: 'bytes in one content file',
  imageBytes: 'bytes in one image file',
  imagePixels: 'pixels in one image',
  yamlAliases: 'YAML aliases in one file',
  yamlNodes: 'YAML nodes in one file after expanding aliases',
  yamlDepth: 'levels of YAML nesting',
  textChars: 'characters in one text',
  tableRows: 'rows in one table',
  tableColumns: 'columns in one table',
  datasetRows: 'rows in one dataset',
  chartValues: 'data values in one chart',
  pages: 'pages',
  seconds: 'seconds of build time',
};

