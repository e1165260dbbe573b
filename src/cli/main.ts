/**
 * The reportpress command line: build, check, charts. Exit codes: 0 ok, 1 content errors
 * (printed with file:line:column, never a stack trace), 2 usage errors, 70 internal errors.
 */
import { Command, CommanderError } from 'commander';
import { relative, resolve } from 'node:path';
import { InternalError, isReportError, UsageError } from '../diag/errors.ts';
import { DEFAULT_CONTENT_DIR } from '../paths.ts';
import { printDiagnostics } from './printDiagnostics.ts';
import { startWatchdog } from './watchdog.ts';
import { registerDeskCommands } from './deskCommands.ts';

/** The content folder of the running command: diagnostics print paths relative to it, an internal error names it. */
let contentDir: string | undefined;
const inContent = (dir: string): string => (contentDir = resolve(dir));
/** The commands and the stages behind them, loaded when a command runs: `--help` and usage errors load none. */
const commands = () => import('./commands.ts');

const program = new Command();
program.name('reportpress').description('YAML content + figures + Vega-Lite charts → print-grade PDF report').exitOverride();

program
  .command('build')
  .description('build the PDF (and out/charts/) from a content folder')
  .argument('[content-dir]', 'content folder', DEFAULT_CONTENT_DIR)
  .option('-o, --output <file>', 'PDF file to write (default: out/<folder name>.pdf)')
  .option('--charts-dir <dir>', 'where to write chart SVG/PNG files (default: charts/ beside the PDF)')
  .option('--strict', 'treat warnings as errors')
  .option('--typo-report', 'print the typographic report (lines, hyphens, widows, word spacing)')
  .option('--timings', 'print the time of each stage')
  .option('--cache-dir <dir>', 'where rendered charts are kept between builds (default: .cache beside the PDF)')
  .option('--no-cache', 'use and keep no caches: render and shape everything again')
  .option('--pdfa', 'archival variant: PDF/A-2a that also claims PDF/UA-1 (default file: out/<folder name>-pdfa.pdf)')
  .option('--print', 'print-shop variant: bleed, crop marks, page boxes, DeviceCMYK, FOGRA39 intent, no links (out/<folder name>-print.pdf)')
  .option('--json', 'print a machine-readable summary (pages, warnings with positions, timings, files) on stdout')
  .action(async (dir: string, o) => timeLimited(async (limit) => (await commands()).runBuild(inContent(dir), o, limit)));

program
  .command('check')
  .description('validate content, figures and template without writing anything')
  .argument('[content-dir]', 'content folder', DEFAULT_CONTENT_DIR)
  .option('--strict', 'treat warnings as errors')
  .option('--print', 'also check what the print variant needs (a CMYK value for every template colour)')
  .action(async (dir: string, o) => timeLimited(async (limit) => (await commands()).runCheck(inContent(dir), o, limit)));

program
  .command('charts')
  .description('render every chart as SVG and PNG')
  .argument('[content-dir]', 'content folder', DEFAULT_CONTENT_DIR)
  .option('-o, --output <dir>', 'output folder', 'out/charts')
  .option('--cache-dir <dir>', 'where rendered charts are kept between runs (default: .cache beside the output folder)')
  .option('--no-cache', 'render every chart again and keep nothing')
  .action(async (dir: string, o) => timeLimited(async (limit) => (await commands()).runCharts(inContent(dir), o, limit)));

registerDeskCommands(program);

/** Set by a one-shot command (build, check, charts): the process ends as soon as it has (endOneShot). */
let oneShot = false;

/** Runs a command under the build's time limit (default until report.yaml's limits.seconds is read). */
async function timeLimited(run: (onLimits: (l: { seconds: number }) => void) => Promise<void>): Promise<void> {
  oneShot = true;
  const dog = startWatchdog();
  try {
    await run((l) => dog.limit(l.seconds));
  } finally {
    dog.stop();
  }
}

// No top-level await: scripts/compile.mjs bundles this as CommonJS (loaded with a code cache by launch.ts).
program
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.exitCode = exitCodeFor(e);
  })
  .then(endOneShot);

/**
 * Ends a one-shot command's process once its output has reached stdout and stderr. Everything it writes is awaited
 * by then (PDF, charts, caches); letting the process run down instead waits for V8 to finish a garbage collection
 * it started, joins the worker threads and tears down the heap: ≈ 20–30 ms of a 0.35 s cached build here.
 * Not while the launcher makes the code cache (REPORTPRESS_WRITE_CLI_CODE_CACHE): it runs the command again then.
 */
function endOneShot(): void {
  if (!oneShot || process.env.REPORTPRESS_WRITE_CLI_CODE_CACHE) return;
  // a write's callback runs once everything queued before it is written (a pipe is asynchronous on macOS)
  let open = 2;
  const done = () => --open === 0 && process.exit();
  process.stdout.write('', done);
  process.stderr.write('', done);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    return 2;
  }
  if (isReportError(e)) {
    printDiagnostics(e.diagnostics, contentDir);
    return 1;
  }
  // A bug of ours: one line naming what was being processed; the stack only on request.
  const folder = contentDir ? `${relative(process.cwd(), contentDir) || '.'}` : undefined;
  const input = e instanceof InternalError ? ` while processing ${e.input}${folder ? ` of ${folder}` : ''}` : folder ? ` while processing ${folder}` : '';
  const cause = e instanceof InternalError ? e.cause : e;
  const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  process.stderr.write(`internal error (please report)${input}: ${message}\n`);
  if (process.env.REPORTPRESS_DEBUG) process.stderr.write(`${cause instanceof Error ? cause.stack : ''}\n`);
  else process.stderr.write('  = note: run with REPORTPRESS_DEBUG=1 to print the stack trace\n');
  return 70;
}
