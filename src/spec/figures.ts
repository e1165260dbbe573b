/** Schema of figures.yaml at the top level; figure entries themselves are read by bind/parseFigures.ts. */
import { z } from './zod.ts';
import { lazy, real } from './lazy.ts';

/** Derivation keys and their arity (undefined = any number ≥ 1). */
export const DERIVATIONS = { sum: undefined, difference: 2, ratio: 2, change: 2 } as const;
/** A derivation key: sum, difference, ratio or change. */
export type DerivationKind = keyof typeof DERIVATIONS;

/** Keys allowed on a figure map besides its value / date / derivation key. */
export const FIGURE_META_KEYS = ['label', 'unit', 'format'] as const;

/** One dataset: rows built from a group, several groups, or explicit rows. */
export const DatasetSchema = lazy(() => z.strictObject({
  from: z
    .union([
      z.string(),
      z
        .array(
          z.strictObject({
            group: z.string().describe('A group of figures whose members become rows.'),
            label: z.string().describe('The value of the first column for this group\'s rows (a series name).'),
          }),
        )
        .min(1),
    ])
    .optional()
    .describe('A group of figures (one row per member: label, value) or several groups, each with a series label.'),
  columns: z.array(z.string()).min(1).describe('Column names, as charts\' encodings name fields.'),
  rows: z.array(z.array(z.union([z.string(), z.number()]))).optional().describe('Explicit rows, one value per column (instead of `from`).'),
}));

/** One check: an (in)equation over figures that must hold. */
export const CheckSchema = lazy(() => z.strictObject({
  expect: z.string().describe('An (in)equation over figure names that must hold, e.g. "asylum.decisions <= asylum.applications"; ≈ allows for rounding.'),
  message: z.string().optional().describe('What the build says when the check fails.'),
  within: z.number().nonnegative().optional().describe('Absolute tolerance: sides this close count as equal (published numbers are rounded).'),
}));

/** figures.yaml. */
export const FiguresFileSchema = lazy(() => z.strictObject({
  figures: z.record(z.string(), z.unknown()).describe('Every number of the report once, by name; a map of names is a group. Prose and charts refer to them as {name | format}.'),
  datasets: z.record(z.string(), real(DatasetSchema)).default({}).describe('Tables of rows for charts, by name (a chart\'s data: { name: … }).'),
  checks: z.array(real(CheckSchema)).default([]).describe('Consistency checks over the figures; a failing check stops the build.'),
}));
/** figures.yaml after outline validation (figure entries still raw). */
export type FiguresFile = z.infer<typeof FiguresFileSchema>;
