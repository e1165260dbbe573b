import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isReportError, ReportError, UsageError } from '../diag/errors.ts';
import type { Diagnostic } from '../diag/types.ts';
import { createSink } from '../diag/sink.ts';
import { performance } from 'node:perf_hooks';
import { buildReport, type BuildResult } from './build.ts';
import { buildJson, summaryLine } from './buildSummary.ts';
import { createProgressDisplay, progressMode } from './progress.ts';
import { timeStage, validateReport, type ValidateOptions } from './validate.ts';
import { printDiagnostics } from './printDiagnostics.ts';
import { writeAtomic } from '../util/writeAtomic.ts';
import { zodLoaded } from '../spec/zod.ts';
import { outlinesLoaded } from '../fonts/shaper.ts';

interface BuildFlags {
  output?: string;
  chartsDir?: string;
  strict?: boolean;
  typoReport?: boolean;
  timings?: boolean;
  cacheDir?: string;
  /** False with --no-cache. */
  cache?: boolean;
  /** PDF/A-2a + PDF/UA-1 claims. */
  pdfa?: boolean;
  /** The print shop's variant. */
  print?: boolean;
  /** Print a machine-readable summary on stdout instead of the summary line (and no progress). */
  json?: boolean;
}

/** The variant the flags ask for; both at once is a usage error. */
function variantOf(o: BuildFlags): 'screen' | 'pdfa' | 'print' {
  if (o.pdfa && o.print) throw new UsageError('--pdfa and --print are different files: build them one at a time');
  return o.pdfa ? 'pdfa' : o.print ? 'print' : 'screen';
}

/** The build cache: --cache-dir, else .cache beside the output (out/.cache), or none with --no-cache. */
export function cacheDirFor(o: { cacheDir?: string; cache?: boolean }, output: string): string | undefined {
  if (o.cache === false) return undefined;
  return resolve(o.cacheDir ?? join(dirname(output), '.cache'));
}

/** `reportpress build`: writes the PDF atomically (never a half-written file) and the chart exports. */
export async function runBuild(contentDir: string, o: BuildFlags, onLimits?: ValidateOptions['onLimits']): Promise<void> {
  const variant = variantOf(o);
  const suffix = variant === 'screen' ? '' : `-${variant}`;
  const out = resolve(o.output ?? `out/${basename(resolve(contentDir))}${suffix}.pdf`);
  const t0 = performance.now();
  const mode = progressMode(process.stderr, process.env, !!o.json);
  const display = createProgressDisplay(mode === 'live' ? process.stderr : process.stdout, mode);
  let r: BuildResult;
  const files: string[] = [];
  try {
    r = await buildReport({ contentDir, cacheDir: cacheDirFor(o, out), variant, onLimits, progress: display, chartPngs: true });
    failOn(r.diagnostics.items, o.strict);
    await timeStage([], 'write', () => writeAtomic(out, r.pdf), display);
    files.push(out);
    if (r.charts.size) {
      const { writeChartFiles } = await import('../charts/index.ts');
      files.push(...(await writeChartFiles(r.charts, // beside the PDF by default (out/charts for out/report.pdf), not in the current directory
        resolve(o.chartsDir ?? join(dirname(out), 'charts')))));
    }
  } catch (e) {
    display.end(true);
    if (o.json && isReportError(e)) {
      process.stdout.write(`${JSON.stringify(buildJson({ ok: false, diagnostics: e.diagnostics, totalMs: performance.now() - t0 }), null, 2)}\n`);
    }
    throw e;
  }
  display.end();
  const warnings = r.diagnostics.items;
  if (warnings.length) printDiagnostics(warnings, contentDir);
  if (process.env.REPORTPRESS_BENCH_JSON) {
    // For npm run bench: stage times, CPU time (all threads) and peak memory of this process; and whether it loaded
    // zod (a next build whose files all come from the caches validates nothing: test/cli/nextBuild checks it does not)
    // and harfbuzzjs (glyph outlines, only for chart PNGs this thread rasterises)
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    await writeFile(process.env.REPORTPRESS_BENCH_JSON, JSON.stringify({ timings: r.timings, maxRssBytes: maxRSS * 1024, cpuMs: (userCPUTime + systemCPUTime) / 1000, pages: r.document.pages.length, zodLoaded: zodLoaded(), outlinesLoaded: outlinesLoaded() }));
  }
  if (o.timings) for (const [name, ms] of r.timings) process.stderr.write(`${name.padEnd(12)} ${ms.toFixed(1)} ms\n`);
  if (o.typoReport) {
    const { formatTypoReport } = await import('../pages/typoReport.ts');
    process.stdout.write(formatTypoReport(r.document));
  }
  const pages = r.document.pages.length;
  const totalMs = performance.now() - t0;
  if (o.json) {
    const json = buildJson({ ok: true, diagnostics: warnings, timings: r.timings, totalMs, output: out, pages, bytes: r.pdf.length, files });
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else process.stdout.write(`${summaryLine(out, pages, r.pdf.length, warnings.length, totalMs)}\n`);
}

/** Throws (exit 1, nothing written) on errors, or on warnings with --strict; prints nothing itself. */
function failOn(items: readonly Diagnostic[], strict?: boolean): void {
  if (!items.length) return;
  if (strict || items.some((d) => d.severity === 'error')) {
    throw new ReportError(items.map((d) => ({ ...d, severity: 'error' as const })));
  }
}

/** `reportpress check`: the front half of build (validateReport), charts drawn in memory; writes nothing. */
export async function runCheck(contentDir: string, o: { strict?: boolean; print?: boolean }, onLimits?: ValidateOptions['onLimits']): Promise<void> {
  const diag = createSink();
  const { source } = await validateReport({ contentDir, variant: o.print ? 'print' : 'screen', onLimits }, { diag }, [], { drawCharts: true, fitTables: true });
  report(diag.items, o.strict, contentDir);
  const warnings = diag.items.filter((d) => d.severity === 'warning').length;
  process.stdout.write(`ok: ${source.sections.length} sections, ${source.files.length} files checked, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
}

/** `reportpress charts`: renders every chart of the report as SVG and PNG (after the same validation as build). */
export async function runCharts(contentDir: string, o: { output: string; cacheDir?: string; cache?: boolean }, onLimits?: ValidateOptions['onLimits']): Promise<void> {
  const diag = createSink();
  const cacheDir = cacheDirFor(o, resolve(o.output));
  const { job } = await validateReport({ contentDir, cacheDir, onLimits }, { diag });
  const { writeChartFiles, writeVegaCodeCache } = await import('../charts/index.ts');
  const charts = job ? await job.render() : new Map();
  // scripts/compile.mjs runs this command once to make dist/vega.cjs's code cache from a real render.
  if (process.env.REPORTPRESS_WRITE_VEGA_CODE_CACHE) writeVegaCodeCache();
  report(diag.items, false, contentDir);
  await writeChartFiles(charts, resolve(o.output));
  process.stdout.write(`wrote ${charts.size} charts to ${resolve(o.output)}\n`);
}

/** Prints warnings; with --strict they become errors (exit 1, nothing written). */
function report(items: readonly Diagnostic[], strict: boolean | undefined, contentDir: string): void {
  if (!items.length) return;
  if (strict || items.some((d) => d.severity === 'error')) {
    throw new ReportError(items.map((d) => ({ ...d, severity: 'error' as const })));
  }
  printDiagnostics(items, contentDir);
}
