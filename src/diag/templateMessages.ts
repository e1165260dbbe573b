/**
 * Diagnostics of templates (TPL: where a template comes from, its words and page elements; FONT: its own font
 * files) and of the report's language (LANG). Part of the catalogue in messages.ts (re-exported there).
 */
import type { SourceSpan } from './types.ts';
import { diagnostic } from './messages.ts';
import { didYouMean } from './suggest.ts';

const err = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('error', code, message, span, hint);
const warn = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('warning', code, message, span, hint);
const listOf = (values: readonly string[], max = 8): string => {
  const shown = values.slice(0, max).map((v) => `"${v}"`).join(', ');
  return values.length > max ? `${shown}, …` : shown;
};

// TPL: templates and their words ---------------------------------------------------------------

/** report.yaml or `extends:` names a bundled template that does not exist. */
export const unknownTemplate = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('TPL001', `unknown template "${name}"`, span, didYouMean(name, known) ?? `bundled templates: ${listOf(known)}; or a folder path in the content folder, e.g. "./house-style"`);

/** Templates that extend each other in a circle (or too deeply). */
export const templateCycle = (chain: readonly string[], span?: SourceSpan) =>
  err('TPL002', `templates extend each other in a circle or too deeply: ${chain.join(' → ')}`, span);

/** A word override names no built-in word. */
export const unknownWord = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('TPL003', `unknown word "${name}"`, span, didYouMean(name, known) ?? `words: ${listOf(known)}`);

/** A page element's length cannot be read. */
export const badLength = (value: string, detail: string, span?: SourceSpan) =>
  err('TPL004', `cannot read length "${value}": ${detail}`, span, 'write points or e.g. "50% - 16", "text.left + 48", "title.bottom + 9"');

/** A page element refers to an id that no earlier element has. */
export const unknownElementId = (id: string, known: readonly string[], span?: SourceSpan) =>
  err('TPL005', `no earlier element has id "${id}"`, span, didYouMean(id, known) ?? 'give an earlier text element this id');

/** A text element or opener names a text style the template does not define. */
export const unknownStyleName = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('TPL006', `unknown text style "${name}"`, span, didYouMean(name, known) ?? `text styles: ${listOf(known)}`);

// FONT: a template's own font files ----------------------------------------------------------------

/** A content-folder template names a font file that is neither in its folder nor one of the tool's fonts. */
export const templateFontNotFound = (key: string, file: string, looked: string, span?: SourceSpan) =>
  err('FONT001', `font file "${file}" for font "${key}" not found`, span, `a template in the content folder brings its fonts in its own folder (looked for ${looked}), or names a bundled font file`);

/** A template's font file exists but is no TrueType or OpenType font. */
export const notAFont = (key: string, file: string, span?: SourceSpan) =>
  err('FONT003', `"${file}" for font "${key}" is not a TrueType or OpenType font`, span, 'give a .ttf or .otf file (WOFF and font collections cannot be embedded)');

// LANG: the report's language -------------------------------------------------------------------

/** report.yaml's language is not a BCP 47 tag. */
export const badLanguage = (tag: string, span?: SourceSpan) =>
  err('LANG001', `invalid language "${tag}"`, span, 'write a BCP 47 tag, e.g. "nl-NL", "en-GB", "de"');

/** No hyphenation patterns for a language: its text is set without hyphenation. */
export const noHyphenation = (tag: string, span?: SourceSpan) =>
  warn('LANG002', `no hyphenation patterns for language "${tag}": its text is set without hyphenation`, span);

/** No built-in words for a language: English words are used where neither template nor report gives them. */
export const noLocaleWords = (tag: string, span?: SourceSpan) =>
  warn('LANG003', `no built-in words for language "${tag}": English words are used where the template or report.yaml gives none`, span, 'give them under words: in report.yaml or the template');
