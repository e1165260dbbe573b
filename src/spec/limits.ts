/**
 * Input limits: every size, count and dimension that could make a build slow or exhaust memory is checked against
 * one of these *before* the input is decoded or expanded, and a build that meets one stops with an error naming
 * the limit and the setting (`limits.<name>` in report.yaml) that raises it. Nothing is ever cut silently.
 * Defaults are generous for an annual report (the bundled one uses under a tenth of each) and documented in the
 * README; report.yaml may raise or lower any of them.
 */
import { z } from './zod.ts';
import { lazy } from './lazy.ts';
import { DEFAULT_LIMITS, type Limits } from './limitDefaults.ts';

export { DEFAULT_LIMITS, LIMIT_WHAT, type Limits } from './limitDefaults.ts';

/**
 * Thousands grouped with commas, as toLocaleString('en') writes whole numbers, without ICU: the first Intl number
 * format of a process loads ICU's data (≈ 15–40 ms), and this module loads at every start.
 */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A positive whole-number limit with its default; the text is the editor's description of the setting. */
const count = (n: number, doc: string) => z.number().int().positive().default(n).describe(`${doc} Default ${grouped(n)}.`);

/** limits: in report.yaml, field by field (defaults shown). */
export const LimitsSchema = lazy(() => z.strictObject({
  fileBytes: count(DEFAULT_LIMITS.fileBytes, 'Bytes of one YAML file (report, section, figures, chart spec); parsing YAML takes about 1 s per 200 KB here.'),
  imageBytes: count(DEFAULT_LIMITS.imageBytes, 'Bytes of one image file.'),
  imagePixels: count(DEFAULT_LIMITS.imagePixels, 'Pixels of one raster image (width × height as its PNG or JPEG header declares).'),
  yamlAliases: count(DEFAULT_LIMITS.yamlAliases, 'Alias nodes (`*name`) in one YAML file.'),
  yamlNodes: count(DEFAULT_LIMITS.yamlNodes, 'Nodes of one YAML file once its aliases are expanded.'),
  yamlDepth: count(DEFAULT_LIMITS.yamlDepth, 'Nesting depth of one YAML file.'),
  textChars: count(DEFAULT_LIMITS.textChars, 'Characters of one text (a paragraph, a cell, a title) after figures are filled in.'),
  tableRows: count(DEFAULT_LIMITS.tableRows, 'Body rows of one table.'),
  tableColumns: count(DEFAULT_LIMITS.tableColumns, 'Columns of one table.'),
  datasetRows: count(DEFAULT_LIMITS.datasetRows, 'Rows of one dataset in figures.yaml.'),
  chartValues: count(DEFAULT_LIMITS.chartValues, 'Data values of one chart (its dataset rows plus inline values).'),
  pages: count(DEFAULT_LIMITS.pages, 'Pages of the whole document (the body of one section included).'),
  seconds: count(DEFAULT_LIMITS.seconds, 'Seconds a build may take before it is stopped.'),
}));

// The schema's output is exactly Limits (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.output<typeof LimitsSchema>, Limits> = true;
void sameShape;
