/**
 * Bound sections kept between the builds of a session (watch): binding every section again was most of bind's time
 * on a one-paragraph edit. A section is looked up by the content key load noted for its source (util/contentKeys.ts:
 * its file's text and every file and image it read) together with what every section's binding shares that is not
 * a figure: the language, the ids page references may name, the chart ids earlier sections took and the chart-value
 * limit. An entry holds its dependencies, the figures it read (each by its format and value) and the datasets its
 * charts name (each by its rows), and is a hit only when they are all unchanged; so a figures edit binds again
 * exactly the sections that cite a changed figure. A hit repeats the binding's effects (figures marked used, charts,
 * chart ids, warnings), and only a binding that found no error is kept, so errors are always found afresh.
 * With a cache folder the entries the last build used are mirrored into a pack (util/mirrorStore.ts), so the next CLI
 * run binds only what changed; an entry read back is checked against the figures and datasets like one in memory.
 */
import type { Diagnostic } from '../diag/types.ts';
import type { SectionSource } from '../load/types.ts';
import { keyOf, type ContentKeys } from '../util/contentKeys.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { mirrorPack, mirrorStore, type MirrorStore } from '../util/mirrorStore.ts';
import type { Pack } from '../util/diskCache.ts';
import type { BoundChartSpec, BoundSection } from './types.ts';
import type { SectionEnv } from './bindSections.ts';

/** One section as bound, with what it read and did. */
export interface BoundEntry {
  readonly section: BoundSection;
  readonly charts: readonly BoundChartSpec[];
  readonly warnings: readonly Diagnostic[];
  /** Figure paths read, in order, with each one's fingerprint (figureFingerprint) when bound. */
  readonly figures: readonly (readonly [string, string])[];
  /** Datasets the charts name, with each one's fingerprint. */
  readonly datasets: readonly (readonly [string, string])[];
  /** The section's content key (boundKey), noted again on every hit. */
  readonly key: string;
}

/** Most sections a session keeps (a long watch session adds one per edited section); the oldest go first. */
const MAX_ENTRIES = 1000;

/** JSON in which NaN, ±Infinity and -0 stay apart (a dataset row's missing value is NaN; JSON would say null). */
function exactJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? `#${String(Object.is(x, -0) ? '-0' : x)}` : x)) ?? 'undefined';
}

/** What interpolation reads of a figure: whether it is defined, its default format and its computed value. */
function figurePrint(env: SectionEnv, path: string): string {
  const def = env.figures.figures.get(path);
  return def ? exactJson([def.format ?? null, env.figures.values.get(path) ?? null]) : 'undefined';
}

/** Where bound sections are looked up and kept (a Map will do; a build uses boundStore). */
export interface BindStore {
  get(key: string): BoundEntry | undefined;
  set(key: string, entry: BoundEntry): void;
}

/**
 * The content folder's bind pack under `<cacheDir>/packs/` (loaded once per session into `packs`), when there is a
 * cache folder: the bound sections and the figure stage (bind/figureCache.ts) its last build used, in one file
 * read once. Saving either store writes both maps (and resets what they used): save once, after both.
 */
export function bindPack(build: BuildContext, cacheDir: string | undefined, contentDir: string | undefined): Pack | undefined {
  return contentDir === undefined ? undefined : mirrorPack(build, cacheDir, 'bind', contentDir);
}

/** The session's bound sections (build context `boundSections`), and with a pack the ones its last build bound. */
export function boundStore(build: BuildContext, pack: Pack | undefined): MirrorStore<BoundEntry> {
  return mirrorStore(build.cache<BoundEntry>('boundSections'), pack, 'boundSections', asBoundEntry, MAX_ENTRIES);
}

const isPairs = (v: unknown) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');

/** A bound entry read back from a pack, or undefined when it does not have an entry's shape (then a miss). */
function asBoundEntry(v: unknown): BoundEntry | undefined {
  const e = v as Partial<BoundEntry> | undefined;
  const s = e?.section as Partial<BoundSection> | undefined;
  const ok = !!s && typeof s.id === 'string' && Array.isArray(s.blocks) && s.footnotes instanceof Map && Array.isArray(e!.charts) && Array.isArray(e!.warnings) && isPairs(e!.figures) && isPairs(e!.datasets) && typeof e!.key === 'string';
  return ok ? (e as BoundEntry) : undefined;
}

/** Prints of figures and datasets, kept with the figure table they were made from (build context `figurePrints`). */
export type PrintMemo = WeakMap<object, Prints>;

/** A figure table's prints, and the entries already found valid against them (a print never changes for its table). */
interface Prints {
  readonly datasets: object;
  readonly prints: Map<string, string>;
  readonly valid: WeakSet<BoundEntry>;
}

/**
 * The prints of this build's figure table and datasets: a session's figure stage hands back the same objects while
 * figures.yaml is unchanged (bind/figureCache.ts), so their prints are made once, not on every rebuild (checking a
 * watch rebuild's hits printed every figure and dataset again: ≈ 1.5 ms of a one-paragraph edit).
 */
function printsFor(env: SectionEnv, kept: PrintMemo | undefined): Prints {
  const had = kept?.get(env.figures);
  if (had && had.datasets === env.datasets) return had;
  const made = { datasets: env.datasets, prints: new Map<string, string>(), valid: new WeakSet<BoundEntry>() };
  kept?.set(env.figures, made);
  return made;
}

/** Binds sections through the session's entries (`entries`: boundStore, or a Map); `kept`: prints across builds. */
export function createBindCache(entries: BindStore, keys: ContentKeys, env: SectionEnv, kept?: PrintMemo) {
  // shared by every section of this build
  const shared = keyOf(env.locale, exactJson([...(env.targets ?? [])]), String(env.maxChartValues ?? ''));
  // the chart ids taken by the sections before, as a chain of hashes (a section's ids depend on those taken before
  // it; a chain costs one hash per section with charts where listing the set would grow with the report)
  let taken = keyOf('chart ids', ...env.chartIds);
  // each figure and dataset printed once per figure table, however many sections and builds read it
  const { prints, valid: checked } = printsFor(env, kept);
  const printOf = (what: string, make: () => string) => {
    let p = prints.get(what);
    if (p === undefined) prints.set(what, (p = make()));
    return p;
  };
  const figurePrintOf = (path: string) => printOf(`f:${path}`, () => figurePrint(env, path));
  const datasetPrint = (name: string) => printOf(`d:${name}`, () => exactJson(env.datasets.get(name) ?? null));
  const valid = (e: BoundEntry) => {
    if (checked.has(e)) return true;
    const ok = e.figures.every(([path, print]) => figurePrintOf(path) === print) && e.datasets.every(([name, print]) => datasetPrint(name) === print);
    if (ok) checked.add(e);
    return ok;
  };
  const took = (charts: readonly BoundChartSpec[]) => {
    if (charts.length) taken = keyOf(taken, ...charts.map((c) => c.id));
  };
  return {
    /** The bound section: a valid entry's (its effects repeated) or `bind`'s (kept when it raised no error). */
    bind(source: SectionSource, bind: (env: SectionEnv) => BoundSection): BoundSection {
      const sourceKey = keys.get(source);
      if (sourceKey === undefined) return bind(env);
      const key = keyOf('bind', shared, sourceKey, taken);
      const hit = entries.get(key);
      if (hit && valid(hit)) {
        replay(env, hit);
        took(hit.charts);
        keys.set(hit.section, hit.key);
        return hit.section;
      }
      // bound afresh with its own record of what it used, charts and warnings (then added to the build's)
      const used = new Set<string>();
      const local: SectionEnv = { ...env, used, charts: [], warnings: [] };
      const errors = env.errors.length;
      const section = bind(local);
      const figures = [...used].map((path) => [path, figurePrintOf(path)] as const);
      const datasets = [...new Set(local.charts.flatMap((c) => Object.keys(c.datasets)))].map((name) => [name, datasetPrint(name)] as const);
      const entry: BoundEntry = { section, charts: local.charts, warnings: local.warnings, figures, datasets, key: boundKey(key, figures, datasets) };
      replay(env, entry);
      took(entry.charts);
      if (env.errors.length === errors) entries.set(key, entry);
      keys.set(section, entry.key);
      return section;
    },
  };
}

/** The bound section's content key: its lookup key and the prints of everything it read besides its source. */
function boundKey(key: string, figures: BoundEntry['figures'], datasets: BoundEntry['datasets']): string {
  return keyOf('bound', key, exactJson(figures), exactJson(datasets));
}

/** The effects of binding a section, on the build's shared state. */
function replay(env: SectionEnv, e: BoundEntry): void {
  for (const [path] of e.figures) env.used.add(path);
  for (const c of e.charts) {
    env.charts.push(c);
    env.chartIds.add(c.id);
  }
  env.warnings.push(...e.warnings);
}
