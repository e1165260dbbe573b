/** Public API: the same build the CLI runs. */
export { buildReport } from './cli/build.ts';
export type { BuildOptions, BuildResult } from './cli/build.ts';
export { isReportError, ReportError } from './diag/errors.ts';
export type { Diagnostic, SourceSpan } from './diag/types.ts';
/** For rebuild measurements (npm run bench): forget rendered charts, and compiled chart specs. */
export { clearRenderCache, clearCompileCache } from './charts/index.ts';
