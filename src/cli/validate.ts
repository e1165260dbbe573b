/**
 * The front half of a build, and all of `check`: load → template → bind → fonts → chart plan (sandbox) →
 * images (decoded). Everything `build` can reject in the input is found here, so `check` and `build` share one
 * code path and report the same diagnostics with the same exit code. Nothing is laid out or written.
 */
import { performance } from 'node:perf_hooks';
import type { DiagnosticSink } from '../diag/sink.ts';
import { InternalError, isReportError } from '../diag/errors.ts';
import { loadReport } from '../load/index.ts';
import { loadTheme } from '../load/loadTheme.ts';
import { bindFigures } from '../bind/index.ts';
import { createFontStore } from '../fonts/fontStore.ts';
import { prepareImages } from '../images/prepareImages.ts';
import { chartFrameWidth } from './chartSetup.ts';
import { FONTS_DIR, TEMPLATES_DIR } from '../paths.ts';
import type { ChartJob } from '../charts/index.ts';
import type { PdfVariant } from '../pdf/writePdf.ts';
import { ReportError } from '../diag/errors.ts';

/** Where the input comes from; paths are resolved by the caller. */
export interface ValidateOptions {
  readonly contentDir: string;
  readonly templatesDir?: string;
  readonly fontsDir?: string;
  /** Folder for caches kept between builds (rendered charts, word shapes); none: memory only. */
  readonly cacheDir?: string;
  /** Which PDF is wanted (default screen); print also needs a CMYK value for every template colour. */
  readonly variant?: PdfVariant;
  /** Told when each stage starts and ends, and each page written (the CLI's progress display); never changes output. */
  readonly progress?: BuildProgress;
}

/** Listener for a build's progress. */
export interface BuildProgress {
  stage?(name: string, phase: 'start' | 'end', ms?: number): void;
  /** Pages drawn so far by the pdf stage. */
  page?(done: number, total: number): void;
}

/** `check` also draws the charts here (what only vega can reject); `build` draws them after layout. */
export interface ValidateSteps {
  readonly drawCharts?: boolean;
}

/** Milliseconds per stage, in run order (shared with the rest of the build). */
export type Timings = [string, number][];

/** Runs one stage and records its time (telling `progress` when it starts and ends). */
export async function timeStage<T>(timings: Timings, name: string, f: () => T | Promise<T>, progress?: BuildProgress): Promise<T> {
  progress?.stage?.(name, 'start');
  const t0 = performance.now();
  let r: T;
  try {
    r = await f();
  } catch (e) {
    // input problems pass through; anything else is our bug, reported with the stage it happened in
    throw isReportError(e) || e instanceof InternalError ? e : new InternalError(`the ${name} stage`, e);
  }
  const ms = performance.now() - t0;
  timings.push([name, ms]);
  progress?.stage?.(name, 'end', ms);
  return r;
}

/**
 * Validates a content folder with its template and fonts; throws a ReportError for content errors (warnings go to
 * the sink). Returns what the rest of the build continues from.
 */
export async function validateReport(opts: ValidateOptions, ctx: { diag: DiagnosticSink }, timings: Timings = [], steps: ValidateSteps = {}) {
  const timed = <T>(name: string, f: () => T | Promise<T>) => timeStage(timings, name, f, opts.progress);
  // 1. load and validate the content folder
  const source = await timed('load', () => loadReport(opts.contentDir, ctx));
  // 2. the template: all of the look
  const theme = await timed('theme', () => loadTheme(opts.templatesDir ?? TEMPLATES_DIR, source.meta.template));
  if (opts.variant === 'print' && theme.cmykProblems?.length) throw new ReportError(theme.cmykProblems);
  // 3. figures into prose, tables and chart data
  const bound = await timed('bind', () => bindFigures(source, ctx));
  // 4. the template's font files
  const fonts = await timed('fonts', () => createFontStore(opts.fontsDir ?? FONTS_DIR, theme.fonts));
  // 5. charts sandboxed and sized (drawn after layout); images decode in sharp's threads meanwhile
  const pendingImages = prepareImages(bound.images, bound.imageSpans, source.meta.limits);
  // An unawaited rejection would be reported as unhandled if the chart plan throws first.
  pendingImages.catch(() => undefined);
  const chartOptions = { theme: theme.chart, fonts, frameWidthPt: (s: 'column' | 'full') => chartFrameWidth(theme, s), cacheDir: opts.cacheDir };
  const job: ChartJob | undefined = bound.charts.length
    ? await timed('chart plan', async () => (await import('../charts/index.ts')).planCharts(bound.charts, chartOptions, ctx))
    : undefined;
  const images = await timed('images', () => pendingImages);
  if (steps.drawCharts && job) await timed('charts', () => job.render()); // the same promise build awaits later
  return { source, theme, bound, fonts, job, images };
}
