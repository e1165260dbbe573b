/** PAGES diagnostics: problems assembling the document; warnings, the build carries on. */
import { diagnostic } from '../diag/messages.ts';

/** The table of contents page numbers kept changing between layout passes. */
export const tocUnstable = (passes: number) =>
  diagnostic('warning', 'PAGES001', `table of contents page numbers still changed after ${passes} passes`, undefined, 'rebuild; if it persists, report it');

/** A justified line whose word spaces are wider than the template allows (a long word that did not break). */
export const looseLine = (ratio: number, max: number, span?: import('../diag/types.ts').SourceSpan) =>
  diagnostic(
    'warning',
    'PAGES002',
    `loose line: its word spaces are ${ratio.toFixed(2)}× the normal space (the template allows ${max}×)`,
    span,
    'add a hyphenation exception for the long word on that line in report.yaml (hyphenation: { exceptions: [...] }), or rephrase',
  );
