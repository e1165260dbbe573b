/**
 * load: reads a content folder into a ReportSource.
 * In: the content folder. Out: metadata, sections with every string's span, figures.yaml and chart specs as
 * LocatedJson, image bytes, and the text of every file read (for code frames).
 * Invariants: reads only files inside the content folder; reports all problems at once (ReportError);
 * never interprets figures or {references} (bind does).
 */
import type { DiagnosticSink } from '../diag/sink.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import { ReportFileSchema, type ReportFile } from '../spec/report.ts';
import { FiguresFileSchema } from '../spec/figures.ts';
import type { ReportMeta, ReportSource, SectionSource } from './types.ts';
import type { SourceSpan } from '../diag/types.ts';
import type { Limits } from '../spec/limits.ts';
import type { LoadContext, ParsedFile } from './loadContext.ts';
import { recorded, recordStore } from './loadRecords.ts';
import { loadSection } from './loadSection.ts';
import { jsValue, toLocatedJson } from './locatedJson.ts';
import { keyNodeAt, nodeAt, spanOf, type ParsedYaml } from './parseYaml.ts';
import { textAt } from './loadBlocks.ts';
import { validate } from './validate.ts';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { contentKeys } from '../util/contentKeys.ts';
import type { KnownFile } from './readSources.ts';

/** Loads and validates report.yaml, its sections, figures.yaml, chart specs and images. */
export async function loadReport(contentDir: string, ctx: { diag: DiagnosticSink; build?: BuildContext; cacheDir?: string }): Promise<ReportSource> {
  const yaml = ctx.build?.cache<ParsedFile>('yaml');
  const records = ctx.build && recordStore(ctx.build, ctx.cacheDir, contentDir);
  const lc: LoadContext = {
    root: contentDir, errors: [], files: [], images: new Map(), imageSpans: new Map(), diag: ctx.diag, limits: DEFAULT_LIMITS, texts: new Map(), realDirs: new Map(), specs: new Map(),
    ...(yaml && { yaml, yamlLatest: ctx.build!.cache<ParsedFile>('yamlLatest') }), ...(records && { records, keys: contentKeys(ctx.build!) }), ...(ctx.build && { known: ctx.build.cache<KnownFile>('knownFiles') }),
  };
  // 1. report.yaml
  const head = await recorded(lc, 'report.yaml', undefined, 'report', (rp) => reportHead(lc, rp));
  if (!head) throw new ReportError(lc.errors);
  if (head.limits) lc.limits = head.limits;
  // 2. sections, in order; a file listed twice is an error
  const sections: SectionSource[] = [];
  const seen = new Set<string>();
  for (const [i, path] of head.sections.entries()) {
    const span = head.sectionSpans[i];
    if (seen.has(path)) lc.errors.push(messages.duplicateSection(path, span));
    seen.add(path);
    const s = await loadSection(lc, path, span);
    if (s) sections.push(s);
  }
  // 3. figures.yaml: only its outline is validated here; bind reads the figures themselves
  const figures = await recorded(lc, head.figures, head.figuresSpan, 'figures', (fp) => {
    // one conversion serves the outline check and the LocatedJson (zod does not change its input)
    const json = toLocatedJson(fp);
    lc.errors.push(...validate(FiguresFileSchema, json.value, fp).errors);
    return json;
  });
  records?.save();
  // 4. everything or nothing
  if (lc.errors.length || !figures || !head.meta) throw new ReportError(lc.errors);
  return { meta: head.meta, sections, figures, images: lc.images, imageSpans: lc.imageSpans, files: lc.files };
}

/** What report.yaml says: its metadata (when valid), the files it names and where it names them. */
interface ReportHead {
  readonly meta?: ReportMeta;
  readonly limits?: Limits;
  readonly sections: readonly string[];
  readonly sectionSpans: readonly SourceSpan[];
  readonly figures: string;
  readonly figuresSpan: SourceSpan;
}

function reportHead(lc: LoadContext, rp: ParsedYaml): ReportHead {
  const raw = (jsValue(rp) ?? {}) as { sections?: unknown; figures?: unknown; language?: unknown };
  const { data: report, errors } = validate(ReportFileSchema, raw, rp);
  lc.errors.push(...errors);
  // with report.yaml invalid, still read what it names so one run reports every problem
  const sections = report?.sections ?? (Array.isArray(raw.sections) ? raw.sections.filter((s): s is string => typeof s === 'string') : []);
  return {
    ...(report && { meta: reportMeta(rp, report, raw), limits: report.limits }),
    sections,
    sectionSpans: sections.map((_, i) => spanOf(rp, nodeAt(rp, ['sections', i]))),
    figures: report?.figures ?? (typeof raw.figures === 'string' ? raw.figures : 'figures.yaml'),
    figuresSpan: spanOf(rp, nodeAt(rp, ['figures'])),
  };
}

function reportMeta(rp: ParsedYaml, report: ReportFile, raw: { language?: unknown }): ReportMeta {
  const t = (key: string, v: string) => textAt(rp, [key], v);
  return {
    title: t('title', report.title),
    subtitle: report.subtitle === undefined ? undefined : t('subtitle', report.subtitle),
    organisation: t('organisation', report.organisation),
    author: t('author', report.author),
    subject: t('subject', report.subject),
    keywords: report.keywords,
    language: report.language,
    ...(raw.language !== undefined && { languageSpan: spanOf(rp, nodeAt(rp, ['language'])) }),
    date: report.date,
    // the report's own dates, figures that prose and report.yaml refer to as {report.date} …
    dates: [
      { path: 'report.date', value: report.date, span: spanOf(rp, nodeAt(rp, ['date'])) },
      ...(report.period
        ? [
            { path: 'report.period.start', value: report.period.start, span: spanOf(rp, nodeAt(rp, ['period', 'start'])) },
            { path: 'report.period.end', value: report.period.end, span: spanOf(rp, nodeAt(rp, ['period', 'end'])) },
          ]
        : []),
    ],
    template: report.template,
    limits: report.limits,
    // where a page limit stops layout: at limits.pages when report.yaml sets it, else at report.yaml itself
    pagesLimitSpan: nodeAt(rp, ['limits', 'pages']) ? spanOf(rp, nodeAt(rp, ['limits', 'pages'])) : spanOf(rp, undefined),
    ...(report.numbering.length ? { numbering: report.numbering } : {}),
    templateSpan: spanOf(rp, nodeAt(rp, ['template'])),
    currency: report.currency,
    ...(report.words && {
      words: report.words,
      wordSpans: Object.fromEntries(Object.keys(report.words).map((k) => [k, spanOf(rp, keyNodeAt(rp, ['words', k]))])),
    }),
    ...(report.hyphenation && { hyphenation: { exceptions: report.hyphenation.exceptions, ...(report.hyphenation.languages && { languages: report.hyphenation.languages }) } }),
  };
}
