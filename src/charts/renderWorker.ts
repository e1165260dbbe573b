/**
 * Entry of the chart worker thread (compiled to dist/chartWorker.mjs; see renderInWorker.ts): renders the planned
 * charts with vega while the main thread styles and lays out the text. Labels are measured with a font store of
 * its own over the same font files; HarfBuzz shapes deterministically, so every width equals the main thread's.
 * A one-shot build's worker answers once: the render results (as renderPlans gives them) with the progress it made,
 * or the error that stopped it (the main thread then renders in-thread, which reports it as before). A kept
 * context's worker (watch, preview) answers each request it is sent, by its id, keeping vega, the compiled specs
 * and the font store between them, as the main thread's session would. A one-shot worker asked for PNGs (the CLI's
 * build exports them) then rasterises every render and sends them in a second message: the main thread is busy
 * with layout and the PDF while this thread would otherwise idle, and the PNGs are the same bytes (rasterize.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OneShotSpecs, type CompiledSpec } from './compileCache.ts';
import { createFontStore, type FontStore } from '../fonts/fontStore.ts';
import { renderPlans, type RenderResult } from './renderPlans.ts';
import { loadVega } from './loadVega.ts';
import { rasterize } from './rasterize.ts';
import type { KeptReply, KeptRequest, PngReply, WorkerReply, WorkerRequest } from './renderInWorker.ts';

/** Renders one request; `compiled` and `fonts` are what the worker keeps (a one-shot worker: fresh ones). */
async function answer(req: WorkerRequest, compiled: Map<string, CompiledSpec>, fonts: () => FontStore): Promise<WorkerReply> {
  const progress: [number, number][] = [];
  try {
    const results = await renderPlans({ plans: req.plans, theme: req.theme }, fonts(), compiled, (done, total) => progress.push([done, total]));
    return { results, progress };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Each render's PNG, as the main thread would make it (cached outlines of repeated labels). */
async function pngsOf(results: readonly RenderResult[], req: WorkerRequest, fonts: FontStore): Promise<PngReply> {
  try {
    const outlines = new Map<string, string>();
    const rendered = results.filter((r) => r.rendered);
    const pngs = await Promise.all(rendered.map((r) => rasterize(r.rendered!.svg, fonts, req.theme.fontKeys, r.rendered!.scale, outlines)));
    return { pngs: rendered.map((r, i) => [r.key, pngs[i]!] as const) };
  } catch (e) {
    return { pngError: e instanceof Error ? e.message : String(e) };
  }
}

// The absolute files as `own` faces: no fonts-folder check (the main thread made it), same bytes.
const storeOf = (files: Readonly<Record<string, string>>) => createFontStore('', files, {}, undefined, files);

if ((workerData as { kept?: boolean }).kept) {
  const compiled = new Map<string, CompiledSpec>();
  let fonts: { key: string; store: FontStore } | undefined;
  // one request at a time, in order (vega's text metrics and random() are per thread)
  let queue = Promise.resolve();
  parentPort!.on('message', (m: KeptRequest) => {
    queue = queue.then(async () => {
      const key = JSON.stringify(m.files);
      const reply = await answer(m, compiled, () => (fonts?.key === key ? fonts : (fonts = { key, store: storeOf(m.files) })).store);
      parentPort!.postMessage({ id: m.id, reply } satisfies KeptReply);
    });
  });
} else {
  // A worker started before the plans were made (renderInWorker.ts prestartChartWorker) loads vega meanwhile and
  // takes its one request as a message; otherwise the request is its workerData.
  const prestarted = (workerData as { prestart?: boolean }).prestart === true;
  if (prestarted) void loadVega().catch(() => undefined); // a failure is reported by the render that needs it
  const req = prestarted ? await new Promise<WorkerRequest>((resolve) => parentPort!.once('message', resolve)) : (workerData as WorkerRequest);
  let store: FontStore | undefined;
  const fonts = () => (store ??= storeOf(req.files));
  const reply = await answer(req, new OneShotSpecs(), fonts);
  parentPort!.postMessage(reply);
  if (req.pngs && 'results' in reply) parentPort!.postMessage(await pngsOf(reply.results, req, fonts()));
}
