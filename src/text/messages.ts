/** TEXT diagnostics of the line breaker, as builders so tests compare against `textMessages.wordTooWide(…)`. */
import { diagnostic } from '../diag/messages.ts';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';

/** A word (URL, long compound) fits on no line and was broken between two characters. */
export const wordTooWide = (word: string, widthPt: number, span?: SourceSpan): Diagnostic =>
  diagnostic(
    'warning',
    'TEXT001',
    `word "${word}" is wider than the ${widthPt.toFixed(1)} pt measure and was broken between characters`,
    span,
    'add a soft hyphen (U+00AD) or a "/" where it may break',
  );

/** A word wider than the measure was hyphenated where its style (a table head) or place (a paragraph's end) would not be. */
export const wordHyphenatedToFit = (word: string, widthPt: number, span?: SourceSpan): Diagnostic =>
  diagnostic(
    'warning',
    'TEXT003',
    `word "${word}" is wider than the ${widthPt.toFixed(1)} pt measure and was hyphenated to fit`,
    span,
    'shorten the word, or add a soft hyphen (U+00AD) where it should break',
  );

/** A line still sticks out of the measure after every fallback. */
export const overfullLine = (text: string, excessPt: number, span?: SourceSpan): Diagnostic =>
  diagnostic('warning', 'TEXT002', `line "${text}" is ${excessPt.toFixed(1)} pt wider than the measure`, span);
