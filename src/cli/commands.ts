import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ReportError, UsageError } from '../diag/errors.ts';
import type { Diagnostic } from '../diag/types.ts';
import { createSink } from '../diag/sink.ts';
import { buildReport } from './build.ts';
import { validateReport } from './validate.ts';
import { printDiagnostics } from './printDiagnostics.ts';
import { writeAtomic } from '../util/writeAtomic.ts';

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
export async function runBuild(contentDir: string, o: BuildFlags): Promise<void> {
  const variant = variantOf(o);
  const suffix = variant === 'screen' ? '' : `-${variant}`;
  const out = resolve(o.output ?? `out/${basename(resolve(contentDir))}${suffix}.pdf`);
  const r = await buildReport({ contentDir, cacheDir: cacheDirFor(o, out), variant });
  report(r.diagnostics.items, o.strict);
  await writeAtomic(out, r.pdf);
  if (r.charts.size) {
    const { writeChartFiles } = await import('../charts/index.ts');
    await writeChartFiles(r.charts, resolve(o.chartsDir ?? 'out/charts'));
  }
  if (process.env.REPORTPRESS_BENCH_JSON) {
    // For npm run bench: stage times and peak memory of this process.
    const rss = process.resourceUsage().maxRSS * 1024;
    await writeFile(process.env.REPORTPRESS_BENCH_JSON, JSON.stringify({ timings: r.timings, maxRssBytes: rss, pages: r.document.pages.length }));
  }
  if (o.timings) for (const [name, ms] of r.timings) process.stderr.write(`${name.padEnd(12)} ${ms.toFixed(1)} ms\n`);
  if (o.typoReport) {
    const { formatTypoReport } = await import('../pages/typoReport.ts');
    process.stdout.write(formatTypoReport(r.document));
  }
  process.stdout.write(`wrote ${out} (${r.document.pages.length} pages, ${(r.pdf.length / 1024).toFixed(0)} KiB)\n`);
}

/** `reportpress check`: the front half of build (validateReport), charts drawn in memory; writes nothing. */
export async function runCheck(contentDir: string, o: { strict?: boolean; print?: boolean }): Promise<void> {
  const diag = createSink();
  const { source } = await validateReport({ contentDir, variant: o.print ? 'print' : 'screen' }, { diag }, [], { drawCharts: true });
  report(diag.items, o.strict);
  process.stdout.write(`ok: ${source.sections.length} sections, ${source.files.length} files checked\n`);
}

/** `reportpress charts`: renders every chart of the report as SVG and PNG (after the same validation as build). */
export async function runCharts(contentDir: string, o: { output: string; cacheDir?: string; cache?: boolean }): Promise<void> {
  const diag = createSink();
  const cacheDir = cacheDirFor(o, resolve(o.output));
  const { job } = await validateReport({ contentDir, cacheDir }, { diag });
  const { writeChartFiles, writeVegaCodeCache } = await import('../charts/index.ts');
  const charts = job ? await job.render() : new Map();
  // scripts/compile.mjs runs this command once to make dist/vega.cjs's code cache from a real render.
  if (process.env.REPORTPRESS_WRITE_VEGA_CODE_CACHE) writeVegaCodeCache();
  report(diag.items, false);
  await writeChartFiles(charts, resolve(o.output));
  process.stdout.write(`wrote ${charts.size} charts to ${resolve(o.output)}\n`);
}

/** Prints warnings; with --strict they become errors (exit 1, nothing written). */
function report(items: readonly Diagnostic[], strict?: boolean): void {
  if (!items.length) return;
  if (strict || items.some((d) => d.severity === 'error')) {
    throw new ReportError(items.map((d) => ({ ...d, severity: 'error' as const })));
  }
  printDiagnostics(items);
}
