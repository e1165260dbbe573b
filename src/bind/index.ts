/**
 * bind: resolves figures and replaces every {reference} in the report's text.
 * In: a ReportSource. Out: a BoundReport (no placeholders left; charts with only the datasets they name).
 * Steps: parse figures → derive → datasets → checks → sections and charts → unused-figure warnings.
 * Errors (unknown figures, failed checks …) are all collected, then thrown as one ReportError; warnings go to ctx.diag.
 * Never reads files and never formats layout.
 */
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import type { ReportSource } from '../load/types.ts';
import type { BoundChartSpec, BoundReport } from './types.ts';
import { spanAt } from './parseFigures.ts';
import { cachedFigureStage, figureStage, figureStore } from './figureCache.ts';
import { createLocator } from './locate.ts';
import { bindSection, type SectionEnv } from './bindSections.ts';
import { formatDate } from './formatters.ts';
import { createIntlCache, type IntlCache } from '../locale/intlCache.ts';
import { interpolate } from './interpolate.ts';
import { collectTargets } from './refTargets.ts';
import { bindPack, boundStore, createBindCache, type PrintMemo } from './sectionCache.ts';
import { memo, type BuildContext } from '../util/buildContext.ts';
import { contentKeys } from '../util/contentKeys.ts';
import { savePack, savePackSoon } from '../util/diskCache.ts';

/**
 * Binds figures into the report; throws ReportError listing every error found. `ctx.intl`: the build context's
 * Intl formatters and texts (locale/intlCache.ts; none: a fresh one for this call). `cacheDir` and `contentDir`:
 * where the session's bound sections are mirrored on disk (none: kept in the session only); `writeSoon`: their
 * pack is written after the current work (a kept context: watch), not before bind returns.
 */
export function bindFigures(source: ReportSource, ctx: { diag: DiagnosticSink; intl?: IntlCache; build?: BuildContext; cacheDir?: string; contentDir?: string; writeSoon?: boolean }): BoundReport {
  const intl = ctx.intl ?? createIntlCache();
  const errors: Diagnostic[] = [];
  const used = new Set<string>();
  const locale = source.meta.language;
  // 1–2. figures and derivations, datasets and checks (kept per session while figures.yaml is unchanged)
  const keys = ctx.build && contentKeys(ctx.build);
  const pack = ctx.build && bindPack(ctx.build, ctx.cacheDir, ctx.contentDir);
  const figureTables = ctx.build && figureStore(ctx.build, pack);
  const { table, datasets } = figureTables ? cachedFigureStage(source, used, errors, figureTables, keys!) : figureStage(source, used, errors);
  // 3. sections and charts
  const charts: BoundChartSpec[] = [];
  const warnings: Diagnostic[] = [];
  const targets = collectTargets(source.sections, errors);
  const env: SectionEnv = { figures: table, used, errors, locale, locate: createLocator(source.files), datasets, maxChartValues: source.meta.limits?.chartValues, charts, chartIds: new Set(), warnings, targets, intl };
  // a session's sections whose source and the figures they read are unchanged are not bound again (sectionCache.ts)
  const store = ctx.build && boundStore(ctx.build, pack);
  const prints = ctx.build && memo(ctx.build.cache<PrintMemo>('figurePrints'), 'prints', () => new WeakMap());
  const cache = store && createBindCache(store, keys!, env, prints);
  const sections = source.sections.map((s) => (cache ? cache.bind(s, (e) => bindSection(s, e)) : bindSection(s, env)));
  // one pack holds both maps: written once
  if (pack) (ctx.writeSoon ? savePackSoon : savePack)(pack);
  const m = source.meta;
  const meta = {
    title: interpolate(m.title, env),
    subtitle: m.subtitle && interpolate(m.subtitle, env),
    organisation: interpolate(m.organisation, env),
    author: interpolate(m.author, env),
    subject: interpolate(m.subject, env),
    keywords: m.keywords,
    language: m.language,
    date: m.date,
    dateText: formatDate(m.date, locale, {}, intl),
    ...(m.numbering?.length ? { numbering: m.numbering } : {}),
  };
  // 4. unused figures and datasets are warnings at their definition
  for (const [path, def] of table.figures) if (!used.has(path) && def.pointer !== '') warnings.push(messages.unusedFigure(path, def.span));
  const charted = new Set(charts.flatMap((c) => Object.keys(c.datasets)));
  for (const name of datasets.keys()) if (!charted.has(name)) warnings.push(messages.unusedDataset(name, spanAt(source.figures, `/datasets/${name}`)));
  for (const w of warnings) ctx.diag.push(w);
  if (errors.length) throw new ReportError(errors);
  return { meta, sections, charts, images: source.images, imageSpans: source.imageSpans };
}
