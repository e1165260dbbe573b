/** Shared state of one loadReport run: the content root, every file read, and the errors collected so far. */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import type { LocatedJson, SourceFile } from './types.ts';
import type { Limits } from '../spec/limits.ts';
import { parseYaml, type ParsedYaml } from './parseYaml.ts';
import { displayPath, readTextInside, type KnownFile } from './readSources.ts';
import { memo } from '../util/buildContext.ts';
import type { LoadLog, RecordStore } from './loadRecords.ts';
import { bytesHash } from '../util/diskCache.ts';
import type { ContentKeys } from '../util/contentKeys.ts';

/** Most parsed files a session keeps (the 10× report has ≈ 90 files; a watch session adds one per edit). */
export const MAX_PARSED = 500;

/** A parsed file with its syntax errors, as kept in the build context's `yaml` cache. */
export interface ParsedFile {
  readonly parsed: ParsedYaml;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/** Mutable accumulator for one load; the result handed on is built from it as readonly data. */
export interface LoadContext {
  readonly root: string;
  readonly errors: Diagnostic[];
  readonly files: SourceFile[];
  readonly images: Map<string, Uint8Array>;
  /** Where each image is first referenced, for decoding errors found later (images stage). */
  readonly imageSpans: Map<string, SourceSpan>;
  readonly diag: DiagnosticSink;
  /** The limits in force: the defaults until report.yaml's own `limits` are read. */
  limits: Limits;
  /** Parsed files of the session by path and text hash (build context `yaml`); none: every file is parsed. */
  readonly yaml?: Map<string, ParsedFile>;
  /** The latest parse of each file by path and limits (build context `yamlLatest`), the base of an edit's splice. */
  readonly yamlLatest?: Map<string, ParsedFile>;
  /** Finished loads of single files, replayed when nothing they read changed (loadRecords.ts); none: all is loaded. */
  readonly records?: RecordStore;
  /**
   * Text files read by this load, by path and size limit: a chart spec several sections name (and each replayed
   * record checks) is read from disk once per load. Only successful reads: a failed one is reported where it is.
   */
  readonly texts: Map<string, SourceRead>;
  /** Where the content key of each recorded load's value is noted (util/contentKeys.ts); none: no keys. */
  readonly keys?: ContentKeys;
  /** Files read before in the session, taken again while their stat is unchanged (readSources.ts KnownFile). */
  readonly known?: Map<string, KnownFile>;
  /**
   * Each chart spec file's LocatedJson by its parse, made once per load: the 10× report names every spec file from
   * ten sections, and its value and spans were walked for each. Shared between the blocks of one load only; later
   * stages read it and never change it (bind maps its strings into a new value).
   */
  readonly specs?: Map<ParsedYaml, LocatedJson>;
  /** The real path of each folder this load read from, resolved once per load (readSources.ts realDirOf). */
  readonly realDirs?: Map<string, string>;
  /** While a file is loaded for a record: what it reads (set and restored by loadRecords.recorded). */
  log?: LoadLog;
}

/** A content file read as text, before parsing: its path as written, as printed, and its text. */
export interface SourceRead {
  readonly path: string;
  readonly file: string;
  readonly text: string;
  /** SHA-256 of the text (util/diskCache.ts bytesHash), made once per read. */
  readonly hash: string;
}

/** Reads a text file inside the content folder; a problem goes to ctx.errors and gives undefined. */
export async function readSource(ctx: LoadContext, path: string, span?: SourceSpan): Promise<SourceRead | undefined> {
  const key = `${path}\u0000${ctx.limits.fileBytes}`;
  const known = ctx.texts.get(key);
  if (known) return known;
  const read = await readTextInside(ctx.root, path, span, ctx.limits.fileBytes, ctx.known, ctx.realDirs);
  if (read.text === undefined) {
    if (read.error) ctx.errors.push(read.error);
    return undefined;
  }
  const source = { path, file: displayPath(read.abs), text: read.text, hash: read.hash ?? bytesHash(read.text) };
  ctx.texts.set(key, source);
  return source;
}

/** Reads and parses a YAML file inside the content folder; problems go to ctx.errors and give undefined. */
export async function readYamlFile(ctx: LoadContext, path: string, span?: SourceSpan): Promise<ParsedYaml | undefined> {
  const read = await readSource(ctx, path, span);
  return read && parseSource(ctx, read);
}

/** Parses a file read by readSource (it becomes one of the files read; its warnings go to the sink). */
export function parseSource(ctx: LoadContext, { path, file, text, hash }: SourceRead): ParsedYaml | undefined {
  ctx.files.push({ path: file, text });
  const limits = ctx.limits;
  const scope = `${file}\u0000${JSON.stringify(limits)}`;
  // an edited file is parsed from its previous clean parse where the edit stays inside one item (yamlSplice.ts)
  const prev = ctx.yamlLatest?.get(scope);
  const base = prev && !prev.errors.length && !prev.warnings.length ? prev.parsed : undefined;
  const parse = () => parseYaml(file, text, limits, base);
  // yaml parsing is most of loading: an unchanged file (same path, text and limits) is not parsed again
  const made = ctx.yaml ? memo(ctx.yaml, `${file}\u0000${hash}\u0000${JSON.stringify(limits)}`, parse) : parse();
  // every edit of a watch session adds a parse: the oldest go first (an unchanged file dropped is parsed once more)
  if (ctx.yaml) while (ctx.yaml.size > MAX_PARSED) ctx.yaml.delete(ctx.yaml.keys().next().value!);
  ctx.yamlLatest?.set(scope, made);
  const { parsed, errors, warnings } = made;
  ctx.errors.push(...errors);
  for (const w of warnings) ctx.diag.push(w);
  ctx.log?.reads.push({ path, file, hash, warnings });
  return errors.length ? undefined : parsed;
}
