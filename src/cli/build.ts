/**
 * Runs the stages in order: validateReport (load → theme → bind → fonts → chart plan → images, all of `check`) → style → text → flow/pages →
 * charts (vega) → pdf. Each stage is timed (npm run bench prints them). The only loop is TOC stabilisation inside
 * layoutDocument (plus one relayout if a chart came out at another size than planned, which no known chart does).
 * Fatal input problems surface as ReportError; warnings collect in the sink.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { basename, join } from 'node:path';
import { createSink, type DiagnosticSink } from '../diag/sink.ts';
import { narrowSpan } from '../diag/narrowSpan.ts';
import type { SourceSpan } from '../diag/types.ts';
import { referencedIds, resolveStyles, themeTypography } from '../style/index.ts';
import { refsUnstable } from '../diag/messages.ts';
import { createHyphenator, createLineBreaker, createLineDiskCache } from '../text/index.ts';
import { createSectionCache, type CachedPart, type PagePartKeys, type SectionFlow } from '../flow/index.ts';
import { anchorPages, layoutDocument, MAX_PASSES } from '../pages/index.ts';
import { lowResolutionImages } from '../pdf/resolution.ts';
import { PRINT_SHEET } from '../pdf/printSheet.ts';
import { printRasters } from '../images/printRaster.ts';
import { svgFontKey } from './chartSetup.ts';
import { createBuildContext, memo, trimToRecent, type BuildContext, type CacheName } from '../util/buildContext.ts';
import { derived, outputMemo, type DerivedValues } from '../util/contentKeys.ts';
import { openPack, packedMap, savePack, savePackSoon } from '../util/diskCache.ts';
import type { CachedPage, SvgDrawing } from '../pdf/pageStreams.ts';
import type { PdfOptions } from '../pdf/writePdf.ts';
import type { PartKeyMemo } from '../pdf/partKeys.ts';
import type { KeptRuns } from '../pdf/keptRuns.ts';
import { createInternMemo, internPages, type InternMemo } from '../pdf/internPages.ts';
import type { EmbeddedProgram } from '../pdf/embedCidFont.ts';
import type { FontTables } from '../pdf/fontTables.ts';
import type { FontFacts } from '../pdf/lazyFont.ts';
import { timeStage, validateReport, type Timings, type ValidateOptions } from './validate.ts';
import { endPrestarted, prestartChartWorker, sendSvgsToPrestarted } from '../charts/renderInWorker.ts';
import { svgImages } from '../charts/svgSizeInWorker.ts';
import type { ChartAsset, ChartBox } from '../charts/types.ts';
import type { PagedDocument } from '../model/types.ts';
import type { SourceFile } from '../load/types.ts';
import { passageLanguages } from '../style/passageLanguages.ts';
import { styleStore, themeKey } from '../style/styleCache.ts';
import { openIntlCache } from '../locale/intlCache.ts';
import type { StyledBlockEntry } from '../style/blockCache.ts';
import { noHyphenation } from '../diag/messages.ts';

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

/**
 * Builds a report end to end and returns the PDF bytes plus what the CLI reports. Every cache lives in `session`
 * (keyed by content): a watcher or a test passes one context to rebuild fast; without one nothing is shared.
 */
export async function buildReport(opts: BuildOptions, given?: BuildContext): Promise<BuildResult> {
  const session = given ?? createBuildContext();
  // The caches that only pay in a later build (flowed sections, page streams, font programs) are kept when the caller
  // keeps the context (watch, preview, tests) or, but for parsed fonts, on disk in the cache folder for the next
  // process (util/diskCache.ts: one pack per content folder and variant); otherwise a build skips their keys and records.
  const pack = opts.cacheDir ? openPack(opts.cacheDir, JSON.stringify([opts.contentDir, opts.variant ?? 'screen']), session.cache('packs')) : undefined;
  const reuse = given !== undefined || pack !== undefined;
  const kept = <V>(name: CacheName, keepUnused = 0): { entries: Map<string, V>; used?: Set<string> } => (pack ? packedMap<V>(pack, name, keepUnused) : { entries: session.cache<V>(name) });
  const diag = createSink();
  const timings: Timings = [];
  const timed = <T>(name: string, f: () => T | Promise<T>) => timeStage(timings, name, f, opts.progress);
  const ctx = { diag, build: session };
  // 1–4. everything `check` does: load, template, bind, fonts, chart plan (sandbox), images
  // The charts no cache holds render in a worker meanwhile: a one-shot build's own, or the kept context's (watch,
  // preview), which keeps vega and its compiled specs loaded between rebuilds.
  // A first build (no chart renders in a cache folder) starts its chart worker before the content loads, so that the
  // thread's start, ICU's and sharp's (charts/workerEntry.ts) overlap the loading, and vega's the template, binding and
  // fonts; a build whose charts may all be cached does not (it would be wasted). An input error exits without it.
  const prestart = given === undefined && (!opts.cacheDir || !existsSync(join(opts.cacheDir, 'charts')));
  if (prestart) prestartChartWorker(session);
  let validated;
  try {
    validated = await validateReport(opts, ctx, timings, { prefetchCharts: given === undefined ? true : 'kept', writeSoon: given !== undefined, afterLoad: prestart ? (source) => sendSvgsToPrestarted(session, svgImages(source.images)) : undefined });
  } finally {
    endPrestarted(session); // taken by the chart job when a chart missed the caches
  }
  const { source, theme, bound, fonts, job, images } = validated;
  // A composite chart (facet, concat) not in the cache is drawn first: only vega knows its size.
  let charts = job && !job.boxes ? await timed('charts', () => job.render()) : undefined;
  const boxes: ReadonlyMap<string, ChartBox> = job?.boxes ?? charts ?? new Map();
  // 5. style: blocks with resolved type, colour and spacing (page references: pages of the previous pass)
  let refs = { pages: new Map<string, number>() as ReadonlyMap<string, number> };
  // styled sections by content: a rebuild, and a page-reference pass, restyle only the sections that changed
  const styles = Object.assign(styleStore(session, opts.cacheDir, opts.contentDir), { blocks: session.cache<StyledBlockEntry>('styledBlocks') });
  // the keys stages note against their outputs, so the next stage keys by them (util/contentKeys.ts)
  const outputs = outputMemo(session);
  const keys = outputs.keys;
  // the typography rules compiled once per session and language; month names from the cached template, or for
  // another language's sections from Intl's texts kept with the content folder's (locale/intlCache.ts)
  const intl = openIntlCache(session, opts.cacheDir ? { cacheDir: opts.cacheDir, contentDir: opts.contentDir } : undefined);
  const typography = themeTypography(theme, session.cache('typography'), intl.intl);
  let sections = await timed('style', () => resolveStyles(bound, theme, boxes, images, fonts, refs, styles, outputs, typography));
  // 6. text: hyphenation patterns and the paragraph line breaker
  const passages = passageLanguages(sections, source.meta.language, outputs.values);
  const hyphenator = await timed('hyphenation', () =>
    createHyphenator(
      { language: source.meta.language, exceptions: source.meta.hyphenation?.exceptions, others: [...passages.keys()], otherExceptions: source.meta.hyphenation?.languages },
      session.cache('hyphenators'),
    ),
  );
  // said once per build and language: a language without patterns is set without hyphenation (at its first passage)
  for (const tag of hyphenator.missing ?? []) diag.push(noHyphenation(tag, tag === source.meta.language ? source.meta.languageSpan : passages.get(tag)));
  const texts = new Map(source.files.map((f) => [f.path, f.text]));
  const locate = (span: SourceSpan, word: string) => narrowSpan(span, word, (f) => texts.get(f));
  const disk = opts.cacheDir ? createLineDiskCache(opts.cacheDir, session.cache('packs')) : undefined;
  // Flowed sections by content; what every section shares: template, font bytes, hyphenation, page limit.
  const sectionScope = reuse ? JSON.stringify([fonts.hashes ?? null, hyphenator.id ?? null, themeKey(theme, keys), source.meta.limits?.pages ?? null]) : '';
  const flows = kept<SectionFlow>('sectionFlows');
  // composed boxes, furniture, TOC and cover: on disk too, so a next process shapes none of them again; the boxes
  // of sections whose flow was a hit are not asked for, and are kept for the edit that reaches them
  const parts = kept<CachedPart>('layoutParts', MAX_UNUSED_PARTS);
  // the keys layout notes for finished pages' parts, and the hash the PDF stage found for each (pdf/partKeys.ts)
  const pageKeys = memo(session.cache<WeakMap<object, PagePartKeys>>('pageKeys'), 'pages', () => new WeakMap());
  const partHashes = kept<string>('partHashes');
  // a kept session notes the sections this build used, to drop superseded versions after layout (trimToRecent)
  const flowsUsed = flows.used ?? (given ? new Set<string>() : undefined);
  const { cache: sectionFlows, lineDiag } = createSectionCache(flows.entries, sectionScope, diag, flowsUsed, keys, reuse ? parts.entries : undefined, reuse ? outputs.values : undefined, parts.used, reuse ? session.cache<unknown>('sectionFills') : undefined, reuse ? pageKeys : undefined);
  const breaker = createLineBreaker({ fonts, hyphenator, diag: lineDiag, locate }, { words: session.cache('words'), lines: session.cache('lines'), disk });
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
  // each layout's warnings are kept apart and only the final layout's are reported (passes would repeat them)
  let layoutWarnings = createSink();
  const layout = () => {
    layoutWarnings = createSink();
    const env = { fonts, breakLines, gridPt: theme.text.body!.leading, maxPages: source.meta.limits?.pages, maxPagesSpan: source.meta.pagesLimitSpan, qrCodes: session.cache<string>('qrCodes'), ...(reuse && fonts.hashes && { sections: sectionFlows }) };
    return layoutDocument(sections, theme, env, { ...bound.meta }, { diag: layoutWarnings });
  };
  let document = await timed('layout', layout);
  // 7b. page references ("zie pagina 12"): style and lay out again until every target is on the page the text
  // says (the TOC loop's idea one level up: a reference's own width can move its target); max MAX_PASSES
  const refIds = referencedIds(bound, outputs.values);
  for (let pass = 1; refIds.size > 0; pass++) {
    const found = anchorPages(document, (page, what, read) => derived(outputs.values, page, what, read));
    if ([...refIds].every((id) => found.get(id) === refs.pages.get(id))) break;
    if (pass >= MAX_PASSES) {
      diag.push(refsUnstable(MAX_PASSES));
      break;
    }
    refs = { pages: found };
    sections = resolveStyles(bound, theme, boxes, images, fonts, refs, styles, outputs, typography);
    document = await timed('layout', layout);
  }
  timings.push(['└ breaking', breakingMs]);
  if (given && flowsUsed) trimToRecent(flows.entries, flowsUsed, SECTION_VERSIONS);
  // a kept session hands on the previous build's page and item objects where they are equal (pdf/internPages.ts),
  // so the PDF stage's part keys and items' JSON, kept by identity, find them
  const interned = given && fonts.hashes ? memo(session.cache<InternMemo>('internedPages'), 'pages', createInternMemo) : undefined;
  const intern = (d: PagedDocument) => (interned ? internPages(d, interned, (from, to) => pageKeys.get(from) && pageKeys.set(to, pageKeys.get(from)!)) : d);
  document = intern(document);
  disk?.save();
  // 8. the charts, drawn now that layout has shaped the text (their labels are measured with the same shaping cache);
  // laid out again in the unexpected case that one came out at another size than planned
  // what the PDF stage keys page parts with (pdf/partKeys.ts), kept by the session
  const keyMemos = reuse && fonts.hashes ? { itemJson: memo(session.cache<WeakMap<object, string>>('itemJson'), 'items', () => new WeakMap()), partKeys: memo(session.cache<PartKeyMemo>('partKeys'), 'parts', () => new WeakMap()), trustedParts: { pages: pageKeys, hashes: partHashes.entries, used: partHashes.used }, ...(given && { keptRuns: memo(session.cache<KeptRuns>('keptRuns'), 'runs', () => new WeakMap()) }) } : undefined;
  const subsets = kept<EmbeddedProgram>('pdfSubsets');
  const facts = kept<FontFacts>('pdfFontFacts');
  const streams = kept<CachedPage>('pageStreams');
  const drawings = kept<SvgDrawing>('svgDrawings', 64); // looked at by pages that miss: kept for the next edit
  const pdfOptions = (got: Pick<PdfOptions, 'charts' | 'chartsLater'>): PdfOptions => ({
    svgFontKey: (f, b, i) => svgFontKey(theme, f, b, i),
    shape: (text, k, features) => fonts.shape!(text, k, features),
    ...got,
    variant: opts.variant,
    cmyk: theme.cmyk,
    onPage: opts.progress?.page,
    profiles: session.cache<Uint8Array>('pdfProfiles'),
    // the bytes the font store read for shaping (a first build), so the PDF stage does not read the files again
    fontBytes: (key) => fonts.readBytes?.(key),
    fontCache: reuse && fonts.hashes ? { hashes: fonts.hashes, parsed: session.cache<object>('pdfFonts'), facts: facts.entries, usedFacts: facts.used, encoded: subsets.entries, used: subsets.used, ...(given && { tables: session.cache<FontTables>('pdfFontTables') }) } : undefined,
    // what decides a page's stream besides its items: font bytes, chart faces, print colours
    pageCache: keyMemos ? { entries: streams.entries, used: streams.used, drawings: drawings.entries, usedDrawings: drawings.used, scope: JSON.stringify([fonts.hashes, theme.chart.fontKeys, [...(theme.cmyk ?? [])]]), ...keyMemos, streamKeys: memo(session.cache<Map<string, Map<string, string>>>('pageStreamKeys'), 'keys', () => new Map()) } : undefined,
  });
  // while the chart worker runs vega (a figures edit, a build without caches; not when every chart is cached), the main
  // thread starts the PDF: the pages before the first chart are drawn (writePdf waits for the charts there), then,
  // with a page cache, the other text parts' keys are found for it (pdf/prefetchKeys.ts); print pages are new objects made in the PDF stage (printPage), so print waits as before
  // (its charts are handed over in the pdf stage, so the rest is drawn there; never, when they fail or change size)
  let early: { pdf: Promise<Uint8Array>; go(c: ReadonlyMap<string, ChartAsset>): void } | undefined;
  if (!charts && job?.inWorker() && opts.variant !== 'print') {
    const { writePdf } = await import('../pdf/writePdf.ts');
    const laid = document;
    let go!: (c: ReadonlyMap<string, ChartAsset>) => void;
    const chartsLater = new Promise<ReadonlyMap<string, ChartAsset>>((resolve) => (go = resolve));
    await timed('pdf before charts', () => (early = { pdf: writePdf({ ...laid, fonts: fonts.files }, pdfOptions({ chartsLater })), go }));
    early!.pdf.catch(() => undefined); // a failure is reported where the pdf stage awaits it
    if (keyMemos) await timed('part keys', async () => (await import('../pdf/prefetchKeys.ts')).prefetchPartKeys(laid.pages, keyMemos));
  }
  charts ??= job ? await timed('charts', () => job.render()) : new Map<string, ChartAsset>();
  if ([...charts.values()].some((c) => !sameSize(c, boxes.get(c.id)))) {
    sections = resolveStyles(bound, theme, charts, images, fonts, refs, styles, outputs, typography);
    document = intern(await timed('relayout', layout));
    early = undefined; // drawn for the first layout: left unfinished
  }
  // a kept context (watch) writes the styled sections after the rebuild has returned, as the disk pack does
  if (given) setTimeout(() => (styles.save(), intl.save()), 0).unref();
  else {
    styles.save();
    intl.save(); // month names another language's section asked for
  }
  for (const w of layoutWarnings.items) diag.push(w);
  // The print shop needs 300 dpi at the placed size.
  if (opts.variant === 'print') for (const w of lowResolutionImages(document)) diag.push(w);
  // 9. the PDF; pdfkit (with its fontkit, zlib and crypto dependencies) loads only here, so `check`, `charts` and
  // `--help` never load it. print: raster images first separated into CMYK through the press profile, padded for bleed
  const placed = opts.variant === 'print' ? () => printRasters(document, PRINT_SHEET.bleed, session.cache('printImages')) : async () => document;
  const pdf = await timed('pdf', async () => (early ? (early.go(charts!), early.pdf) : (await import('../pdf/writePdf.ts')).writePdf({ ...(await placed()), fonts: fonts.files }, pdfOptions({ charts }))));
  // a watcher's rebuild is waited for: its pack is written after the PDF (coalesced over a burst of rebuilds)
  if (pack && given) savePackSoon(pack);
  else if (pack) await timed('cache write', () => savePack(pack));
  return { pdf, document, charts, diagnostics: diag, files: source.files, timings, name: basename(opts.contentDir) };
}

/** Layout parts a pack keeps beyond those a build used (about every box of a 10× report). */
const MAX_UNUSED_PARTS = 4000;
/** Flowed sections a kept session holds per section the last build used: the current one and two earlier versions. */
const SECTION_VERSIONS = 3;

/** True when a drawn chart has the size layout planned for it (to a hundredth of a point). */
function sameSize(a: ChartBox, b: ChartBox | undefined): boolean {
  return !!b && Math.abs(a.widthPt - b.widthPt) < 0.01 && Math.abs(a.heightPt - b.heightPt) < 0.01;
}
