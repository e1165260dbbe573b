/**
 * Finds and reads a template: a bundled name ("rijksoverheid", under the tool's templates/) or a folder path in
 * the content folder ("./huisstijl"), and follows `extends:` chains, deep-merging each template over its base.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { SourceSpan } from '../diag/types.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import { nodeAt, parseYaml, spanOf, type ParsedYaml } from './parseYaml.ts';
import { displayPath, readTextInside } from './readSources.ts';
import { noteRead, type DepLog } from './fileDeps.ts';
import { NOT_PLAIN, plainValue } from './locatedJson.ts';

/** Where a template's own files are read from: a root no read may leave, and the folder inside it. */
export interface TemplateOrigin {
  readonly root: string;
  readonly dir: string;
  /** A bundled template (its fonts come from the tool's fonts/); else a folder of the content folder. */
  readonly bundled: boolean;
}

/** The template file that declared a font key: where its file is looked for, and positions for diagnostics. */
export interface FontDeclaration {
  readonly origin: TemplateOrigin;
  readonly parsed: ParsedYaml;
}

/** A template file read and merged over its bases. */
export interface TemplateSource {
  /** The merged plain data (not yet validated), without `extends`. */
  readonly raw: Record<string, unknown>;
  /** The file that was asked for, for positions in diagnostics. */
  readonly parsed: ParsedYaml;
  /** The folder of the template that declared each top-level key (images are read relative to it). */
  readonly originOf: (key: string) => TemplateOrigin;
  /** The template that declared font key `key` (an extending template may add or replace single faces). */
  readonly fontOf: (key: string) => FontDeclaration;
}

/** Where templates are found, where `ref` is written, and the log of files read (theme cache). */
export interface TemplateAt {
  readonly templatesDir: string;
  readonly contentDir?: string;
  readonly span?: SourceSpan;
  readonly log?: DepLog;
}

/** Deepest chain of `extends:` followed (a longer one is almost certainly a mistake). */
const MAX_DEPTH = 8;

/** True for a bundled template's name; anything with a slash or a dot first is a path in the content folder. */
export const isBundledName = (ref: string): boolean => /^[\w-]+$/.test(ref);

/** Names of the bundled templates (folders of templates/ with a template.yaml), sorted. */
export async function bundledTemplates(templatesDir: string): Promise<string[]> {
  const names = await readdir(templatesDir).catch(() => [] as string[]);
  return names.filter((n) => existsSync(join(templatesDir, n, 'template.yaml'))).sort();
}

/** Reads template `ref` and its bases; throws ReportError. `span`: where `ref` is written. */
export async function readTemplate(ref: string, at: TemplateAt, chain: string[] = []): Promise<TemplateSource> {
  if (chain.includes(ref) || chain.length >= MAX_DEPTH) throw new ReportError(messages.templateCycle([...chain, ref], at.span));
  const origin = await locate(ref, at);
  const path = posix.join(origin.dir, 'template.yaml');
  const read = await readTextInside(origin.root, path, at.span);
  if (read.text === undefined) throw new ReportError(read.error ?? messages.fileNotFound(displayPath(read.abs), at.span));
  noteRead(at.log, origin.root, path, read.text);
  const { parsed, errors } = parseYaml(displayPath(read.abs), read.text);
  if (errors.length) throw new ReportError(errors);
  // the value without yaml's toJS and its conversion context (as sections are read: locatedJson.ts), unless the
  // file has what only toJS converts (aliases, merge keys …)
  const plain = plainValue(parsed.doc.contents);
  const own = ((plain !== NOT_PLAIN ? plain : parsed.doc.toJS()) ?? {}) as Record<string, unknown>;
  const { extends: base, ...rest } = own;
  const mine = { origin, parsed };
  if (typeof base !== 'string') return { raw: rest, parsed, originOf: () => origin, fontOf: () => mine };
  const parent = await readTemplate(base, { ...at, span: spanOf(parsed, nodeAt(parsed, ['extends'])) }, [...chain, ref]);
  const ownFonts = isMap(rest.fonts) ? rest.fonts : {};
  return {
    raw: deepMerge(parent.raw, rest),
    parsed,
    originOf: (key) => (key in rest ? origin : parent.originOf(key)),
    fontOf: (key) => (key in ownFonts ? mine : parent.fontOf(key)),
  };
}

/** The root and folder of a template reference; unknown bundled names list the available ones. */
async function locate(ref: string, at: { templatesDir: string; contentDir?: string; span?: SourceSpan }): Promise<TemplateOrigin> {
  if (isBundledName(ref)) {
    if (existsSync(join(at.templatesDir, ref, 'template.yaml'))) return { root: at.templatesDir, dir: ref, bundled: true };
    throw new ReportError(messages.unknownTemplate(ref, await bundledTemplates(at.templatesDir), at.span));
  }
  if (!at.contentDir) throw new ReportError(messages.unknownTemplate(ref, await bundledTemplates(at.templatesDir), at.span));
  const dir = posix.normalize(ref.replace(/\\/g, '/')).replace(/\/+$/, '');
  return { root: at.contentDir, dir, bundled: false };
}

/**
 * `over` merged onto `base`: maps merge key by key (recursively), everything else (lists, numbers, strings) is
 * replaced, so a template changes one colour or one word without repeating the rest.
 */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isMap(b) && isMap(v) ? deepMerge(b, v) : v;
  }
  return out;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
