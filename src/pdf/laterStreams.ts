/**
 * A missed part's stream compressed off the main thread: zlib's deflate in libuv's pool (default options: the same
 * bytes as deflateSync, as pdfkit would write) while the main thread draws the next parts. A figures edit misses
 * ≈ 14 parts (≈ 0.5 MB of operators, the 8 charts' among them), whose deflateSync took ≈ 10–12 ms of the main
 * thread; scheduling them takes ≈ 1 ms of it (main-thread CPU, measured from /proc). The part's object is written as
 * a hole that is filled once its bytes are in (objectText.ts setStreamLater, output.ts writeLater), before pdfkit
 * writes the cross-reference table; the page-stream cache keeps the stream once it is in.
 *
 * Written against pdfkit 0.20.2 (pinned), as pageStreams.ts: the page's `content` reference, its `buffer`,
 * `compress` and `data`.
 */
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { setStreamLater } from './objectText.ts';
import { canWriteLater } from './output.ts';
import { compressPage, compressPageOnce, rememberStream, streamHash, type CachedPage } from './pageStreams.ts';

const deflateAsync = promisify(deflate);

interface ContentRef {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Length?: number; Filter?: string };
}

/**
 * compressPage without waiting: resolves with the compressed stream. A document whose output is not collected by
 * output.ts (nothing to fill a hole) compresses at once.
 */
export function compressPageLater(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  if (!canWriteLater(doc)) return Promise.resolve(compressPage(doc));
  const c = contentOf(doc);
  const z = deflateLater(Buffer.concat(c.buffer));
  putLater(c, z);
  return z;
}

const contentOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { page: { content: ContentRef } }).page.content;

/** The bytes deflated in the pool. */
function deflateLater(raw: Buffer): Promise<Uint8Array> {
  // one output buffer the size of the input: zlib deflates it in one go in the pool instead of coming back to the
  // main thread (busy drawing) for every 16 KiB of output; the bytes do not depend on the buffer's size
  return deflateAsync(raw, { chunkSize: Math.max(16384, raw.length + 1024) }).then((b) => new Uint8Array(b));
}

/** As putStream, with the bytes to come: /Length before /Filter (the dictionary's order), set when they are in. */
function putLater(c: ContentRef, z: Promise<Uint8Array>): void {
  c.compress = false;
  c.buffer = [];
  c.data.Length = 0;
  c.data.Filter = 'FlateDecode';
  setStreamLater(c, z);
}

/**
 * compressPageOnce (no page cache: a first build with caches off) with the deflating in the pool while the next
 * parts are drawn, ≈ 45 ms of the bundled report's main thread; a stream drawn before (a running head) takes the
 * same promise. A document whose output is not collected by output.ts compresses at once, as compressPageOnce.
 */
export function compressOnceLater(doc: PDFKit.PDFDocument, memo: Map<string, Uint8Array | Promise<Uint8Array>>): void {
  if (!canWriteLater(doc)) return compressPageOnce(doc, memo);
  const c = contentOf(doc);
  if (c.buffer.length === 0) return;
  const raw = Buffer.concat(c.buffer);
  const k = streamHash(raw);
  let z = memo.get(k);
  if (z === undefined) memo.set(k, (z = deflateLater(raw)));
  putLater(c, Promise.resolve(z));
}

/** Compresses the current part later and keeps it in the page-stream cache under `key` once it is in. */
export function rememberLater(doc: PDFKit.PDFDocument, entries: Map<string, CachedPage>, key: string, page: Omit<CachedPage, 'stream'>): void {
  // a failed deflate rejects the document's output (output.ts), which reports it; nothing is kept
  compressPageLater(doc).then((stream) => rememberStream(entries, key, { stream, ...page }), () => undefined);
}
