/**
 * Page content streams cached by content (build context `pageStreams`), so a rebuild that leaves a page as it was
 * neither writes its operators again nor compresses them again. This works because a page's stream depends only on
 * that page (cidFonts.ts: glyph codes are glyph ids; resourceNames.ts: names by content): the key is a hash of the
 * page's items (chart SVGs included), its tagging marks and the document's scope (variant, font bytes, colours).
 *
 * A hit does everything a part does besides its stream exactly as a full draw and in the same order (fonts and
 * images referenced, glyphs registered in the subsets, link annotations and destinations made, so object numbers,
 * subsets and the structure tree are the same): by replaying what drawing it recorded (partReplay.ts), and walking
 * with the content muted (pdfkit's page.write does nothing) only the items without a record. Then the cached
 * compressed stream is put in place. A miss draws the part, compresses its stream as pdfkit would (zlib.deflateSync,
 * default options) and keeps the result, so the file has the same bytes with the cache on, off, cold or warm.
 *
 * Written against pdfkit 0.20.2 (pinned): PDFPage.write and .content (a PDFReference: `buffer`, `compress`,
 * `data.Length`, `data.Filter`), which pdfkit finalises when the page ends.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Page } from '../model/types.ts';
import type { DrawEvent } from './drawRecorder.ts';
import type { PartKeyMemo, TrustedPartKeys } from './partKeys.ts';
import type { PartStep } from './partReplay.ts';
import type { KeptRuns } from './keptRuns.ts';

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
  /** A watch session's glyph runs as drawn, by item object (keptRuns.ts); never changes the output. */
  readonly keptRuns?: KeptRuns;
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

/** Keeps a page, dropping the oldest beyond MAX_ENTRIES. */
export function rememberStream(entries: Map<string, CachedPage>, key: string, z: CachedPage): void {
  entries.delete(key);
  entries.set(key, z);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}
