/**
 * Entry of the chart worker thread (compiled to dist/chartWorker.js): before the renderer's modules load (HarfBuzz's
 * WebAssembly, the font store: ≈ 60 ms of the thread's start), it reads the SVG images' sizes it was given with
 * sharp (svgSizeInWorker.ts), which the main thread needs soon after the content has loaded. Then it runs the
 * renderer (renderWorker.ts, compiled to dist/chartWorkerMain.js); a chart request posted meanwhile waits in the
 * thread's message queue until the renderer listens for it.
 */
import { workerData } from 'node:worker_threads';
import { answerSvgSizes, type SvgSizeRequest } from './svgSizeInWorker.ts';

const svgSizes = (workerData as { svgSizes?: SvgSizeRequest } | undefined)?.svgSizes;
if (svgSizes) await answerSvgSizes(svgSizes);
await import('./renderWorker.ts');
