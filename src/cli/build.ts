/**
 * Runs the stages in order: validateReport (load → theme → bind → fonts → chart plan → images, all of `check`) → style → text → flow/pages →
 * charts (vega) → pdf. Each stage is timed (npm run bench prints them). The only loop is TOC stabilisation inside
 * layoutDocument (plus one relayout if a chart came out at another size than planned, which no known chart does).
 * Fatal input problems surface as ReportError; warnings collect in the sink.
 */
import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import { createSink, type DiagnosticSink } from '../diag/sink.ts';
import { resolveStyles } from '../style/index.ts';
import { createHyphenator, createLineBreaker } from '../text/index.ts';
import { layoutDocument } from '../pages/index.ts';
import { writePdf } from '../pdf/writePdf.ts';
import { lowResolutionImages } from '../pdf/resolution.ts';
import { svgFontKey } from './chartSetup.ts';
import { timeStage, validateReport, type Timings, type ValidateOptions } from './validate.ts';
import type { ChartAsset, ChartBox } from '../charts/types.ts';
import type { PagedDocument } from '../model/types.ts';
import type { SourceFile } from '../load/types.ts';

/** What a build needs; paths are resolved by the caller. */
export type BuildOptions = ValidateOptions;

/** Everything a build produced, in memory; the CLI decides what to write. */
export interface BuildResult {
  readonly pdf: Uint8Array;
  readonly document: PagedDocument;
  readonly charts: ReadonlyMap<string, ChartAsset>;
  readonly diagnostics: DiagnosticSink;
  readonly files: readonly SourceFile[];
  /** Milliseconds per stage, in run order. */
  readonly timings: readonly (readonly [string, number])[];
  readonly name: string;
}

/** Builds a report end to end and returns the PDF bytes plus what the CLI reports. */
export async function buildReport(opts: BuildOptions): Promise<BuildResult> {
  const diag = createSink();
  const timings: Timings = [];
  const timed = <T>(name: string, f: () => T | Promise<T>) => timeStage(timings, name, f, opts.progress);
  const ctx = { diag };
  // 1–4. everything `check` does: load, template, bind, fonts, chart plan (sandbox), images
  const { source, theme, bound, fonts, job, images } = await validateReport(opts, ctx, timings);
  // A composite chart (facet, concat) not in the cache is drawn first: only vega knows its size.
  let charts = job && !job.boxes ? await timed('charts', () => job.render()) : undefined;
  const boxes: ReadonlyMap<string, ChartBox> = job?.boxes ?? charts ?? new Map();
  // 5. style: blocks with resolved type, colour and spacing
  let sections = await timed('style', () => resolveStyles(bound, theme, boxes, images, fonts));
  // 6. text: hyphenation patterns and the paragraph line breaker
  const hyphenator = await timed('hyphenation', () => createHyphenator({ exceptions: source.meta.hyphenation?.exceptions }));
  const breaker = createLineBreaker({ fonts, hyphenator, diag });
  // Time spent breaking paragraphs inside layout (issue budget: ≤ 100 ms warm for the whole report).
  let breakingMs = 0;
  const breakLines: typeof breaker = (para, width) => {
    const t0 = performance.now();
    try {
      return breaker(para, width);
    } finally {
      breakingMs += performance.now() - t0;
    }
  };
  // 7. flow and pages, rerun until TOC page numbers are stable
  const layout = () => layoutDocument(sections, theme, { fonts, breakLines, gridPt: theme.text.body!.leading, maxPages: source.meta.limits?.pages }, { ...bound.meta }, ctx);
  let document = await timed('layout', layout);
  timings.push(['└ breaking', breakingMs]);
  // 8. the charts, drawn now that layout has shaped the text (their labels are measured with the same shaping cache);
  // laid out again in the unexpected case that one came out at another size than planned
  charts ??= job ? await timed('charts', () => job.render()) : new Map<string, ChartAsset>();
  if ([...charts.values()].some((c) => !sameSize(c, boxes.get(c.id)))) {
    sections = resolveStyles(bound, theme, charts, images, fonts);
    document = await timed('relayout', layout);
  }
  // The print shop needs 300 dpi at the placed size.
  if (opts.variant === 'print') for (const w of lowResolutionImages(document)) diag.push(w);
  // 9. the PDF
  const pdf = await timed('pdf', () =>
    writePdf(
      { ...document, fonts: fonts.files },
      {
        svgFontKey: (f, b, i) => svgFontKey(theme, f, b, i),
        shape: (text, k, features) => fonts.shape!(text, k, features),
        charts,
        variant: opts.variant,
        cmyk: theme.cmyk,
        onPage: opts.progress?.page,
      },
    ),
  );
  return { pdf, document, charts, diagnostics: diag, files: source.files, timings, name: basename(opts.contentDir) };
}

/** True when a drawn chart has the size layout planned for it (to a hundredth of a point). */
function sameSize(a: ChartBox, b: ChartBox | undefined): boolean {
  return !!b && Math.abs(a.widthPt - b.widthPt) < 0.01 && Math.abs(a.heightPt - b.heightPt) < 0.01;
}
