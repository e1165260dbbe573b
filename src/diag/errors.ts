import type { Diagnostic } from './types.ts';

/** Thrown for fatal problems in user input; the CLI prints its diagnostics and exits 1, never a stack trace. */
export class ReportError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map((d) => d.message).join('; '));
    this.name = 'ReportError';
    this.diagnostics = list;
  }
}

/** Thrown for wrong command-line usage; the CLI exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** True when the value is a ReportError (also across bundle copies). */
export function isReportError(e: unknown): e is ReportError {
  return e instanceof Error && e.name === 'ReportError' && Array.isArray((e as ReportError).diagnostics);
}

/** A bug in reportpress met while processing some input: the CLI exits 70 naming that input, not a stack trace. */
export class InternalError extends Error {
  /** What was being processed: a stage and the content folder, or a file. */
  readonly input: string;
  override readonly cause: unknown;
  constructor(input: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'InternalError';
    this.input = input;
    this.cause = cause;
  }
}
