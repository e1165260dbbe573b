/** PAGES diagnostics: problems assembling the document; warnings, the build carries on. */
import { diagnostic } from '../diag/messages.ts';

/** The table of contents page numbers kept changing between layout passes. */
export const tocUnstable = (passes: number) =>
  diagnostic('warning', 'PAGES001', `table of contents page numbers still changed after ${passes} passes`, undefined, 'rebuild; if it persists, report it');
