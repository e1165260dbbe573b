/**
 * Styled sections kept between the builds of a session (watch): a one-paragraph edit used to restyle all
 * eleven sections. A section's entry is keyed by everything styling it reads: the section itself (page
 * references already filled in), the charts (sizes and drawings) and prepared images it places, its figure and
 * table labels and footnote numbers, and a scope shared by every section of the build (template, font bytes, the
 * report's language). Keys are hashes of that content, never object identity, so a hit is what styling again
 * would give.
 */
import { createHash } from 'node:crypto';
import type { BoundSection } from '../bind/types.ts';
import type { ChartBox } from '../charts/types.ts';
import type { PreparedImage } from '../images/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { Numbering } from './pageRefs.ts';
import type { StyledSection } from './types.ts';
import type { StyledBlockEntry } from './blockCache.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { mirrorPack, mirrorStore, type MirrorStore } from '../util/mirrorStore.ts';
import { keyFor, type ContentKeys } from '../util/contentKeys.ts';

/** A styled section and the next free footnote number after it (numbers a report-wide scan missed continue). */
export interface StyledEntry {
  readonly section: StyledSection;
  readonly next: number;
}

/** JSON of styling inputs: Maps as entry lists, bytes as their hash (the ordinary JSON of both says nothing). */
export function contentJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x instanceof Uint8Array ? createHash('sha256').update(x).digest('hex') : x));
}

/** A template's content key: its JSON (Maps as entries, bytes by hash) hashed, once per session with `keys`. */
export function themeKey(theme: ResolvedTheme, keys?: ContentKeys): string {
  return keyFor(keys, theme, () => createHash('sha256').update(contentJson(theme)).digest('hex'));
}

/** What every section's styling shares, hashed once per build; undefined when the fonts cannot be keyed (test fakes). */
export function styleScope(theme: ResolvedTheme, fontHashes: Readonly<Record<string, string>> | undefined, language: string, keys?: ContentKeys): string | undefined {
  if (!fontHashes) return undefined;
  return createHash('sha256').update(contentJson([fontHashes, themeKey(theme, keys), language])).digest('hex');
}

/**
 * The key of one section: the scope, the section, the charts (drawing, size) and prepared images it places, its
 * labels and footnote numbers, and the first free footnote number. Only its own charts and images: a figures
 * edit that redraws every chart restyles only the sections that show one. The section itself goes in by the
 * content key bind noted for it (`noted`, util/contentKeys.ts) when there is one, else by its JSON.
 */
export function sectionStyleKey(
  scope: string,
  section: BoundSection,
  columns: number,
  assets: { charts: ReadonlyMap<string, ChartBox>; chartSizes: ReadonlyMap<string, string | undefined>; images: ReadonlyMap<string, PreparedImage> },
  numbering: NumberingBySection,
  next: number,
  noted?: string,
): string {
  const charts = section.blocks.flatMap((b) => (b.type === 'chart' ? [[b.chartId, assets.charts.get(b.chartId) ?? null, assets.chartSizes.get(b.chartId) ?? null]] : []));
  const images = section.blocks.flatMap((b) => (b.type === 'image' ? [[b.src, assets.images.get(b.src) ?? null]] : []));
  const labels = numbering.labels.get(section.id) ?? [];
  const notes = numbering.notes.get(section.id) ?? [];
  return createHash('sha256').update(scope).update(contentJson([noted === undefined ? section : `bound:${noted}`, columns, charts, images, labels, notes, next])).digest('hex');
}

/** A build's figure and table labels and footnote numbers, grouped by section (one pass, not one per section). */
export interface NumberingBySection {
  readonly labels: ReadonlyMap<string, readonly (readonly [string, string])[]>;
  readonly notes: ReadonlyMap<string, readonly (readonly [string, number])[]>;
}

/** Groups `numbering` by the section id its keys start with ("sectionId/index", "sectionId^note"). */
export function numberingBySection(numbering: Numbering, sectionIds: readonly string[]): NumberingBySection {
  // a key goes to every section whose id followed by the separator starts it (an id may hold "^" itself), in order
  const group = <V>(entries: Iterable<[string, V]>, sep: string) => {
    const out = new Map<string, [string, V][]>();
    const ids = new Set(sectionIds);
    for (const e of entries) {
      for (let at = e[0].indexOf(sep); at >= 0; at = e[0].indexOf(sep, at + 1)) {
        const owner = e[0].slice(0, at);
        if (!ids.has(owner)) continue;
        let list = out.get(owner);
        if (!list) out.set(owner, (list = []));
        list.push(e);
      }
    }
    return out;
  };
  return { labels: group(numbering.byBlock, '/'), notes: group(numbering.notes, '^') };
}

/** Most entries a session keeps (a long watch session adds one per edited section); the oldest go first. */
const MAX_ENTRIES = 1000;

/** Where styled sections are looked up and kept (a Map will do; the build uses styleStore). */
export interface StyleCache {
  get(key: string): StyledEntry | undefined;
  set(key: string, entry: StyledEntry): void;
  /** Styled blocks (blockCache.ts, build context `styledBlocks`): a restyled section styles only its changed blocks. */
  readonly blocks?: Map<string, StyledBlockEntry>;
}

/**
 * The session's styled sections (build context `styles`), and with a cache folder the content folder's pack of
 * the sections its last build styled (a pack under `<cacheDir>/packs/`, loaded once per session into `packs`), so the
 * next CLI run reads them back instead of styling the report again.
 */
export function styleStore(build: BuildContext, cacheDir: string | undefined, contentDir: string): MirrorStore<StyledEntry> {
  return mirrorStore(build.cache<StyledEntry>('styles'), mirrorPack(build, cacheDir, 'styles', contentDir), 'styles', asStyledEntry, MAX_ENTRIES);
}

function asStyledEntry(v: unknown): StyledEntry | undefined {
  const e = v as Partial<StyledEntry> | undefined;
  const s = e?.section as Partial<StyledSection> | undefined;
  const ok = !!s && typeof e!.next === 'number' && typeof s.id === 'string' && Array.isArray(s.blocks) && !!s.opener && s.footnotes instanceof Map;
  return ok ? (e as StyledEntry) : undefined;
}
