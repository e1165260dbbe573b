/** Schema of report.yaml: metadata and the ordered list of section files (see docs/content-format.md). */
import { z } from './zod.ts';
import { lazy } from './lazy.ts';
import { LimitsSchema } from './limits.ts';
import { isValidTag } from '../locale/index.ts';

/** A day, month or quarter as figures.yaml and report.yaml write dates. */
const FIGURE_DATE = /^\d{4}-(\d{2}(-\d{2})?|Q[1-4])$/;

/**
 * A word with its hyphens (letters, apostrophes, hyphens). Made from a string: the compile step writes the bundle in
 * ASCII, escaping the apostrophe (U+2019) of a regular expression literal, which would change the pattern's text in
 * the editor's JSON Schema; a string's escape leaves the pattern as written.
 */
const HYPHENATED_WORD = new RegExp("^[\\p{L}’'-]+$", 'u');

/** ISO calendar date yyyy-mm-dd (YAML 1.2 core schema keeps it a string). */
export const IsoDate = lazy(() => z
  .string()
  .refine(isRealDate, { message: 'invalid date', params: { diag: 'date' } })
  // For the editor's JSON Schema only (a refinement has no JSON Schema form); the refinement stays the check.
  .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date yyyy-mm-dd' }));

/** True for "yyyy-mm-dd" naming a real calendar day (2021-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** report.yaml, field by field (the descriptions are shown by editors through the JSON Schema). */
export const ReportFileSchema = lazy(() => z.strictObject({
  title: z.string().describe('Report title, on the cover and in the PDF metadata.'),
  subtitle: z.string().optional().describe('Line under the title on the cover.'),
  organisation: z.string().describe('Publishing organisation, on the cover.'),
  author: z.string().describe('PDF Author.'),
  subject: z.string().describe('PDF Subject.'),
  keywords: z.array(z.string()).default([]).describe('PDF Keywords.'),
  language: z.string().refine(isValidTag, { message: 'expected a BCP 47 language tag, e.g. "nl-NL", "en-GB", "de"' }).default('nl-NL').describe('BCP 47 language tag: numbers, dates, hyphenation, quotation marks, the template\'s words and /Lang follow it.'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code, e.g. "EUR"').default('EUR').describe('ISO 4217 currency of the report\'s amounts (charts\' currency format).'),
  date: IsoDate.describe('Publication date, ISO.'),
  period: z
    .strictObject({
      start: z.string().regex(FIGURE_DATE, 'expected yyyy-mm-dd, yyyy-mm or yyyy-Qn').describe('First day, month (2022-06) or quarter (2022-Q2) the report covers.'),
      end: z.string().regex(FIGURE_DATE, 'expected yyyy-mm-dd, yyyy-mm or yyyy-Qn').describe('Last day, month or quarter the report covers.'),
    })
    .optional()
    .describe('The period the report covers; prose refers to it as {report.period.start} and {report.period.end}.'),
  numbering: z.array(z.enum(['figures', 'tables'])).default([]).describe('Number figures (charts and images: "Figure 3") and/or tables ("Table 2"); `{ref:id}` then names them.'),
  template: z.string().describe('A bundled template\'s name ("rijksoverheid") or a folder path relative to the content folder ("./huisstijl").'),
  words: z.record(z.string(), z.string()).optional().describe('Single template words replaced for this report: { contents: "Inhoudsopgave" }.'),
  figures: z.string().default('figures.yaml').describe('Figures file, relative to the content folder.'),
  sections: z.array(z.string()).min(1).describe('Section files in reading order, relative to the content folder.'),
  hyphenation: z
    .strictObject({
      exceptions: z
        .array(z.string().regex(HYPHENATED_WORD, { message: 'letters and hyphens only' }))
        .default([])
        .describe(
          'Each word written with a hyphen where it may break ("Neth-er-lands"); a word without hyphens is never broken; a trailing "-" makes a prefix rule ("co-ro-na-": the prefix\'s breaks, then the patterns for the rest of the word).',
        ),
      languages: z
        .record(
          z.string().refine(isValidTag, { message: 'expected a BCP 47 language tag, e.g. "en-GB"' }),
          z.array(z.string().regex(HYPHENATED_WORD, { message: 'letters and hyphens only' })),
        )
        .optional()
        .describe('Exceptions for passages in other languages (lang: on a block, [text]{lang=en} inline), by their language tag: { en-GB: [task-force] }.'),
    })
    .optional()
    .describe('Hyphenation exceptions for this report, extending the language\'s built-in list.'),
  limits: LimitsSchema.prefault({}).describe('Input limits (sizes, counts, pages, seconds): a build that meets one stops and names it; raise or lower any of them here.'),
}));

/** report.yaml after validation, defaults applied. */
export type ReportFile = z.infer<typeof ReportFileSchema>;
