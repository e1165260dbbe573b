/** Public API: the same build the CLI runs. */
export { buildReport } from './cli/build.ts';
export type { BuildOptions, BuildResult } from './cli/build.ts';
export { isReportError, ReportError } from './diag/errors.ts';
export type { Diagnostic, SourceSpan } from './diag/types.ts';
