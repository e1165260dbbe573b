/**
 * The input limits' defaults and names as plain data, without the zod schema of limits.ts: the diagnostics
 * catalogue, the watchdog and the chart worker read them without loading zod (≈ 30 ms of a process start).
 * limits.ts builds report.yaml's `limits:` schema from these numbers.
 */

/** The limits a build runs with (limits.ts checks that its schema gives exactly this shape). */
export interface Limits {
  readonly fileBytes: number;
  readonly imageBytes: number;
  readonly imagePixels: number;
  readonly yamlAliases: number;
  readonly yamlNodes: number;
  readonly yamlDepth: number;
  readonly textChars: number;
  readonly tableRows: number;
  readonly tableColumns: number;
  readonly datasetRows: number;
  readonly chartValues: number;
  readonly pages: number;
  readonly seconds: number;
}

/** Every limit at its default. */
export const DEFAULT_LIMITS: Limits = {
  fileBytes: 1_000_000,
  imageBytes: 30_000_000,
  imagePixels: 40_000_000,
  yamlAliases: 100,
  yamlNodes: 500_000,
  yamlDepth: 64,
  textChars: 50_000,
  tableRows: 2_000,
  tableColumns: 16,
  datasetRows: 10_000,
  chartValues: 10_000,
  pages: 2_000,
  seconds: 600,
};

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

