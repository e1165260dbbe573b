/**
 * Diagnostics for hostile or damaged input (issue 12): limits, file types, encodings, characters, images, numbers.
 * Part of the catalogue in messages.ts (re-exported there). Code family INPUT; limits say which setting raises them.
 */
import type { Diagnostic, SourceSpan } from './types.ts';
import { diagnostic } from './messages.ts';
import { LIMIT_WHAT, type Limits } from '../spec/limitDefaults.ts';

const err = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('error', code, message, span, hint);
const warn = (code: string, message: string, span?: SourceSpan, hint?: string) => diagnostic('warning', code, message, span, hint);

/** A size, count or dimension over its limit; names the setting that raises it. */
export const limitExceeded = (name: keyof Limits, found: number | string, limit: number, span?: SourceSpan, what?: string): Diagnostic =>
  err(
    'INPUT001',
    `${what ?? LIMIT_WHAT[name]}: ${typeof found === 'number' ? found.toLocaleString('en') : found} exceeds the limit of ${limit.toLocaleString('en')} (limits.${name})`,
    span,
    `split the input, or raise it in report.yaml: limits: { ${name}: ${typeof found === 'number' ? Math.max(found, limit + 1) : limit * 2} }`,
  );

/** Something that is not a regular file (a named pipe, a device, a folder) where a file is expected. */
export const notAFile = (path: string, kind: string, span?: SourceSpan) =>
  err('INPUT002', `"${path}" is ${kind}, not a regular file`, span, 'only regular files inside the content folder can be read');

/** Bytes that are not UTF-8. */
export const invalidUtf8 = (span: SourceSpan, byteOffset: number, bytes: string) =>
  err('INPUT003', `invalid UTF-8 at byte ${byteOffset} (${bytes})`, span, 'save the file as UTF-8 (in most editors: "Save with encoding → UTF-8")');

/** Control characters removed from a text. */
export const controlCharacters = (list: string, span?: SourceSpan) =>
  warn('INPUT004', `control character(s) ${list} removed`, span, 'they are invisible in print; remove them from the source text');

/** A YAML tag the content format does not know (`!include`, `!!js/function`): its text would be printed as-is. */
export const unknownYamlTag = (tag: string, span?: SourceSpan) =>
  err('INPUT005', `unknown YAML tag "${tag}"`, span, 'reportpress reads plain YAML only: remove the tag (no !include, no !!js/…)');

/** A mapping key that is itself a list or map. */
export const complexKey = (span?: SourceSpan) =>
  err('INPUT006', 'a key must be a plain word or quoted text, not a list or map', span, 'write "key: value"; "? [a, b]" keys are not supported');

/** An image file that cannot be decoded (truncated, not an image, malformed SVG). */
export const badImage = (path: string, detail: string, span?: SourceSpan) =>
  err('IMAGE101', `image "${path}" cannot be decoded (${detail})`, span, 'export the image again as .png, .jpg or .svg');

/** An SVG with a DOCTYPE or entities (external entities, entity bombs). */
export const svgDoctype = (path: string, span?: SourceSpan) =>
  err('INPUT008', `image "${path}" declares a DOCTYPE or entities, which are not allowed in SVG images`, span, 'export the SVG without a DOCTYPE (most editors have a "plain SVG" option)');

/** A number that is NaN, infinite or out of the range we can print. */
export const notFinite = (what: string, value: string, span?: SourceSpan) =>
  err('INPUT009', `${what} is ${value}, not a finite number`, span, 'write a plain number, e.g. 1234.5');

/** A format argument outside its range (`round:400`). */
export const formatArgumentRange = (format: string, arg: string, min: number, max: number, span?: SourceSpan) =>
  err('INPUT010', `format "${format}:${arg}" is out of range (${min} to ${max})`, span);

/** Characters no face of the template (fallbacks included) can draw. */
export const missingGlyphs = (list: string, span?: SourceSpan) =>
  err('INPUT011', `no font of the template can draw ${list}`, span, 'replace these characters, or add a font that has them to the template (fonts: and fallback:)');

/** Right-to-left text (Arabic, Hebrew …), which is not supported. */
export const rightToLeft = (first: string, span?: SourceSpan) =>
  err('INPUT015', `right-to-left text (${first}) is not supported`, span, 'reportpress sets left-to-right scripts only; use a transliteration or an image');

/** A word wider than its column or cell, broken between characters. */
export const wordBroken = (word: string, widthPt: number, availablePt: number, span?: SourceSpan) =>
  warn('INPUT012', `"${word.length > 40 ? word.slice(0, 37) + '…' : word}" (${widthPt.toFixed(0)} pt) is wider than its frame (${availablePt.toFixed(0)} pt) and is broken between characters`, span);

/** A table wider than the text area even at its narrowest. */
export const tableTooWide = (needPt: number, availablePt: number, span?: SourceSpan) =>
  err('INPUT013', `table needs ${needPt.toFixed(0)} pt but the text area is ${availablePt.toFixed(0)} pt wide`, span, 'use fewer columns, or split the table');

/** A build that ran longer than limits.seconds. */
export const timeLimit = (seconds: number, stage: string) =>
  err('INPUT014', `the build took longer than ${seconds} s (limits.seconds) and was stopped during ${stage}`, undefined, `raise it in report.yaml: limits: { seconds: ${seconds * 2} }`);
