/**
 * The front half of a build, and all of `check`: load → template → bind → fonts → chart plan (sandbox) →
 * images (decoded). Everything `build` can reject in the input is found here, so `check` and `build` share one
 * code path and report the same diagnostics with the same exit code. Nothing is laid out or written.
 */
import { performance } from 'node:perf_hooks';
import type { DiagnosticSink } from '../diag/sink.ts';
import type { SourceSpan } from '../diag/types.ts';
import type { Limits } from '../spec/limits.ts';
import { InternalError, isReportError, ReportError } from '../diag/errors.ts';
import { loadReport } from '../load/index.ts';
import { loadTheme, themeRequestFor } from '../load/loadTheme.ts';
import type { ThemeEntry } from '../load/themeCache.ts';
import type { ReportSource } from '../load/types.ts';
import type { KnownFile } from '../load/readSources.ts';
import { localeData } from '../locale/index.ts';
import { createIntlCache, openIntlCache } from '../locale/intlCache.ts';
import { noLocaleWords } from '../diag/messages.ts';
import { bindFigures } from '../bind/index.ts';
import { createFontStore } from '../fonts/fontStore.ts';
import { fontFiles, sessionFontFiles } from '../fonts/fontFiles.ts';
import { checkCoverage, locatedTexts } from '../fonts/checkCoverage.ts';
import { coveredTexts } from '../fonts/coverageCache.ts';
import { prepareImages } from '../images/prepareImages.ts';
import { prestartedSvgSizes } from '../charts/renderInWorker.ts';
import { checkTables } from '../style/index.ts';
import { chartFrameWidth } from './chartSetup.ts';
import { FONTS_DIR, TEMPLATES_DIR } from '../paths.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { derived, derivedValues } from '../util/contentKeys.ts';
import type { ChartJob } from '../charts/index.ts';
import type { PdfVariant } from '../pdf/writePdf.ts';

/** Where the input comes from; paths are resolved by the caller. */
export interface ValidateOptions {
  readonly contentDir: string;
  readonly templatesDir?: string;
  readonly fontsDir?: string;
  /** Folder for caches kept between builds (rendered charts, word shapes); none: memory only. */
  readonly cacheDir?: string;
  /** Which PDF is wanted (default screen); print also needs a CMYK value for every template colour. */
  readonly variant?: PdfVariant;
  /** The caller exports the charts' PNGs (the CLI's build): a one-shot build's chart worker rasterises them too. */
  readonly chartPngs?: boolean;
  /** Told report.yaml's limits once it is read (the CLI's time limit re-arms with limits.seconds). */
  readonly onLimits?: (limits: Limits) => void;
  /** Told when each stage starts and ends, and each page written (the CLI's progress display); never changes output. */
  readonly progress?: BuildProgress;
}

/** Listener for a build's progress. */
export interface BuildProgress {
  stage?(name: string, phase: 'start' | 'end', ms?: number): void;
  /** Pages drawn so far by the pdf stage. */
  page?(done: number, total: number): void;
  /** Charts drawn so far by vega (those no cache holds). */
  chart?(done: number, total: number): void;
}

/** `check` also draws the charts here (what only vega can reject); `build` draws them after layout. */
export interface ValidateSteps {
  readonly drawCharts?: boolean;
  /** `check` also fits the tables here (TABLE002); `build` fits them in its style stage, with the same code. */
  readonly fitTables?: boolean;
  /** Charts no cache holds start rendering in a worker thread now (charts/renderInWorker.ts): a one-shot build's own (true) or a kept context's ('kept'). */
  readonly prefetchCharts?: boolean | 'kept';
  /** Called once the content has loaded without errors (a first build starts its chart worker then: cli/build.ts). */
  readonly afterLoad?: (source: ReportSource) => void;
  /** A kept build context (watch): packs bind writes are written after the rebuild has returned (util/diskCache.ts savePackSoon). */
  readonly writeSoon?: boolean;
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
export async function validateReport(opts: ValidateOptions, ctx: { diag: DiagnosticSink; build?: BuildContext }, timings: Timings = [], steps: ValidateSteps = {}) {
  const timed = <T>(name: string, f: () => T | Promise<T>) => timeStage(timings, name, f, opts.progress);
  // 1. load and validate the content folder
  const source = await timed('load', () => loadReport(opts.contentDir, { ...ctx, cacheDir: opts.cacheDir }));
  if (source.meta.limits) opts.onLimits?.(source.meta.limits);
  // once the content has loaded (most input errors stop a build before: it then exits without a thread to end)
  steps.afterLoad?.(source);
  // 2. the template: all of the look
  const themeCache = ctx.build && { memory: ctx.build.cache<ThemeEntry>('templates'), cacheDir: opts.cacheDir, known: ctx.build.cache<KnownFile>('knownFiles') };
  const theme = await timed('theme', () => loadTheme(opts.templatesDir ?? TEMPLATES_DIR, { ...themeRequestFor(source.meta, opts.contentDir), fontsDir: opts.fontsDir ?? FONTS_DIR }, themeCache));
  if (!localeData(source.meta.language)) ctx.diag.push(noLocaleWords(source.meta.language, source.meta.languageSpan));
  if (opts.variant === 'print' && theme.cmykProblems?.length) throw new ReportError(theme.cmykProblems);
  // 3. figures into prose, tables and chart data (Intl's texts kept by the context and, with a cache folder, on disk)
  const intlCache = ctx.build && openIntlCache(ctx.build, opts.cacheDir ? { cacheDir: opts.cacheDir, contentDir: opts.contentDir } : undefined);
  const intl = intlCache?.intl ?? createIntlCache();
  const bound = await timed('bind', () => bindFigures(source, { ...ctx, intl, cacheDir: opts.cacheDir, contentDir: opts.contentDir, writeSoon: steps.writeSoon }));
  // 4. the template's font files
  const fonts = await timed('fonts', () => {
    // the faces' hashes by their stat (kept in the session and the cache folder): their bytes are read when shaped
    const known = fontFiles(sessionFontFiles(ctx.build), opts.cacheDir);
    const store = createFontStore(opts.fontsDir ?? FONTS_DIR, theme.fonts, theme.fallback, ctx.build?.cache('fonts'), theme.fontFiles, theme.fontSpans, known);
    known.save();
    // every character of the content must have a face that draws it (never a .notdef box)
    const texts = new Map(source.files.map((f) => [f.path, f.text]));
    const located = (list: readonly unknown[]) =>
      list.flatMap((t) => (t && typeof t === 'object' && 'span' in t && 'value' in t && typeof t.value === 'string' ? [{ text: t.value, source: t.span as SourceSpan }] : []));
    const heads = [...located(Object.values(source.meta)), ...source.sections.flatMap((s) => located([s.label, s.title, s.shortTitle]))];
    // texts found drawable before by faces with the same bytes and fallbacks are not checked again
    // each bound section's texts are gathered once per session (a section bind kept is the same object)
    const values = ctx.build && derivedValues(ctx.build);
    const all = [...heads, ...bound.sections.flatMap((s) => derived(values, s, 'texts', () => locatedTexts(s)))];
    const disk = opts.cacheDir ? { cacheDir: opts.cacheDir, contentDir: opts.contentDir } : undefined;
    const covered = ctx.build && store.hashes ? coveredTexts(ctx.build, JSON.stringify([store.hashes, theme.fallback ?? null]), disk) : undefined;
    const missing = checkCoverage(all, store, (f) => texts.get(f), covered?.set);
    if (missing.length) throw new ReportError(missing);
    covered?.save(all.map((t) => t.text));
    return store;
  });
  // 4b. (check) every table fits its column (or is refused) by the style stage's own fitting
  if (steps.fitTables) {
    const tableErrors = await timed('tables', () => checkTables(bound, theme, fonts));
    if (tableErrors.length) throw new ReportError(tableErrors);
  }
  // 5. charts sandboxed and sized (drawn after layout); images decode in sharp's threads meanwhile
  // a first build's chart worker, started after load, read the SVGs' sizes with the sharp it loads for the charts' PNGs
  const svgSizes = ctx.build && prestartedSvgSizes(ctx.build);
  const pendingImages = prepareImages(bound.images, bound.imageSpans, source.meta.limits, ctx.build?.cache('images'), opts.cacheDir, svgSizes);
  // An unawaited rejection would be reported as unhandled if the chart plan throws first.
  pendingImages.catch(() => undefined);
  const chartOptions = { theme: theme.chart, fonts, frameWidthPt: (s: 'column' | 'full') => chartFrameWidth(theme, s), cacheDir: opts.cacheDir, build: ctx.build, onRendered: opts.progress?.chart?.bind(opts.progress), intl };
  const job: ChartJob | undefined = bound.charts.length
    ? await timed('chart plan', async () => (await import('../charts/index.ts')).planCharts(bound.charts, chartOptions, ctx))
    : undefined;
  if (steps.prefetchCharts) job?.prefetch(steps.prefetchCharts === 'kept' ? ctx.build : undefined, opts.chartPngs);
  intlCache?.save(); // after the last formatting (bind, the charts' text alternatives)
  const images = await timed('images', () => pendingImages);
  if (steps.drawCharts && job) await timed('charts', () => job.render()); // the same promise build awaits later
  return { source, theme, bound, fonts, job, images };
}
