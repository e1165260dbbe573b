/**
 * The preview server: binds 127.0.0.1 on a free port (or the one asked for), serves the preview page, the current
 * state (previewState.ts), page images rendered by pdf.js on demand and cached by page hash, a server-sent event
 * stream that announces each rebuild, and click-to-source lookups. It only ever reads the last good build; the
 * watch loop feeds it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Rebuild, RebuildOk } from '../watch/watchLoop.ts';
import { openPdf, type OpenPdf } from '../raster/openPdf.ts';
import { encodePng } from '../raster/png.ts';
import { editorHref, showDiagnostics, type PreviewState } from './previewState.ts';
import { sourceAt } from './sourceAt.ts';
import { PREVIEW_HTML } from './page.ts';

/** Screen resolution of the page images: an A4 page is ≈ 900 px wide, sharp on a laptop screen at 100 %. */
const PREVIEW_DPI = 110;
/** Rendered page images kept (by hash): a few rebuilds' worth of a 150-page report. */
const MAX_CACHED = 400;

/** A running preview server. */
export interface PreviewServer {
  readonly url: string;
  /** Feed a rebuild from the watch loop. */
  update(r: Rebuild): void;
  close(): Promise<void>;
}

/** Starts the server; `port` 0 picks a free one. */
export async function startPreviewServer(contentDir: string, port = 0, host = '127.0.0.1'): Promise<PreviewServer> {
  let good: RebuildOk | undefined;
  let pdf: Promise<OpenPdf> | undefined;
  let state: PreviewState = { version: 0, pages: [], errors: [], warnings: [], ms: 0 };
  const images = new Map<string, Buffer>();
  const clients = new Set<ServerResponse>();
  let renderQueue: Promise<unknown> = Promise.resolve();
  const readSource = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  /** Page n's image for the page hash `wanted` (from the URL): cached, rendered if it is current, else gone. */
  const pageImage = async (n: number, wanted: string | null): Promise<Buffer | undefined> => {
    const hash = good?.hashes[n - 1];
    const hit = images.get(wanted ?? hash ?? '');
    if (hit) return hit;
    if (!good || !hash || !pdf || (wanted && wanted !== hash)) return undefined;
    const doc = pdf;
    // One render at a time: pdf.js and the canvas are fastest without interleaving on two cores.
    const job = renderQueue.then(async () => images.get(hash) ?? encodePng(await (await doc).render(n, PREVIEW_DPI)));
    renderQueue = job.catch(() => undefined);
    const png = await job;
    if (images.size >= MAX_CACHED) images.delete(images.keys().next().value!);
    images.set(hash, png);
    return png;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (code: number, type: string, body: string | Buffer) => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', PREVIEW_HTML);
    if (url.pathname === '/state') return send(200, 'application/json', JSON.stringify(state));
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${state.version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const page = /^\/page\/(\d+)\.png$/.exec(url.pathname);
    if (page) {
      const png = await pageImage(Number(page[1]), url.searchParams.get('h'));
      if (!png) return send(404, 'text/plain', 'no such page');
      // The URL carries the page hash (?h=…), so an image may be cached as long as the browser likes.
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=31536000, immutable' });
      return void res.end(png);
    }
    if (url.pathname === '/source') {
      const p = good?.build.document.pages[Number(url.searchParams.get('page')) - 1];
      const span = p && sourceAt(p, Number(url.searchParams.get('x')), Number(url.searchParams.get('y')));
      if (!span) return send(404, 'application/json', 'null');
      const [shown] = showDiagnostics([{ severity: 'warning', code: '', message: '', span, hints: [] }], contentDir, () => undefined);
      return send(200, 'application/json', JSON.stringify({ at: shown!.at, href: editorHref(span.file, span.line, span.column) }));
    }
    send(404, 'text/plain', 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const addr = server.address() as AddressInfo;

  return {
    url: `http://${host}:${addr.port}/`,
    update(r) {
      if (r.ok) {
        good = r;
        const old = pdf;
        pdf = openPdf(r.pdf);
        // Close the previous document once the renders queued on it are done.
        if (old) renderQueue = renderQueue.then(() => old.then((d) => d.close())).catch(() => undefined);
      }
      const pages = good ? good.build.document.pages.map((p, i) => ({ hash: good!.hashes[i]!, widthPt: p.widthPt, heightPt: p.heightPt })) : [];
      state = {
        version: state.version + 1,
        pages,
        errors: r.ok ? [] : showDiagnostics(r.diagnostics.filter((d) => d.severity === 'error'), contentDir, readSource),
        warnings: showDiagnostics(r.ok ? r.warnings : r.diagnostics.filter((d) => d.severity === 'warning'), contentDir, readSource),
        ms: Math.round(r.ms),
      };
      for (const c of clients) c.write(`data: ${state.version}\n\n`);
    },
    async close() {
      for (const c of clients) c.end();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      await renderQueue;
      await (await pdf)?.close();
    },
  };
}
