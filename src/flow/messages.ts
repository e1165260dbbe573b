/** FLOW diagnostics: what pagination could not honour; warnings, the build carries on. */
import { diagnostic } from '../diag/messages.ts';
import type { SourceSpan } from '../diag/types.ts';

/** A column break had to leave a widow, an orphan or a stranded heading. */
export const forcedBreak = (rule: string, span?: SourceSpan) =>
  diagnostic('warning', 'FLOW001', `could not avoid ${rule} at a column break`, span, 'shorten or lengthen the paragraph by a line');

/** A box, row or line is taller than a whole column; it is placed anyway and runs past the text area. */
export const tooTall = (what: string, heightPt: number, availPt: number, span?: SourceSpan) =>
  diagnostic('warning', 'FLOW002', `${what} is ${heightPt.toFixed(1)}pt tall but a column holds ${availPt.toFixed(1)}pt`, span, 'make it smaller or split it');

/** A footnote does not fit in the column even after moving its reference. */
export const footnoteTooLong = (id: string, span?: SourceSpan) =>
  diagnostic('warning', 'FLOW003', `footnote "${id}" does not fit in one column`, span, 'shorten the footnote');
