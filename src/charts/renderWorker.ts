/**
 * Entry of the chart worker thread (compiled to dist/chartWorker.js; see renderInWorker.ts): renders the planned
 * charts with vega while the main thread styles and lays out the text. Labels are measured with a font store of
 * its own over the same font files; HarfBuzz shapes deterministically, so every width equals the main thread's.
 * Answers once: the render results (as renderPlans gives them) with the progress it made, or the error that
 * stopped it (the main thread then renders in-thread, which reports it as before).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createFontStore } from '../fonts/fontStore.ts';
import { renderPlans } from './renderPlans.ts';
import type { WorkerReply, WorkerRequest } from './renderInWorker.ts';

const req = workerData as WorkerRequest;
const progress: [number, number][] = [];
let reply: WorkerReply;
try {
  // The absolute files as `own` faces: no fonts-folder check (the main thread made it), same bytes.
  const fonts = createFontStore('', req.files, {}, undefined, req.files);
  const results = await renderPlans({ plans: req.plans, theme: req.theme }, fonts, new Map(), (done, total) => progress.push([done, total]));
  reply = { results, progress };
} catch (e) {
  reply = { error: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(reply);
