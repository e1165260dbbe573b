import type { SourceSpan } from '../diag/types.ts';
import { diagnostic } from '../diag/messages.ts';

/*
 * Message builders of the images stage, codes IMAGE1xx (the load stage's LOAD005 covers file types; these are
 * what only decoding finds).
 */

/** Messages of image decoding. */
export const imageMessages = {
  undecodable: (src: string, reason: string, span?: SourceSpan) =>
    diagnostic('error', 'IMAGE101', `image "${src}" cannot be decoded (${reason})`, span, 'export the image again as .png, .jpg or .svg'),
};
