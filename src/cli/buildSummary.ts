/** What a finished (or failed) build reports: the human summary line and the --json object. */
import type { Diagnostic } from '../diag/types.ts';

/** A diagnostic as JSON: flat position fields, so CI scripts need no nesting. */
export function diagnosticJson(d: Diagnostic) {
  const s = d.span;
  return { severity: d.severity, code: d.code, message: d.message, file: s?.file, line: s?.line, column: s?.column, endLine: s?.endLine, endColumn: s?.endColumn, hints: d.hints };
}

/** The --json summary of a build; `ok` false means no PDF was written. */
export interface BuildJson {
  readonly ok: boolean;
  readonly output?: string;
  readonly pages?: number;
  readonly bytes?: number;
  readonly errors: ReturnType<typeof diagnosticJson>[];
  readonly warnings: ReturnType<typeof diagnosticJson>[];
  /** Milliseconds per stage (as --timings prints them) and in total. */
  readonly timings: Record<string, number>;
  readonly totalMs: number;
  /** Every file written: the PDF, then chart exports. */
  readonly files: readonly string[];
}

/** Builds the --json object. */
export function buildJson(r: {
  ok: boolean;
  diagnostics: readonly Diagnostic[];
  timings?: readonly (readonly [string, number])[];
  totalMs: number;
  output?: string;
  pages?: number;
  bytes?: number;
  files?: readonly string[];
}): BuildJson {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    ok: r.ok,
    output: r.output,
    pages: r.pages,
    bytes: r.bytes,
    errors: r.diagnostics.filter((d) => d.severity === 'error').map(diagnosticJson),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').map(diagnosticJson),
    timings: Object.fromEntries((r.timings ?? []).map(([k, v]) => [k, round(v)])),
    totalMs: round(r.totalMs),
    files: r.files ?? [],
  };
}

/** "wrote out/x.pdf (20 pages, 200 KiB, 0 warnings, 3.4 s)". */
export function summaryLine(output: string, pages: number, bytes: number, warnings: number, ms: number): string {
  return `wrote ${output} (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB, ${warnings} warning${warnings === 1 ? '' : 's'}, ${(ms / 1000).toFixed(1)} s)`;
}
