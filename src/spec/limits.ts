/**
 * Input limits: every size, count and dimension that could make a build slow or exhaust memory is checked against
 * one of these *before* the input is decoded or expanded, and a build that meets one stops with an error naming
 * the limit and the setting (`limits.<name>` in report.yaml) that raises it. Nothing is ever cut silently.
 * Defaults are generous for an annual report (the bundled one uses under a tenth of each) and documented in the
 * README; report.yaml may raise or lower any of them.
 */
import { z } from 'zod';

const count = (n: number) => z.number().int().positive().default(n);

/** limits: in report.yaml, field by field (defaults shown). */
export const LimitsSchema = z.strictObject({
  /** Bytes of one YAML file (report, section, figures, chart spec); parsing YAML takes about 1 s per 200 KB here. */
  fileBytes: count(1_000_000),
  /** Bytes of one image file. */
  imageBytes: count(30_000_000),
  /** Pixels of one raster image (width × height as its PNG or JPEG header declares). */
  imagePixels: count(40_000_000),
  /** Alias nodes (`*name`) in one YAML file. */
  yamlAliases: count(100),
  /** Nodes of one YAML file once its aliases are expanded. */
  yamlNodes: count(500_000),
  /** Nesting depth of one YAML file. */
  yamlDepth: count(64),
  /** Characters of one text (a paragraph, a cell, a title) after figures are filled in. */
  textChars: count(50_000),
  /** Body rows of one table. */
  tableRows: count(2_000),
  /** Columns of one table. */
  tableColumns: count(16),
  /** Rows of one dataset in figures.yaml. */
  datasetRows: count(10_000),
  /** Data values of one chart (its dataset rows plus inline values). */
  chartValues: count(10_000),
  /** Pages of the whole document (the body of one section included). */
  pages: count(2_000),
  /** Seconds a build may take before it is stopped. */
  seconds: count(600),
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

