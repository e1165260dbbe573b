/**
 * Page content streams cached by content (build context `pageStreams`), so a rebuild that leaves a page as it was
 * neither writes its operators again nor compresses them again. This works because a page's stream depends only on
 * that page (cidFonts.ts: glyph codes are glyph ids; resourceNames.ts: names by content): the key is a hash of the
 * page's items (chart SVGs included), its tagging marks and the document's scope (variant, font bytes, colours).
 *
 * A hit still walks the page's items with the content muted (pdfkit's page.write does nothing), so everything a
 * page does besides its stream happens exactly as in a full draw and in the same order: fonts and images are
 * referenced, glyphs registered in the subsets, link annotations and destinations made (object numbers, subsets
 * and the structure tree are therefore the same). Then the cached compressed stream is put in place. A miss draws
 * the page, compresses its stream as pdfkit would (zlib.deflateSync, default options) and keeps the result, so the
 * file has the same bytes with the cache on, off, cold or warm. SVG items (charts) are the costly part of a muted
 * walk, so on a miss their effects are recorded (drawRecorder.ts) and on a hit replayed instead of drawn, when the
 * record is complete.
 *
 * Written against pdfkit 0.20.2 (pinned): PDFPage.write and .content (a PDFReference: `buffer`, `compress`,
 * `data.Length`, `data.Filter`), which pdfkit finalises when the page ends.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Page } from '../model/types.ts';
import { includeGlyph, isStableFont, type EmbeddedFont } from './cidFonts.ts';
import type { DrawEvent } from './drawRecorder.ts';
import type { PartKeyMemo, TrustedPartKeys } from './partKeys.ts';

/**
 * A cached page: its compressed stream and, per SVG item and unlinked glyph run, the record of its other effects
 * (none: draw it, muted).
 */
export interface CachedPage {
  readonly stream: Uint8Array;
  readonly svg: ReadonlyMap<number, readonly DrawEvent[] | undefined | null>;
  /**
   * What a hit does instead of walking the part's items (partSteps): records to replay and the places of the items
   * that must still be walked (muted); absent in an entry made without it, which is walked.
   */
  readonly steps?: readonly PartStep[];
}

/**
 * One step of a cached part's replay: a record of effects (drawRecorder.ts events: an SVG's, or the glyph runs'
 * between two other items, joined) or the place in the part of an item walked muted (links, destinations, images,
 * linked runs, SVGs without a usable record).
 */
export type PartStep = number | readonly DrawEvent[] | LinkedRun;

/**
 * A linked glyph run of a cached part: its font's events, its link annotation (the rectangle the run was measured to,
 * drawn again with doc.link inside the structure's link hook) and its glyphs' events, so it is not shaped again.
 */
export interface LinkedRun {
  readonly run: number;
  readonly rect: readonly [number, number, number, number];
  readonly before: readonly DrawEvent[];
  readonly after: readonly DrawEvent[];
}

/**
 * The replay steps of a part drawn with `records` (by place in the part; an unlinked glyph run always has one).
 * Boxes and rules write only operators and are left out. Consecutive glyph runs' records are joined into one step:
 * they make no objects of their own (only fonts' first references and glyph registrations, in order), while an
 * SVG's record numbers its own objects from 0 and stays a step of its own. A linked run with its record (`linked`)
 * is a step of its own too (its annotation is an object, made between its font's and its glyphs' events).
 */
export function partSteps(items: readonly { readonly kind: string; readonly link?: unknown }[], records: ReadonlyMap<number, readonly DrawEvent[] | undefined | null>, linked: ReadonlyMap<number, LinkedRun> = new Map()): PartStep[] {
  const steps: PartStep[] = [];
  let run: DrawEvent[] | undefined;
  const flush = () => {
    if (run && run.length > 0) steps.push(run);
    run = undefined;
  };
  items.forEach((it, r) => {
    if (it.kind === 'rect' || it.kind === 'rule') return;
    const events = records.get(r);
    if (it.kind === 'glyphs' && !it.link && events) {
      for (const e of events) (run ??= []).push(e);
      return;
    }
    flush();
    steps.push((it.kind === 'svg' || it.kind === 'chart') && events ? events : (linked.get(r) ?? r));
  });
  flush();
  return steps;
}

/** The page cache a build passes to writePdf: cached pages by key, and what every key shares. */
export interface PageStreamCache {
  readonly entries: Map<string, CachedPage>;
  /** Everything outside the page that decides its stream: variant, font bytes, colour tables, chart fonts. */
  readonly scope: string;
  /** Each item's JSON by item object (itemJson.ts), kept by the build context. */
  readonly itemJson?: WeakMap<object, string>;
  /** Collects the keys of the pages drawn (what a disk pack saves: util/diskCache.ts). */
  readonly used?: Set<string>;
  /** Part content keys by the identity of their items (partKeys.ts, kept by the build context): a watcher's unchanged parts hash nothing. */
  readonly partKeys?: PartKeyMemo;
  /** Layout's keys for page parts and the hashes found for them (partKeys.ts): a next build's parts hash nothing. */
  readonly trustedParts?: TrustedPartKeys;
  /** SVG drawings (charts) by SVG, place and scope, for pages that miss: drawn once, written again (svgKey). */
  readonly drawings?: Map<string, SvgDrawing>;
  /** Collects the keys of the drawings used. */
  readonly usedDrawings?: Set<string>;
  /** Stream keys already computed, by scope and then by what else makes them (build context `pageStreamKeys`, streamKeyOf). */
  readonly streamKeys?: Map<string, Map<string, string>>;
}

/** An SVG as drawn: its operators and what drawing it did besides them (drawRecorder.ts). */
export interface SvgDrawing {
  readonly ops: Uint8Array;
  readonly events: readonly DrawEvent[];
}

/** Most drawings kept: the charts of a few versions of a report. */
const MAX_DRAWINGS = 500;

/**
 * The key of an SVG drawing: the SVG, its box (and print bleed), the page height and the scope (fonts, chart
 * faces, colours, variant), everything svg-to-pdfkit's operators depend on.
 */
export function svgKey(svg: string, box: readonly number[], bleed: unknown, pageHeight: number, scope: string): string {
  return createHash('sha256').update(scope).update(`\u0000${box.join(',')}|${JSON.stringify(bleed ?? null)}|${pageHeight}\u0000`).update(svg).digest('hex');
}

/** Runs `draw` and returns the operators it wrote to the current page's stream (they are written as well). */
export function captureOps(doc: PDFKit.PDFDocument, draw: () => void): Uint8Array {
  const page = pageOf(doc);
  const write = page.write;
  const chunks: Uint8Array[] = [];
  // as PDFReference.write stores a text chunk: its Latin-1 bytes and a newline
  page.write = (c: unknown) => {
    const b = c instanceof Uint8Array ? c : Buffer.from(`${c as string}\n`, 'latin1');
    chunks.push(b);
    return write.call(page, b);
  };
  try {
    draw();
  } finally {
    page.write = write;
  }
  return Buffer.concat(chunks);
}

/** Writes recorded operators into the current page's stream. */
export function writeOps(doc: PDFKit.PDFDocument, ops: Uint8Array): void {
  pageOf(doc).write(ops);
}

/** Keeps a drawing, dropping the oldest beyond MAX_DRAWINGS. */
export function rememberDrawing(entries: Map<string, SvgDrawing>, key: string, d: SvgDrawing): void {
  entries.delete(key);
  entries.set(key, d);
  while (entries.size > MAX_DRAWINGS) entries.delete(entries.keys().next().value as string);
}

/** Most streams kept: a few versions of a 10× report (≈ 10–40 KiB each). */
const MAX_ENTRIES = 2000;

interface StreamRef {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Length?: number; Filter?: string };
  end(): void;
}
interface PageInternals {
  write(chunk: unknown): unknown;
  content: StreamRef;
  dictionary: { data: { Contents: unknown } };
}
const pageOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { page: PageInternals }).page;

/**
 * The key of a part's stream (drawPage.ts): its content key (partKeys.ts: items without source positions, chart
 * SVGs), marks, the page's size and the scope. Not the page number: nothing in the items' operators depends on it
 * (the folio is an item of the foot part, the ParentTree key sits in the page dictionary).
 */
export function pageStreamKey(page: Pick<Page, 'widthPt' | 'heightPt'>, contentKey: string, marks: string, scope: string): string {
  return createHash('sha256').update(scope).update(`\u0000${page.widthPt}x${page.heightPt}\n${marks}\n${contentKey}`).digest('hex');
}

/** Most stream keys remembered per scope: every part of a few versions of a 10× report. */
const MAX_STREAM_KEYS = 8000;

/**
 * pageStreamKey through the cache's memo: the same inputs give the same key, so a session hashes a part's key once
 * (a watcher's rebuild asks for every part's, and most are unchanged). `scope` is the cache's scope (the same string
 * for a whole document), `rest` what the caller adds to it (variant, place).
 */
export function streamKeyOf(cache: PageStreamCache, page: Pick<Page, 'widthPt' | 'heightPt'>, contentKey: string, marks: string, rest: string): string {
  const full = `${cache.scope}\u0000${rest}`;
  if (!cache.streamKeys) return pageStreamKey(page, contentKey, marks, full);
  let keys = cache.streamKeys.get(cache.scope);
  if (!keys) cache.streamKeys.set(cache.scope, (keys = new Map()));
  const k = `${rest}\u0000${page.widthPt}x${page.heightPt}\u0000${contentKey}\u0000${marks}`;
  let key = keys.get(k);
  if (key === undefined) {
    keys.set(k, (key = pageStreamKey(page, contentKey, marks, full)));
    if (keys.size > MAX_STREAM_KEYS) keys.delete(keys.keys().next().value as string);
  }
  return key;
}

/** Starts another content stream of the current page: what is drawn next goes there (drawPage.ts parts). */
export function newPart(doc: PDFKit.PDFDocument): unknown {
  const page = pageOf(doc);
  const first = (page as unknown as { [FIRST]?: StreamRef })[FIRST] ?? page.content;
  Object.assign(page, { [FIRST]: first });
  page.content = (doc as unknown as { ref(): StreamRef }).ref();
  return page.content;
}

/**
 * After a page's last part: the page's /Contents lists its streams in drawing order, the parts after the first are
 * written (pdfkit writes the first, its own, when the page ends).
 */
export function endParts(doc: PDFKit.PDFDocument, streams: readonly unknown[]): void {
  const page = pageOf(doc) as PageInternals & { [FIRST]?: StreamRef };
  const first = page[FIRST];
  if (!first) return;
  const more = streams.filter((s): s is StreamRef => s !== undefined);
  page.dictionary.data.Contents = [first, ...more];
  for (const s of more) s.end();
  page.content = first;
  delete page[FIRST];
}

const FIRST = Symbol('reportpress.firstContent');

/** Mutes the current page's content (a cache hit walks its items for their other effects); returns the unmute. */
export function muteContent(doc: PDFKit.PDFDocument): () => void {
  const page = pageOf(doc);
  page.write = () => undefined;
  return () => {
    delete (page as Partial<PageInternals>).write; // back to PDFPage.prototype.write
  };
}

/** Compresses the current page's stream as pdfkit would and puts the result in place; returns it for the cache. */
export function compressPage(doc: PDFKit.PDFDocument): Uint8Array {
  const c = pageOf(doc).content;
  const z = new Uint8Array(deflateSync(Buffer.concat(c.buffer)));
  putStream(doc, z);
  return z;
}

/**
 * Without a page cache (caches off), compresses the current page's stream through `memo`, by a hash of its bytes:
 * repeated parts (running heads, a chart or an article drawn again) are deflated once. deflateSync is deterministic,
 * so the bytes are those pdfkit would write; an empty stream is left to pdfkit, which writes it without a filter.
 */
export function compressPageOnce(doc: PDFKit.PDFDocument, memo: Map<string, Uint8Array>): void {
  const c = pageOf(doc).content;
  if (c.buffer.length === 0) return;
  const raw = Buffer.concat(c.buffer);
  const k = createHash('sha256').update(raw).digest('base64');
  let z = memo.get(k);
  if (!z) memo.set(k, (z = new Uint8Array(deflateSync(raw))));
  putStream(doc, z);
}

/** Puts an already compressed stream in as the current page's content (dictionary: /Length, /Filter, as pdfkit's). */
export function putStream(doc: PDFKit.PDFDocument, z: Uint8Array): void {
  const c = pageOf(doc).content;
  c.compress = false;
  c.buffer = [z];
  c.data.Length = z.length;
  c.data.Filter = 'FlateDecode';
}

/** Does again what a recorded SVG drawing did besides its stream (drawRecorder.ts), in the same order. */
export function replayDrawing(doc: PDFKit.PDFDocument, events: readonly DrawEvent[], fonts: ReadonlyMap<string, EmbeddedFont>): void {
  const d = doc as unknown as { page: { fonts: Record<string, unknown>; patterns: Record<string, unknown> }; _gradCount: number; _doOpacity(f?: number, s?: number): unknown; ref(data: object): ReplayedRef };
  // the drawing's own objects, made again in the same order (so with the same numbers) and with the same data; most
  // records (a glyph run's fonts and glyphs) make none, and a replay allocates nothing for them
  let own: ReplayedRef[] | undefined;
  for (const e of events) {
    if (e[0] === 'font') d.page.fonts[e[1]] = fonts.get(e[1])!.ref();
    else if (e[0] === 'glyph') {
      const font = fonts.get(e[1])!;
      // a glyph id already registered keeps its first width and text (includeGlyph): nothing to do
      if (!(isStableFont(font) && font.widths[e[2]] !== undefined)) includeGlyph(font, e[2], e[3], [...e[4]]);
    } else if (e[0] === 'gs') d._doOpacity(e[1], e[2]);
    else if (e[0] === 'ref') (own ??= [])[e[1]] = d.ref(withRefs(e[2], own) as object);
    else if (e[0] === 'end') {
      const r = own![e[1]]!;
      if (e[2].length > 0) r.write(Buffer.from(e[2], 'latin1'));
      r.end();
    } else if (e[0] === 'pattern') d.page.patterns[e[1]] = own![e[2]];
    else d._gradCount += e[1];
  }
}

/** Recorded object data with each `{ $ref: n }` replaced by the replay's n-th own object. */
function withRefs(v: unknown, own: readonly ReplayedRef[]): unknown {
  if (Array.isArray(v)) return v.map((x) => withRefs(x, own));
  if (v === null || typeof v !== 'object') return v;
  if ('$ref' in v) return own[(v as { $ref: number }).$ref];
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withRefs(x, own)]));
}

/** What a replay does with the objects it makes (pdfkit's PDFReference). */
interface ReplayedRef {
  write(chunk: Uint8Array): void;
  end(): void;
}

/** Keeps a page, dropping the oldest beyond MAX_ENTRIES. */
export function rememberStream(entries: Map<string, CachedPage>, key: string, z: CachedPage): void {
  entries.delete(key);
  entries.set(key, z);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}
