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
import { compressPage, rememberStream, type CachedPage } from './pageStreams.ts';

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
  const c = (doc as unknown as { page: { content: ContentRef } }).page.content;
  const raw = Buffer.concat(c.buffer);
  // one output buffer the size of the input: zlib deflates it in one go in the pool instead of coming back to the
  // main thread (busy drawing) for every 16 KiB of output; the bytes do not depend on the buffer's size
  const z = deflateAsync(raw, { chunkSize: Math.max(16384, raw.length + 1024) }).then((b) => new Uint8Array(b));
  // as putStream: /Length before /Filter (the dictionary's order), the length set when the bytes are in
  c.compress = false;
  c.buffer = [];
  c.data.Length = 0;
  c.data.Filter = 'FlateDecode';
  setStreamLater(c, z);
  return z;
}

/** A part waiting for its stream, in the order the parts were drawn; stream null when its deflate failed. */
interface Waiting {
  readonly key: string;
  readonly page: Omit<CachedPage, 'stream'>;
  stream?: Uint8Array | null;
}

const WAITING = Symbol('reportpress.laterStreams');

/**
 * Compresses the current part later and keeps it in the page-stream cache under `key` once it is in. Parts enter
 * the cache in the order they were drawn, not the order the pool finishes them: the cache drops its oldest entries
 * first and the pack on disk is written in its order, so a finishing order that varies from run to run must not
 * decide either. Each deflate's own callback (which runs before the output's wait on the same bytes) moves every
 * leading finished part into the cache.
 */
export function rememberLater(doc: PDFKit.PDFDocument, entries: Map<string, CachedPage>, key: string, page: Omit<CachedPage, 'stream'>): void {
  const d = doc as unknown as { [WAITING]?: Waiting[] };
  const queue = (d[WAITING] ??= []);
  const w: Waiting = { key, page };
  queue.push(w);
  const settle = (stream: Uint8Array | null) => {
    w.stream = stream;
    while (queue.length > 0 && queue[0]!.stream !== undefined) {
      const done = queue.shift()!;
      // a failed deflate rejects the document's output (output.ts), which reports it; nothing is kept
      if (done.stream) rememberStream(entries, done.key, { stream: done.stream, ...done.page });
    }
  };
  compressPageLater(doc).then(settle, () => settle(null));
}
