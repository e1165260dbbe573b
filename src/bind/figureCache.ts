/**
 * Steps 1–2 of bind (the figure table with its derivations, the datasets, the checks) kept per session: a rebuild
 * after an edit that did not touch figures.yaml, the report's dates or its limits walks none of it again. Keyed by
 * the content key load noted for figures.yaml (util/contentKeys.ts) and the dates and limits; only a run that found
 * no error is kept, and a hit marks the same figures used as the run did. With a cache folder the entry the last
 * build used is mirrored into a pack (util/mirrorStore.ts), so the next CLI run neither parses nor derives them.
 */
import type { Diagnostic } from '../diag/types.ts';
import type { ReportSource } from '../load/types.ts';
import { FiguresFileSchema, type FiguresFile } from '../spec/figures.ts';
import { keyOf, type ContentKeys } from '../util/contentKeys.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { mirrorStore, type MirrorStore } from '../util/mirrorStore.ts';
import type { Pack } from '../util/diskCache.ts';
import { addReportDates, parseFigures, resolveFigures, type FigureTable } from './parseFigures.ts';
import { buildDatasets, runChecks } from './datasets.ts';
import type { DataRow } from './types.ts';

/** The figures of a report, ready for the sections: what steps 1–2 of bind give. */
export interface FigureStage {
  readonly file: FiguresFile;
  readonly table: FigureTable;
  readonly datasets: ReadonlyMap<string, readonly DataRow[]>;
  /** Figures the derivations, datasets and checks read. */
  readonly used: readonly string[];
}

/** Most versions of the figures a session keeps. */
const MAX_ENTRIES = 16;

/** Parses, derives and checks the figures; errors go to `errors`, figures read to `used`. */
export function figureStage(source: ReportSource, used: Set<string>, errors: Diagnostic[]): FigureStage {
  // figures.yaml's outline was validated by load
  const file = FiguresFileSchema.safeParse(source.figures.value).data ?? { figures: {}, datasets: {}, checks: [] };
  const table = parseFigures(source.figures, errors);
  addReportDates(table, source.meta.dates ?? []);
  resolveFigures(table, source.figures, used, errors);
  const datasets = buildDatasets(file, table, source.figures, used, errors, source.meta.limits);
  runChecks(file, table, source.figures, used, errors);
  return { file, table, datasets, used: [...used] };
}

/** Where figure stages are looked up and kept (a Map will do; a build uses figureStore). */
export interface FigureStore {
  get(key: string): FigureStage | undefined;
  set(key: string, entry: FigureStage): void;
}

/**
 * The session's figure stages (build context `figureTables`), and with a pack (the content folder's bind pack,
 * bind/sectionCache.ts bindPack) the one its last build used, in the pack's map `figureTables`.
 */
export function figureStore(build: BuildContext, pack: Pack | undefined): MirrorStore<FigureStage> {
  return mirrorStore(build.cache<FigureStage>('figureTables'), pack, 'figureTables', asFigureStage, MAX_ENTRIES);
}

/** A figure stage read back from a pack, or undefined when it does not have one's shape (then a miss). */
function asFigureStage(v: unknown): FigureStage | undefined {
  const e = v as Partial<FigureStage> | undefined;
  const t = e?.table as Partial<FigureTable> | undefined;
  const ok = !!e?.file && typeof e.file === 'object' && !!t && t.figures instanceof Map && t.groups instanceof Map && t.values instanceof Map && e.datasets instanceof Map && Array.isArray(e.used);
  return ok ? (e as FigureStage) : undefined;
}

/** figureStage through the session's entries (figureStore, or a Map) when figures.yaml has a content key. */
export function cachedFigureStage(source: ReportSource, used: Set<string>, errors: Diagnostic[], entries: FigureStore, keys: ContentKeys): FigureStage {
  const figuresKey = keys.get(source.figures);
  if (figuresKey === undefined) return figureStage(source, used, errors);
  const key = keyOf('figures', figuresKey, JSON.stringify(source.meta.dates ?? []), JSON.stringify(source.meta.limits ?? null));
  const hit = entries.get(key);
  if (hit) {
    for (const path of hit.used) used.add(path);
    return hit;
  }
  const before = errors.length;
  const made = figureStage(source, used, errors);
  if (errors.length === before) entries.set(key, made);
  return made;
}
