/**
 * Entry of the chart worker thread (compiled to dist/chartWorker.mjs). A first build starts it before the content
 * loads (renderInWorker.ts prestartChartWorker); before the renderer's modules load (HarfBuzz's WebAssembly, the
 * font store: ≈ 60 ms of the thread's start) it starts ICU for the process (locale/warmIntl.ts) and loads sharp, then
 * reads the sizes of the SVG images the main thread sends once the content has loaded (svgSizeInWorker.ts): the
 * main thread needs both soon after loading. Then it runs the renderer (renderWorker.ts, compiled to
 * dist/chartWorkerMain.mjs); a chart request posted meanwhile waits in the thread's message queue until the
 * renderer listens for it.
 */
import { workerData } from 'node:worker_threads';
import { answerSvgSizes, type SvgSizeRequest } from './svgSizeInWorker.ts';
import { warmIntl } from '../locale/warmIntl.ts';

const svgSizes = (workerData as { svgSizes?: SvgSizeRequest } | undefined)?.svgSizes;
if (svgSizes) {
  warmIntl();
  await answerSvgSizes(svgSizes);
}
await import('./renderWorker.ts');
