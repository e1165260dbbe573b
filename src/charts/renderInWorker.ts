/**
 * Renders charts in a worker thread (renderWorker.ts) so vega's ≈ 250 ms of a cold build run on the second core
 * while the main thread styles and lays out the text (chart boxes are known before style). Used by one-shot CLI
 * builds only, from the compiled CLI (a worker cannot run the TypeScript sources); the results are plain data and
 * are collected exactly where an in-thread render would be, so output and diagnostics are the same.
 * REPORTPRESS_CHART_WORKER=0 turns it off; =1 makes a failing worker an error instead of a quiet in-thread render
 * (tests compare both ways and must know the worker ran).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FontStore } from '../fonts/fontStore.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { RenderRequest, RenderResult } from './renderPlans.ts';

/** The compiled worker entry (scripts/compile.mjs). */
const WORKER_ENTRY = join(PACKAGE_ROOT, 'dist', 'chartWorker.js');

/** What the worker is given: the plans, the chart theme and the chart faces' files (key → absolute path). */
export interface WorkerRequest extends RenderRequest {
  readonly files: Readonly<Record<string, string>>;
}

/** The worker's one answer: results with the progress reports made, or why it could not render. */
export type WorkerReply = { readonly results: RenderResult[]; readonly progress: readonly [number, number][] } | { readonly error: string };

/** A successful worker render. */
export interface WorkerRender {
  readonly results: RenderResult[];
  readonly progress: readonly [number, number][];
}

/**
 * True when this code runs compiled, the worker entry exists and there is a second core to run it on (on one
 * core the worker would only add its start-up), unless turned off or on by REPORTPRESS_CHART_WORKER.
 */
export function chartWorkerAvailable(): boolean {
  const env = process.env.REPORTPRESS_CHART_WORKER;
  return import.meta.url.endsWith('.js') && env !== '0' && (env === '1' || (availableParallelism() > 1 && existsSync(WORKER_ENTRY)));
}

/** A render under way in a worker; `wait` keeps the process alive for it (until then it may exit without it). */
export interface WorkerJob {
  wait(): Promise<WorkerRender | undefined>;
}

/**
 * Starts rendering `req` in a new worker. `wait` resolves with its results, or with undefined when the worker
 * failed in any way (the caller then renders in-thread, which gives the same results or reports the same error).
 */
export function renderInWorker(req: RenderRequest, fonts: FontStore): WorkerJob {
  const required = process.env.REPORTPRESS_CHART_WORKER === '1';
  const keys = new Set(Object.values(req.theme.fontKeys));
  const files = Object.fromEntries(Object.entries(fonts.files).filter(([k]) => keys.has(k)));
  let worker: Worker | undefined;
  const done = new Promise<WorkerRender | undefined>((resolve, reject) => {
    const failed = (why: unknown) => (required ? reject(new Error(`chart worker failed: ${why instanceof Error ? why.message : String(why)}`)) : resolve(undefined));
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: { ...req, files } satisfies WorkerRequest });
    } catch (e) {
      failed(e); // e.g. a plan that cannot be cloned
      return;
    }
    // A build that stops early (an input error) exits without waiting for the charts.
    worker.unref();
    worker.once('message', (m: WorkerReply) => {
      if ('error' in m) failed(m.error);
      else resolve(m);
      void worker!.terminate();
    });
    worker.once('error', failed);
    worker.once('exit', (code) => failed(`exit ${code}`));
  });
  done.catch(() => undefined); // reported when waited for
  return {
    wait() {
      worker?.ref();
      return done;
    },
  };
}
