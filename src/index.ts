/** Public API: the same build the CLI runs. */
export { buildReport } from './cli/build.ts';
export type { BuildOptions, BuildResult } from './cli/build.ts';
export { isReportError, ReportError } from './diag/errors.ts';
export type { Diagnostic, SourceSpan } from './diag/types.ts';
/** The caches of a build session (rebuilds, watch, bench): pass one to buildReport to keep them between builds. */
export { createBuildContext } from './util/buildContext.ts';
export type { BuildContext, CacheName } from './util/buildContext.ts';
/** The loop behind `reportpress watch` and `preview` (npm run bench times its rebuilds). */
export { startWatch } from './watch/watchLoop.ts';
export type { Rebuild, WatchHandle, WatchOptions } from './watch/watchLoop.ts';
