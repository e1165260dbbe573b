/**
 * Page references and numbered figures and tables, filled in before styling. `{page:id}` becomes the template's
 * page words with the target's page from the previous layout pass ("pagina 12"), `{ref:id}` the target's number
 * ("Figuur 3", "Tabel 2") or a heading's or section's title; both link to the target. cli/build.ts reruns
 * style → layout until the pages it used are the pages the targets landed on.
 */
import type { BoundReport, BoundSection, BoundText } from '../bind/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { derived, keyOf, type DerivedValues, type OutputMemo } from '../util/contentKeys.ts';

/** What a pass knows: each anchor's page (empty on the first pass). */
export interface RefState {
  readonly pages: ReadonlyMap<string, number>;
}

/** Number labels ("Figuur 3") by block ("sectionId/index"), and by id for `{ref:id}`; titles of headings and sections by id. */
export interface Numbering {
  readonly byBlock: ReadonlyMap<string, string>;
  readonly byId: ReadonlyMap<string, string>;
  /** Footnote numbers by `sectionId^id` (footnoteNumbers). */
  readonly notes: ReadonlyMap<string, number>;
}

const PAGE_REF = /\{(page|ref):([^}\s]*)\}/g;
/** Stands in for a page number not known yet: two figures wide, like most page numbers of a report. */
const UNKNOWN_PAGE = '00';

/** Numbers charts and images ("figures") and tables through the report, when report.yaml asks for it. */
export function numberBlocks(report: BoundReport, theme: ResolvedTheme, numbering: readonly string[], values?: DerivedValues): Numbering {
  const byBlock = new Map<string, string>();
  const byId = new Map<string, string>();
  let figures = 0;
  let tables = 0;
  for (const s of report.sections) {
    byId.set(s.id, s.title);
    for (const [i, b] of s.blocks.entries()) {
      let label: string | undefined;
      if ((b.type === 'chart' || b.type === 'image') && numbering.includes('figures')) label = theme.words.figureLabel.replace('{n}', String(++figures));
      if (b.type === 'table' && numbering.includes('tables')) label = theme.words.tableLabel.replace('{n}', String(++tables));
      if (label) byBlock.set(`${s.id}/${i}`, label);
      const id = 'id' in b ? b.id : undefined;
      if (id) byId.set(id, label ?? (b.type === 'heading' ? b.text.text : id));
    }
  }
  return { byBlock, byId, notes: footnoteNumbers(report, values) };
}

/** True when any text of the report holds a page reference (only then does layout need more than one pass). */
export function hasPageRefs(report: BoundReport): boolean {
  let found = false;
  mapTexts(report.sections, (t) => ((found ||= /\{page:/.test(t.text)), t));
  return found;
}

/**
 * The anchor a reference id names: a footnote (`^id`, local to its section, as its marker `[^id]`) is qualified
 * with the section's id, so two sections may each have a note "bron"; other ids are the report's own.
 */
export const targetAnchor = (sectionId: string, id: string): string => (id.startsWith('^') ? `${sectionId}${id}` : id);

/**
 * The report with every `{page:id}` and `{ref:id}` replaced by a link to the target. A section changed here whose
 * bound section has a content key (`keys`, util/contentKeys.ts) gets one too: that key and what each reference
 * became, in order, which is all the filled section is made of.
 */
export function fillRefs(report: BoundReport, theme: ResolvedTheme, numbering: Numbering, state: RefState, memo?: OutputMemo): BoundReport {
  const keys = memo?.keys;
  const pageWord = theme.words.pageRef;
  const link = (sectionId: string, kind: string, id: string) => {
    const anchor = targetAnchor(sectionId, id);
    const note = id.startsWith('^') ? numbering.notes.get(anchor) : undefined;
    const named = note !== undefined ? theme.words.noteLabel.replace('{n}', String(note)) : (numbering.byId.get(id) ?? id);
    const label = kind === 'page' ? pageWord.replace('{page}', String(state.pages.get(anchor) ?? UNKNOWN_PAGE)) : named;
    return `[${label}](#${anchor})`;
  };
  const fillIn = (sectionId: string) => (t: BoundText): BoundText => {
    if (!t.text.includes('{')) return t;
    return { ...t, text: t.text.replace(PAGE_REF, (_ref, kind: string, id: string) => link(sectionId, kind, id)) };
  };
  const sections = report.sections.map((s) => {
    // a section with no brace in any text has nothing to fill (most sections; scanned once per session)
    if (!derived(memo?.values, s, 'braces', () => hasBraces(s))) return s;
    // what each of its references becomes, in order: all the filled section is made of besides the section; the
    // same as last time (the TOC pass, the next rebuild) gives the section filled last time (a one-entry memo held
    // with the section: the filled section is a function of the section and `made` alone)
    const made = derived(memo?.values, s, 'refs', () => refsIn(s)).flatMap(([ref, kind, id]) => [ref, link(s.id, kind, id)]);
    const last = derived(memo?.values, s, 'lastFilled', () => ({ made: [] as string[], filled: undefined as BoundSection | undefined }));
    if (last.filled && last.made.length === made.length && last.made.every((m, i) => m === made[i])) return last.filled;
    const filled = mapTexts(s, fillIn(s.id));
    const key = keys?.get(s);
    if (key !== undefined) keys!.set(filled, keyOf('filled', key, ...made));
    Object.assign(last, { made, filled });
    return filled;
  });
  return { ...report, sections };
}

/** Every `{page:id}` and `{ref:id}` of the section in the order filling meets them: the match, its kind and id. */
function refsIn(s: BoundSection): [string, string, string][] {
  const out: [string, string, string][] = [];
  mapTexts(s, (t) => {
    if (t.text.includes('{')) for (const m of t.text.matchAll(PAGE_REF)) out.push([m[0], m[1]!, m[2]!]);
    return t;
  });
  return out;
}

/** True when some text of the section holds a "{" (only such a text can hold a reference to fill). */
function hasBraces(s: BoundSection): boolean {
  let found = false;
  mapTexts(s, (t) => ((found ||= t.text.includes('{')), t));
  return found;
}

/** Every anchor a page reference names, to compare the pages a pass used with those layout produced. */
export function referencedIds(report: BoundReport, values?: DerivedValues): Set<string> {
  const ids = new Set<string>();
  for (const s of report.sections) {
    const own = derived(values, s, 'pageRefs', () => {
      const found: string[] = [];
      mapTexts(s, (t) => {
        for (const m of t.text.matchAll(PAGE_REF)) if (m[1] === 'page') found.push(targetAnchor(s.id, m[2]!));
        return t;
      });
      return found;
    });
    for (const id of own) ids.add(id);
  }
  return ids;
}

const NOTE_MARKER = /\[\^([^\]\s]+)\]/g;

/**
 * Footnote numbers through the report, in order of first marker `[^id]` (opener label, title and lead, then the
 * blocks in order), keyed by `sectionId^id`: style numbers the notes with them, and `{ref:^id}` prints them.
 */
export function footnoteNumbers(report: BoundReport, values?: DerivedValues): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of report.sections) {
    for (const id of derived(values, s, 'noteMarkers', () => noteMarkers(s))) {
      const key = `${s.id}^${id}`;
      if (!out.has(key)) out.set(key, out.size + 1);
    }
  }
  return out;
}

/** The section's notes in order of their first marker (scanned once per section and session). */
function noteMarkers(s: BoundSection): string[] {
  const ids: string[] = [];
  const scan = (t: BoundText): BoundText => {
    for (const m of t.text.matchAll(NOTE_MARKER)) if (s.footnotes.has(m[1]!) && !ids.includes(m[1]!)) ids.push(m[1]!);
    return t;
  };
  for (const t of [s.label, s.title, s.lead]) if (t !== undefined) mapTexts(typeof t === 'string' ? { text: t, source: s.source } : t, scan);
  mapTexts(s.blocks, scan);
  return ids;
}

/**
 * Maps every BoundText (any object with a string `text` and a `source`) inside plain bound data. Copy on write:
 * a part in which `f` changed nothing is returned as it is (the scans and most of fillRefs change nothing, and
 * copying the whole report on every pass was most of their time).
 */
function mapTexts<T>(data: T, f: (t: BoundText) => BoundText): T {
  // most values are strings and numbers, and most arrays and objects keep every member: no list made for them
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const y = mapTexts(data[i], f);
      if (y !== data[i]) (out ??= data.slice())[i] = y;
    }
    return (out ?? data) as T;
  }
  if (data instanceof Map) {
    const out = [...data].map(([k, v]) => [k, mapTexts(v, f)] as const);
    return (out.some(([k, y]) => y !== data.get(k)) ? new Map(out) : data) as T;
  }
  if (data instanceof Uint8Array) return data;
  const o = data as Record<string, unknown>;
  if (typeof o.text === 'string' && 'source' in o) return f(o as unknown as BoundText) as T;
  let copy: Record<string, unknown> | undefined;
  for (const k of Object.keys(o)) {
    const v = o[k];
    const y = mapTexts(v, f);
    if (y !== v) (copy ??= Object.fromEntries(Object.entries(o)))[k] = y;
  }
  return (copy ?? o) as T;
}
