/** Shared state of one loadReport run: the content root, every file read, and the errors collected so far. */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import type { SourceFile } from './types.ts';
import type { Limits } from '../spec/limits.ts';
import { parseYaml, type ParsedYaml } from './parseYaml.ts';
import { displayPath, readTextInside } from './readSources.ts';

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
}

/** Reads and parses a YAML file inside the content folder; problems go to ctx.errors and give undefined. */
export async function readYamlFile(ctx: LoadContext, path: string, span?: SourceSpan): Promise<ParsedYaml | undefined> {
  const read = await readTextInside(ctx.root, path, span, ctx.limits.fileBytes);
  if (read.text === undefined) {
    if (read.error) ctx.errors.push(read.error);
    return undefined;
  }
  const file = displayPath(read.abs);
  ctx.files.push({ path: file, text: read.text });
  const { parsed, errors, warnings } = parseYaml(file, read.text, ctx.limits);
  ctx.errors.push(...errors);
  for (const w of warnings) ctx.diag.push(w);
  return errors.length ? undefined : parsed;
}
