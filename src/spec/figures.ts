/** Schema of figures.yaml at the top level; figure entries themselves are read by bind/parseFigures.ts. */
import { z } from 'zod';

/** Derivation keys and their arity (undefined = any number ≥ 1). */
export const DERIVATIONS = { sum: undefined, difference: 2, ratio: 2, change: 2 } as const;
/** A derivation key: sum, difference, ratio or change. */
export type DerivationKind = keyof typeof DERIVATIONS;

/** Keys allowed on a figure map besides its value / date / derivation key. */
export const FIGURE_META_KEYS = ['label', 'unit', 'format'] as const;

/** One dataset: rows built from a group, several groups, or explicit rows. */
export const DatasetSchema = z.strictObject({
  from: z.union([z.string(), z.array(z.strictObject({ group: z.string(), label: z.string() })).min(1)]).optional(),
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
});

/** One check: an (in)equation over figures that must hold. */
export const CheckSchema = z.strictObject({
  expect: z.string(),
  message: z.string().optional(),
  /** Absolute tolerance: sides this close count as equal (published numbers are rounded). */
  within: z.number().nonnegative().optional(),
});

/** figures.yaml. */
export const FiguresFileSchema = z.strictObject({
  figures: z.record(z.string(), z.unknown()),
  datasets: z.record(z.string(), DatasetSchema).default({}),
  checks: z.array(CheckSchema).default([]),
});
/** figures.yaml after outline validation (figure entries still raw). */
export type FiguresFile = z.infer<typeof FiguresFileSchema>;
