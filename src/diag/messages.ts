/**
 * Every diagnostic the front of the pipeline emits, as builders, so tests compare against
 * `messages.unknownFigure('asiel.eerst').message`. Messages are lowercase, quote the value, carry at most one hint.
 * Code families: LOAD (files, YAML), SPEC (schema), BIND (references, formats), FIG (figures, checks, datasets),
 * CHART (chart blocks at bind time). Other stages add their own families (TEXT, FLOW, PDF …) in their own builders
 * or here below a new heading.
 */
import type { Diagnostic, SourceSpan } from './types.ts';
import { closest, didYouMean } from './suggest.ts';

/** Builds a diagnostic; `hint` is dropped when undefined so the hints list stays empty. */
export function diagnostic(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  span?: SourceSpan,
  hint?: string,
): Diagnostic {
  return { severity, code, message, span, hints: hint === undefined ? [] : [hint] };
}

const err = (code: string, message: string, span?: SourceSpan, hint?: string) =>
  diagnostic('error', code, message, span, hint);
const warn = (code: string, message: string, span?: SourceSpan, hint?: string) =>
  diagnostic('warning', code, message, span, hint);

/** "one of: a, b, c" lists for hints. */
function listOf(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`).join(', ');
  return values.length > max ? `${shown}, …` : shown;
}

// LOAD: files and YAML ------------------------------------------------------------------------

/** A file the report names does not exist or cannot be read. */
export const fileNotFound = (path: string, span?: SourceSpan, reason?: string) =>
  err('LOAD001', `cannot read file "${path}"${reason ? ` (${reason})` : ''}`, span);

/** The yaml parser rejected the file; `message` is the parser's first line, lower-cased. */
export const yamlSyntax = (message: string, span?: SourceSpan, hint?: string) =>
  err('LOAD002', `invalid yaml: ${message}`, span, hint);

/** A path leaves the content folder (`..`, absolute, or a symlink pointing outside). */
export const pathEscapes = (path: string, span?: SourceSpan) =>
  err('LOAD003', `path "${path}" points outside the content folder`, span, 'use a path relative to the content folder, e.g. "images/logo.svg"');

/** A URL or file: scheme where a file inside the content folder is expected. */
export const urlNotAllowed = (path: string, span?: SourceSpan) =>
  err('LOAD004', `"${path}" is a url; only files inside the content folder can be used`, span, 'copy the file into the content folder and use its relative path');

/** An image of a type the pipeline cannot place. */
export const unsupportedImage = (path: string, span?: SourceSpan) =>
  err('LOAD005', `unsupported image type "${path}"`, span, 'use an .svg, .png or .jpg file');

/** A content image without alternate text (PDF/UA: every Figure has /Alt), or a decorative one with it. */
export const imageAltMissing = (span?: SourceSpan) =>
  err('LOAD007', 'this image has no alt text', span, 'write alt: what the image shows, for readers who cannot see it; or decorative: true if it shows nothing the text needs');
export const imageAltOnDecorative = (span?: SourceSpan) =>
  err('LOAD008', 'a decorative image has no alt text: screen readers skip it', span, 'remove alt, or remove decorative: true if the image says something');

/** A template name that is not a plain folder name. */
export const badTemplateName = (name: string, span?: SourceSpan) =>
  err('LOAD006', `invalid template name "${name}"`, span, 'name a folder under templates/, e.g. "rijksoverheid"');

// SPEC: schema ----------------------------------------------------------------------------------

/** A key the schema does not know. */
export const unknownKey = (key: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC001', `unknown key "${key}"`, span, didYouMean(key, known) ?? (known.length ? `expected one of: ${listOf(known, 12)}` : undefined));

/** A block whose single key is not a block type. */
export const unknownBlockType = (type: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC002', `unknown block type "${type}" (expected one of: ${known.join(', ')})`, span, didYouMean(type, known));

/** A required key is absent; the span points at the map that should hold it. */
export const missingKey = (key: string, span?: SourceSpan) => err('SPEC003', `missing required key "${key}"`, span);

/** A value of the wrong YAML type. */
export const wrongType = (key: string, expected: string, got: string, span?: SourceSpan) =>
  err('SPEC004', `"${key}" must be ${expected}, found ${got}`, span);

/** A value outside an enumeration. */
export const invalidValue = (key: string, value: string, allowed: readonly string[], span?: SourceSpan) =>
  err('SPEC005', `invalid value "${value}" for "${key}" (expected one of: ${allowed.join(', ')})`, span, didYouMean(value, allowed));

/** `value: {asiel.eerste}` read by YAML as a map: the editor must quote it. */
export const unquotedReference = (ref: string, span?: SourceSpan) =>
  err('SPEC006', `figure reference {${ref}} must be quoted here`, span, `write "{${ref}}" in quotes: YAML reads a value starting with { as a map`);

/** A block must be a map with exactly one key (its type). */
export const badBlockShape = (found: string, span?: SourceSpan) =>
  err('SPEC007', `a block must be a map with exactly one key, its type (found ${found})`, span, 'write e.g. "- p: Some text" or "- heading: A title"');

/** A template colour reference names no colour. */
export const unknownColor = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC008', `unknown colour "${name}"`, span, didYouMean(name, known) ?? 'use a hex colour "#rrggbb" or a key of colors');

/** A template declares a font file that is not in the repo's fonts/ folder. */
export const missingFontFile = (key: string, file: string, fontsDir: string, span?: SourceSpan): Diagnostic =>
  diagnostic('error', 'FONT001', `font file "${file}" for font "${key}" not found`, span, `fonts are loaded only from ${fontsDir}`);

/** A template text style names a font key that `fonts` does not declare. */
export const unknownFontKey = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC009', `unknown font key "${name}"`, span, didYouMean(name, known) ?? `declared fonts: ${listOf(known)}`);

/** A template's sectionText changes a text style that `text` does not define. */
export const unknownTextStyle = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC016', `sectionText changes unknown text style "${name}"`, span, didYouMean(name, known) ?? `text styles: ${listOf(known)}`);

/** The same section file listed twice. */
export const duplicateSection = (path: string, span?: SourceSpan) => err('SPEC010', `section "${path}" is listed twice`, span);

/** A date that is not yyyy-mm-dd or not a real day. */
export const invalidDate = (value: string, span?: SourceSpan) =>
  err('SPEC011', `invalid date "${value}"`, span, 'write dates as yyyy-mm-dd, e.g. 2021-04-30');

/** Any other schema complaint, with zod's own wording lower-cased. */
export const schemaViolation = (key: string, detail: string, span?: SourceSpan) =>
  err('SPEC012', `invalid "${key}": ${detail}`, span);

/** A footnote reference [^id] with no matching footnote. */
export const unknownFootnote = (id: string, known: readonly string[], span?: SourceSpan) =>
  err('SPEC013', `unknown footnote "[^${id}]"`, span, didYouMean(id, known) ?? (known.length ? `footnotes in this section: ${listOf(known)}` : 'add it under footnotes: in this section'));

/** A footnote defined but never referenced. */
export const unusedFootnote = (id: string, span?: SourceSpan) => warn('SPEC014', `footnote "${id}" is never referenced`, span);

/** `{ label: a, b }`: the comma ended the value and "b" became a key without a value. */
export const commaInFlowMap = (key: string, span?: SourceSpan) =>
  err('SPEC015', `unexpected key "${key}" after a comma inside { }`, span, 'quote the value that holds the comma, e.g. label: "a, b"');

// BIND: references in text ---------------------------------------------------------------------

/** A format name after `|` that does not exist. */
export const unknownFormat = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('BIND001', `unknown format "${name}"`, span, didYouMean(name, known) ?? `formats: ${known.join(', ')}`);

/** `{path}` names no figure; the hint lists the closest existing names. */
export function unknownFigure(path: string, span?: SourceSpan, known: readonly string[] = []): Diagnostic {
  const near = closest(path, known);
  const group = path.includes('.') ? path.slice(0, path.lastIndexOf('.') + 1) : '';
  const siblings = group ? known.filter((k) => k.startsWith(group)) : [];
  const hint =
    near.length === 1 ? `did you mean "${near[0]}"?`
    : near.length > 1 ? `did you mean one of: ${listOf(near)}?`
    : siblings.length ? `figures.yaml defines ${listOf(siblings, 6)}`
    : undefined;
  return err('BIND002', `unknown figure "${path}"`, span, hint);
}

/** A `{` that never closes, or `{}` with nothing inside. */
export const badReference = (raw: string, span?: SourceSpan) =>
  err('BIND003', `malformed figure reference "${raw}"`, span, 'write {group.name} or {group.name | format}; write \\{ for a literal brace');

/** A format that cannot apply to the figure's value (percent of a date). */
export const formatMismatch = (format: string, path: string, kind: string, span?: SourceSpan) =>
  err('BIND004', `format "${format}" cannot be applied to "${path}" (a ${kind})`, span);

/** A reference to a group instead of a single figure. */
export const referenceToGroup = (path: string, children: readonly string[], span?: SourceSpan) =>
  err('BIND005', `"${path}" is a group of figures, not a figure`, span, children.length ? `name one of: ${listOf(children)}` : undefined);

// FIG: figures.yaml -----------------------------------------------------------------------------

/** A figure defined but never used in text, datasets, derivations or checks. */
export const unusedFigure = (path: string, span?: SourceSpan) => warn('FIG001', `figure "${path}" is never used`, span);

/** A figure entry of a shape the format does not know. */
export const badFigure = (path: string, detail: string, span?: SourceSpan) =>
  err('FIG002', `invalid figure "${path}": ${detail}`, span, 'write a number, { value: 123 }, { date: 2021-04-30 } or a derivation (sum, difference, ratio, change)');

/** A derivation or check names a figure that does not exist. */
export function unknownFigureInFigures(path: string, span?: SourceSpan, known: readonly string[] = []): Diagnostic {
  const hint = didYouMean(path, known);
  return err('FIG003', `unknown figure "${path}"`, span, hint);
}

/** Derivations that depend on each other in a loop. */
export const derivationCycle = (chain: readonly string[], span?: SourceSpan) =>
  err('FIG004', `figures depend on each other in a loop: ${chain.join(' → ')}`, span);

/** A check whose two sides disagree; both values are shown. */
export const checkFailed = (expr: string, left: number, op: string, right: number, span?: SourceSpan, message?: string, within?: number) =>
  err('FIG005', `check failed: "${expr}" (${fmtNum(left)} ${op} ${fmtNum(right)}${within !== undefined ? ` within ${fmtNum(within)}` : ''} is false)`, span, message);

/** A check expression that does not parse. */
export const badExpression = (expr: string, detail: string, span?: SourceSpan) =>
  err('FIG006', `cannot read check "${expr}": ${detail}`, span, 'write e.g. "a.b + a.c = a.total" with = <= >= < >, + - * / and parentheses');

/** A dataset that cannot be built (unknown group, wrong columns). */
export const badDataset = (name: string, detail: string, span?: SourceSpan, hint?: string) =>
  err('FIG007', `dataset "${name}": ${detail}`, span, hint);

/** A dataset no chart names. */
export const unusedDataset = (name: string, span?: SourceSpan) => warn('FIG010', `dataset "${name}" is never used by a chart`, span);

/** A number where a date is expected or the reverse, in a derivation or check. */
export const notANumber = (path: string, span?: SourceSpan) => err('FIG008', `figure "${path}" is not a number`, span);

/** A group with a figure named like a figures keyword, written so that it reads as that keyword. */
export const figureKeyword = (keyword: string, group: string, span?: SourceSpan) =>
  err(
    'FIG011',
    `"${keyword}" in group "${group}" is a list, but a figure named like the keyword "${keyword}" must be a number or a map`,
    span,
    `a derivation is written under its own name: verandering: { ${keyword}: [a, b] }`,
  );

/** ratio or change with a zero denominator. */
export const divisionByZero = (path: string, span?: SourceSpan) => err('FIG009', `figure "${path}" divides by zero`, span);

// CHART: chart blocks at bind time ---------------------------------------------------------------

/** A chart spec names a dataset that figures.yaml does not define. */
export const unknownDataset = (name: string, known: readonly string[], span?: SourceSpan) =>
  err('CHART001', `unknown dataset "${name}"`, span, didYouMean(name, known) ?? (known.length ? `datasets: ${listOf(known)}` : 'define it under datasets: in figures.yaml'));

/** A chart spec without any data.name. */
export const chartWithoutData = (file: string, span?: SourceSpan) =>
  err('CHART002', `chart "${file}" names no dataset`, span, 'add data: { name: <dataset from figures.yaml> }');

/** A chart whose data is inline `values` or a `url` instead of a dataset name (a chart copied from a gallery). */
export const chartInlineData = (key: 'values' | 'url', span?: SourceSpan) =>
  err('CHART002', key === 'values' ? 'chart data may not be given inline (data: { values: … })' : 'chart data may not be loaded from a url', span, 'define the rows as a dataset in figures.yaml and name it: data: { name: … }');

/** Two charts with the same id (file stem). */
export const duplicateChart = (id: string, span?: SourceSpan) =>
  warn('CHART003', `chart "${id}" is used more than once`, span);

// TABLE: table blocks ----------------------------------------------------------------------------

/**
 * A table row whose cell count differs from the column count: never dropped or padded silently. In a flow
 * sequence an unquoted comma splits a cell, so a row with too many cells gets that hint.
 */
export const tableRowCells = (found: number, expected: number, span?: SourceSpan, flow = false) =>
  err(
    'TABLE001',
    `table row has ${found} cell${found === 1 ? '' : 's'} but the table has ${expected} column${expected === 1 ? '' : 's'}`,
    span,
    found > expected && flow
      ? 'in [ … ] a comma ends a cell: quote a cell that contains a comma, e.g. ["Asylum (first, repeated and family)", "{asylum.total}"]'
      : found > expected
        ? 'remove the extra cells or add a column'
        : 'add the missing cells; write "" for a cell that is empty on purpose',
  );

/**
 * A table whose columns do not fit its text column even in the template's smallest table type with its longest
 * words broken (each column at least three ems wide): refused rather than drawn past the margin.
 */
export const tableTooWide = (neededPt: number, availablePt: number, columns: number, sizePt: number, span?: SourceSpan) =>
  err(
    'TABLE002',
    `table is ${neededPt.toFixed(1)} pt wide at its narrowest (${columns} columns in ${fmtNum(Math.round(sizePt * 100) / 100)} pt type) but the text column is ${availablePt.toFixed(1)} pt wide`,
    span,
    'use fewer columns or shorter words in them, or let the template set tables smaller (table.minSize)',
  );

// REF: page references and numbered figures and tables ------------------------------------------------

/** `{page:id}` or `{ref:id}` naming nothing. */
export const unknownTarget = (id: string, known: readonly string[], span?: SourceSpan) =>
  err('REF001', `unknown reference target "${id}"`, span, didYouMean(id, known) ?? 'give the heading, chart, image or table an id: (e.g. id: intake-table), or name a section file');

/** `{page:^id}` / `{ref:^id}` naming a footnote the section does not have (footnote ids are local to a section). */
export const unknownNoteTarget = (id: string, known: readonly string[], span?: SourceSpan) =>
  err('REF001', `unknown reference target "${id}"`, span, didYouMean(id, known) ?? (known.length ? `footnotes of this section: ${known.join(', ')}` : 'a reference to a footnote names a note under this section\'s footnotes:'));

/** Page references whose pages kept changing between layout passes. */
export const refsUnstable = (passes: number) =>
  warn('REF003', `page references did not settle after ${passes} layout passes`, undefined, 'a reference near a page break moves its own target; rephrase the sentence around it');

/** Two blocks with the same id. */
export const duplicateTarget = (id: string, span?: SourceSpan) => err('REF002', `id "${id}" is used twice`, span, 'ids name one heading, chart, image, table or section each');

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export * from './inputMessages.ts';

/* PRINT: what only the print variant (build --print) requires of a template. */

/** A colour the template uses has no CMYK value under `cmyk`. */
export const missingCmyk = (what: string, hex: string, span?: SourceSpan) =>
  err('PRINT001', `colour ${what.startsWith('"#') ? hex : `${what} (${hex})`} has no CMYK value for print`, span, `add it under cmyk:, e.g. ${what.startsWith('"#') ? what : what.slice(1, -1)}: [0, 0, 0, 100] (C, M, Y, K in percent)`);

/** A `cmyk` key that is neither a colour name nor a hex colour. */
export const unknownCmykKey = (key: string, known: readonly string[], span?: SourceSpan) =>
  err('PRINT002', `cmyk names unknown colour "${key}"`, span, didYouMean(key, known) ?? 'use a key of colors or a hex colour "#rrggbb"');
export * from './templateMessages.ts';
