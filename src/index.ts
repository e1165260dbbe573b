/** Public API: the same build the CLI runs. */
export { buildReport } from './cli/build.ts';
export type { BuildOptions, BuildResult } from './cli/build.ts';
export { isReportError, ReportError } from './diag/errors.ts';
export type { Diagnostic, SourceSpan } from './diag/types.ts';
/** The caches of a build session (rebuilds, watch, bench): pass one to buildReport to keep them between builds. */
export { createBuildContext } from './util/buildContext.ts';
export type { BuildContext, CacheName } from './util/buildContext.ts';
