/**
 * Flowed sections kept by content (build context `sectionFlows`), so a rebuild after an edit lays out again only
 * the sections the edit reaches. Every section starts on a new page and its pages depend only on the section, its
 * place (index: its structure element; whether it starts on a left or a right page: the text area) and what the
 * whole report shares (template, font bytes, hyphenation, limits: the scope), so that is the key; the page numbers
 * themselves are only labels on the frames (folios and running heads are added later, pages/finalize.ts). So
 * sections before an edited one always hit, and those after it hit too when the edit moved them by an even number
 * of pages: their frames are then renumbered, not flowed again (runFlow.ts checks the page limit). The line
 * breaker's warnings raised while a section was flowed are kept with it and said again on a hit, so diagnostics do
 * not depend on the cache either.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import type { Block, StyledSection } from '../style/types.ts';
import type { Box, PageFrame } from './types.ts';
import type { Pt } from '../util/geometry.ts';
import { derived, type ContentKeys, type DerivedValues } from '../util/contentKeys.ts';

/** A section as flowed: its frames and warnings, and the line breaker's warnings raised meanwhile. */
export interface SectionFlow {
  /** The page number the section was flowed from (a hit elsewhere renumbers its frames). */
  readonly first: number;
  readonly frames: readonly PageFrame[];
  readonly warnings: readonly Diagnostic[];
  readonly lineWarnings: readonly Diagnostic[];
}

/** A layout part as kept (a composed box, a page's furniture, the TOC): it and the line warnings raised making it. */
export interface CachedPart {
  readonly value: unknown;
  readonly lineWarnings: readonly Diagnostic[];
}

/** The cache flow consults (LayoutEnv.sections). */
export interface SectionFlowCache {
  key(section: StyledSection, index: number, firstPage: number): string;
  /** The section flowed under `key`, its frames numbered from `first`. */
  get(key: string, first: number): SectionFlow | undefined;
  /** Runs `flow` and keeps its result under `key` with the line warnings raised meanwhile. */
  flow(key: string, flow: () => Omit<SectionFlow, 'lineWarnings'>): SectionFlow;
  /**
   * The box of a block (quote, facts, video, chart …) at a width and grid: kept by the block's content, so an edit
   * elsewhere in its section, or a layout pass that corrects indents, does not compose it again (a video's QR code
   * was most of flowing its section).
   */
  box(block: Block, widthPt: Pt, gridPt: Pt | undefined, compose: () => Box): Box;
  /**
   * A part of the layout made by `make` from `content` and the scope only (pages/: a page's furniture, the TOC, the
   * cover), kept by that content under `kind`; so an edit composes again only the parts it reaches.
   */
  part<T>(kind: string, content: unknown, make: () => T): T;
  /** Like `part` for what is made from one styled section alone (its outline entries), keyed as the section is. */
  ofSection<T>(kind: string, section: StyledSection, make: () => T): T;
  /**
   * What `make` makes from one readonly object (a flowed frame: its finished page) and `content` (the scope and this
   * string say everything else it reads), kept with the object for the session: a frame a rebuild took from the
   * cache becomes the same page object again, so what is read off pages (anchors, loose lines) is read once.
   */
  ofObject<T>(kind: string, o: object, content: string, make: () => T): T;
  /** A section's page fills kept under its geometry key (flow/keptFills.ts), or undefined. */
  fills(key: string): unknown;
  /** Keeps a section's page fills under its geometry key (for the session only: fills hold no drawn content). */
  keepFills(key: string, fills: unknown): void;
  /**
   * The key a value this cache returned was kept under (a kept part: `part` key; a section's frame: the section key
   * and its index), undefined when it has none or was returned under two keys. It describes all of the value.
   */
  keyOf(o: object): string | undefined;
  /** Notes the content keys of a finished page's parts (head furniture, content, foot furniture), for pdf/partKeys.ts. */
  notePage(page: object, keys: PagePartKeys): void;
}

/** Content keys of a page's parts: head furniture, content, foot furniture (undefined: not known, hashed by pdf/). */
export type PagePartKeys = readonly [head: string | undefined, body: string | undefined, foot: string | undefined];

/** Most sections kept: a few versions of a 10× report. */
const MAX_ENTRIES = 1000;
/** Most parts kept: every box and page of a few versions of a 10× report. */
const MAX_PARTS = 8000;
/** Most sections' fills kept: a few versions of a 10× report. */
const MAX_FILLS = 1000;

/** Content as JSON for a key: image bytes by their hash (not as arrays of numbers). */
function contentJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? createHash('sha256').update(x).digest('hex') : x));
}
const sectionJson = (section: StyledSection): string => contentJson(section);

/**
 * A section cache over `entries` for one build: `scope` is everything besides the section that decides its pages,
 * `diag` the build's sink, `used` collects the keys this build asked for (what a disk pack saves). Returns the
 * cache and the sink the line breaker must push to (it records for `flow`).
 */
export function createSectionCache(
  entries: Map<string, SectionFlow>,
  scope: string,
  diag: DiagnosticSink,
  used?: Set<string>,
  /** Keys styling noted for its sections (the style key describes all of a section's content); others go by JSON. */
  keys?: ContentKeys,
  /** Composed boxes and pages' parts by content and scope (build context / disk pack `layoutParts`); none: not kept. */
  parts?: Map<string, CachedPart>,
  /** Values kept with readonly objects for the session (util/contentKeys.ts); none: ofObject makes every time. */
  values?: DerivedValues,
  /** Collects the keys of the parts this build used or made (what a disk pack of `parts` keeps). */
  partsUsed?: Set<string>,
  /** Sections' page fills by geometry and scope (build context `sectionFills`); none: every section is filled. */
  fills?: Map<string, unknown>,
  /** Where finished pages' part keys are noted (build context, read by pdf/partKeys.ts); none: not noted. */
  pageKeys?: WeakMap<object, PagePartKeys>,
): { cache: SectionFlowCache; lineDiag: DiagnosticSink } {
  let recording: Diagnostic[] | undefined;
  const lineDiag: DiagnosticSink = {
    push(d) {
      recording?.push(d);
      diag.push(d);
    },
    get items() {
      return diag.items;
    },
    hasErrors: () => diag.hasErrors(),
  };
  // the scope (the template's JSON among it) is hashed once here, not into every key
  const scopeKey = createHash('sha256').update(scope).digest('hex');
  // One section object is keyed once per build, however many layout passes ask (TOC, page references); a section
  // styling keyed is described by that key (a hash), so an unchanged section costs no walk of its content.
  const json = new WeakMap<StyledSection, string>();
  const contentOf = (section: StyledSection): string => {
    const styled = keys?.get(section);
    if (styled !== undefined) return `style:${styled}`;
    let j = json.get(section);
    if (j === undefined) json.set(section, (j = `json:${sectionJson(section)}`));
    return j;
  };
  // what this cache returned, by the key it was kept under; null: returned under two keys (a shared value), no key
  const given = new WeakMap<object, string | null>();
  const note = (o: unknown, key: string): void => {
    if (typeof o !== 'object' || o === null) return;
    const had = given.get(o);
    given.set(o, had === undefined || had === key ? key : null);
  };
  const noteFrames = (key: string, flow: SectionFlow): void => flow.frames.forEach((f, i) => note(f, `${key}\u0000frame ${i}`));
  const cache: SectionFlowCache = {
    key(section, index, firstPage) {
      return createHash('sha256').update(scopeKey).update(`\u0000${index}\u0000${firstPage % 2}\u0000`).update(contentOf(section)).digest('hex');
    },
    get(key, first) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      used?.add(key);
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      for (const d of hit.lineWarnings) diag.push(d);
      const shift = first - hit.first;
      // a frame's items do not depend on its number (only its label changes), so a shifted frame keeps its key
      const r = shift === 0 ? hit : { ...hit, first, frames: hit.frames.map((f) => ({ ...f, number: f.number + shift })) };
      noteFrames(key, r);
      return r;
    },
    flow(key, run) {
      const [flowed, lineWarnings] = recorded(run);
      const r = { ...flowed, lineWarnings };
      entries.set(key, r);
      used?.add(key);
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      noteFrames(key, r);
      return r;
    },
    box(block, widthPt, gridPt, compose) {
      // a block styling noted a key for is described by it (style/blockCache.ts); others by their JSON
      const noted = keys?.get(block);
      if (noted !== undefined) return kept('box', () => `${noted}\u0000${widthPt}\u0000${gridPt ?? ''}`, compose);
      return cache.part('box', [block, widthPt, gridPt ?? null], compose);
    },
    part<T>(kind: string, content: unknown, make: () => T): T {
      return kept(kind, () => contentJson(content), make);
    },
    ofSection(kind, section, make) {
      return kept(`section ${kind}`, () => contentOf(section), make);
    },
    ofObject(kind, o, content, make) {
      if (!values) return make();
      let fresh = false;
      const made = derived(values, o, `${kind}\u0000${scopeKey}\u0000${content}`, () => ((fresh = true), recorded(make)));
      // a kept one says its line warnings again, as making it did
      if (!fresh) for (const d of made[1]) lineDiag.push(d);
      return made[0];
    },
    fills(key) {
      if (!fills) return undefined;
      const k = fillKey(key);
      const hit = fills.get(k);
      if (hit !== undefined) {
        fills.delete(k); // most recently used last
        fills.set(k, hit);
      }
      return hit;
    },
    keepFills(key, value) {
      if (!fills) return;
      fills.set(fillKey(key), value);
      while (fills.size > MAX_FILLS) fills.delete(fills.keys().next().value as string);
    },
    keyOf: (o) => given.get(o) ?? undefined,
    notePage(page, k) {
      pageKeys?.set(page, k);
    },
  };
  /** A fills key with the scope (template, fonts, limits) in it. */
  const fillKey = (key: string): string => createHash('sha256').update(scopeKey).update('\u0000fills\u0000').update(key).digest('hex');
  /** A part kept under `kind` and its content (asked for only when there is a parts map). */
  function kept<T>(kind: string, content: () => string, make: () => T): T {
    if (!parts) return make();
    const key = createHash('sha256').update(scopeKey).update(`\u0000${kind}\u0000`).update(content()).digest('hex');
    const hit = parts.get(key);
    partsUsed?.add(key);
    if (hit) {
      parts.delete(key); // most recently used last
      parts.set(key, hit);
      // said again through the line sink, so a section being flowed records them as its own
      for (const d of hit.lineWarnings) lineDiag.push(d);
      note(hit.value, key);
      return hit.value as T;
    }
    const [value, lineWarnings] = recorded(make);
    note(value, key);
    parts.set(key, { value, lineWarnings });
    while (parts.size > MAX_PARTS) parts.delete(parts.keys().next().value as string);
    return value;
  }
  /** Runs `run`, returning what it gave and the line warnings it raised (also recorded by any run around it). */
  function recorded<T>(run: () => T): [T, Diagnostic[]] {
    const outer = recording;
    const mine: Diagnostic[] = [];
    recording = mine;
    try {
      return [run(), mine];
    } finally {
      outer?.push(...mine);
      recording = outer;
    }
  }
  return { cache, lineDiag };
}
