/**
 * Renders charts in a worker thread (renderWorker.ts) so vega's ≈ 250 ms of a cold build run on the second core
 * while the main thread styles and lays out the text (chart boxes are known before style). Used by one-shot CLI
 * builds only, from the compiled CLI (a worker cannot run the TypeScript sources); the results are plain data and
 * are collected exactly where an in-thread render would be, so output and diagnostics are the same.
 * REPORTPRESS_CHART_WORKER=0 turns it off; =1 makes a failing worker an error instead of a quiet in-thread render
 * (tests compare both ways and must know the worker ran).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { FontStore } from '../fonts/fontStore.ts';
import type { BuildContext } from '../util/buildContext.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { RenderRequest, RenderResult } from './renderPlans.ts';
import { askSvgSizes, type SvgSizes } from './svgSizeInWorker.ts';

/** The compiled worker entry (scripts/compile.mjs). */
const WORKER_ENTRY = join(PACKAGE_ROOT, 'dist', 'chartWorker.mjs');

/** What the worker is given: the plans, the chart theme and the chart faces' files (key → absolute path). */
export interface WorkerRequest extends RenderRequest {
  readonly files: Readonly<Record<string, string>>;
  /** A one-shot worker then also rasterises each render and sends the PNGs in a second message. */
  readonly pngs?: boolean;
}

/** The second answer of a one-shot worker asked for PNGs: each render's PNG by chart key, or why there are none. */
export type PngReply = { readonly pngs: readonly (readonly [string, Uint8Array])[] } | { readonly pngError: string };

/** The worker's one answer: results with the progress reports made, or why it could not render. */
export type WorkerReply = { readonly results: RenderResult[]; readonly progress: readonly [number, number][] } | { readonly error: string };

/** A request to a kept worker and its answer, matched by id. */
export interface KeptRequest extends WorkerRequest {
  readonly id: number;
}
export type KeptReply = { readonly id: number; readonly reply: WorkerReply };

/** A successful worker render. */
export type WorkerRender = { readonly results: RenderResult[]; readonly progress: readonly [number, number][] };

/**
 * True when this code runs compiled, the worker entry exists and there is a second core to run it on (on one
 * core the worker would only add its start-up), unless turned off or on by REPORTPRESS_CHART_WORKER.
 */
export function chartWorkerAvailable(): boolean {
  const env = process.env.REPORTPRESS_CHART_WORKER;
  return !import.meta.url.endsWith('.ts') && env !== '0' && (env === '1' || (availableParallelism() > 1 && existsSync(WORKER_ENTRY)));
}

/** A render under way in a worker; `wait` keeps the process alive for it (until then it may exit without it). */
export interface WorkerJob {
  wait(): Promise<WorkerRender | undefined>;
  /**
   * The PNGs the worker rasterised after rendering (asked for with `pngs`), by chart key; undefined when it was not
   * asked or failed (the caller rasterises in-thread: the same bytes). Keeps the process alive for them, as `wait`.
   */
  pngs?(): Promise<ReadonlyMap<string, Uint8Array> | undefined>;
}

/**
 * Starts rendering `req` in a new worker. `wait` resolves with its results, or with undefined when the worker
 * failed in any way (the caller then renders in-thread, which gives the same results or reports the same error).
 */
export function renderInWorker(req: RenderRequest, fonts: FontStore, pngs = false, session?: BuildContext): WorkerJob {
  const required = process.env.REPORTPRESS_CHART_WORKER === '1';
  const files = chartFiles(req, fonts);
  let worker: Worker | undefined;
  let pngsFrom: (m: ReadonlyMap<string, Uint8Array> | undefined) => void = () => undefined;
  let pngsFailed: (e: Error) => void = () => undefined;
  const pngsDone = new Promise<ReadonlyMap<string, Uint8Array> | undefined>((resolve, reject) => ((pngsFrom = resolve), (pngsFailed = reject)));
  pngsDone.catch(() => undefined); // reported when asked for
  const done = new Promise<WorkerRender | undefined>((resolve, reject) => {
    const failed = (why: unknown) => {
      pngsFrom(undefined);
      if (required) reject(new Error(`chart worker failed: ${why instanceof Error ? why.message : String(why)}`));
      else resolve(undefined);
    };
    const request = { ...req, files, pngs } satisfies WorkerRequest;
    // npm run bench times this request alone in a fresh process (scripts/chart-floor.mjs): the floor of a first build
    if (process.env.REPORTPRESS_BENCH_CHARTS) writeFileSync(process.env.REPORTPRESS_BENCH_CHARTS, serialize({ ...request, pngs: false }));
    const pre = session && takePrestarted(session);
    try {
      if (pre) pre.postMessage(request);
      worker = pre ?? new Worker(WORKER_ENTRY, { workerData: request });
    } catch (e) {
      if (pre) void pre.terminate();
      failed(e); // e.g. a plan that cannot be cloned
      return;
    }
    const w = worker;
    // A build that stops early (an input error) exits without waiting for the charts (or, after them, the PNGs).
    w.unref();
    w.once('message', (m: WorkerReply) => {
      if ('error' in m) failed(m.error);
      else resolve(m);
      if ('error' in m || !pngs) return void w.terminate();
      w.unref();
      w.once('message', (p: PngReply) => {
        // REPORTPRESS_CHART_WORKER=1: PNGs asked for and not made are an error too (tests must know the worker made them)
        if ('pngError' in p && required) pngsFailed(new Error(`chart worker failed: ${p.pngError}`));
        pngsFrom('pngs' in p ? new Map(p.pngs) : undefined);
        void w.terminate();
      });
    });
    w.once('error', failed);
    w.once('exit', (code) => failed(`exit ${code}`));
  });
  done.catch(() => undefined); // reported when waited for
  return {
    wait() {
      worker?.ref();
      return done;
    },
    pngs() {
      worker?.ref();
      return pngsDone;
    },
  };
}

/**
 * Starts a one-shot build's chart worker before its plans exist (a first build: no chart in a cache folder), so that
 * Node's start of the thread, ICU's and sharp's, and loading vega run on the second core while the main thread loads
 * and binds the content; renderInWorker hands it the request. Kept in the build context (`chartWorker`,
 * 'prestarted') until taken; endPrestarted stops it when no chart needs rendering.
 */
export function prestartChartWorker(session: BuildContext): void {
  const slot = session.cache<Prestarted>('chartWorker');
  if (slot.has('prestarted') || !chartWorkerAvailable()) return;
  try {
    // it also reads the SVG images' sizes with its sharp, so the main thread loads none (svgSizeInWorker.ts)
    const ask = askSvgSizes();
    const worker = new Worker(WORKER_ENTRY, { workerData: { prestart: true, svgSizes: ask.request }, transferList: [ask.transfer] });
    const p: Prestarted = { worker, alive: true, ask };
    p.worker.unref(); // a build that stops early (an input error) exits without it; one that failed gets no request
    p.worker.once('error', () => (p.alive = false));
    p.worker.once('exit', () => (p.alive = false));
    slot.set('prestarted', p);
  } catch {
    // no worker: the charts start one later, or render in-thread
  }
}

interface Prestarted {
  readonly worker: Worker;
  alive: boolean;
  readonly ask: ReturnType<typeof askSvgSizes>;
  svgSizes?: SvgSizes;
}

/** Gives the prestarted worker, if it runs, the content's SVG images (it waits for them before it renders). */
export function sendSvgsToPrestarted(session: BuildContext, svgs: readonly Uint8Array[]): void {
  const p = session.cache<Prestarted>('chartWorker').get('prestarted');
  if (p?.alive) p.svgSizes = p.ask.send(p.worker, svgs);
}
/** The SVG sizes a prestarted worker was asked for (while no render has taken it). */
export const prestartedSvgSizes = (session: BuildContext): SvgSizes | undefined => session.cache<Prestarted>('chartWorker').get('prestarted')?.svgSizes;

/** The prestarted worker if it is still running, taken out of the context (one request each). */
function takePrestarted(session: BuildContext): Worker | undefined {
  const slot = session.cache<Prestarted>('chartWorker');
  const p = slot.get('prestarted');
  slot.delete('prestarted');
  if (p && !p.alive) void p.worker.terminate();
  return p?.alive ? p.worker : undefined;
}

/** Stops a prestarted worker no render took (every chart was in a cache, the report has none, or it failed). */
export function endPrestarted(session: BuildContext): void {
  void takePrestarted(session)?.terminate();
}

/** The chart faces' files (key → absolute path) a worker opens. */
function chartFiles(req: RenderRequest, fonts: FontStore): Record<string, string> {
  const keys = new Set(Object.values(req.theme.fontKeys));
  return Object.fromEntries(Object.entries(fonts.files).filter(([k]) => keys.has(k)));
}

/** A session's chart worker: requests waiting for their answer by id. */
interface KeptWorker {
  readonly worker: Worker;
  readonly waiting: Map<number, (r: WorkerRender | undefined) => void>;
  next: number;
}

/**
 * Renders `req` in the session's own worker (build context `chartWorker`), started on first use and kept with
 * vega, the compiled specs and the chart faces loaded: a watch rebuild's charts then run on the second core while
 * the main thread styles and lays out the changed text, as a one-shot build's do. A worker that fails answers
 * undefined to every request waiting (the caller renders in-thread) and is replaced at the next request.
 */
export function renderInKeptWorker(session: BuildContext, req: RenderRequest, fonts: FontStore): WorkerJob {
  const required = process.env.REPORTPRESS_CHART_WORKER === '1';
  const slot = session.cache<KeptWorker>('chartWorker');
  let kept = slot.get('worker');
  if (!kept) {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: { kept: true } });
    } catch (e) {
      if (required) throw e;
      return { wait: async () => undefined };
    }
    const k: KeptWorker = { worker, waiting: new Map(), next: 0 };
    // idle, it does not keep the process alive; waited for, it does (wait → ref, last answer → unref)
    worker.unref();
    worker.on('message', (m: KeptReply) => {
      const resolve = k.waiting.get(m.id);
      k.waiting.delete(m.id);
      if (k.waiting.size === 0) worker.unref();
      resolve?.('error' in m.reply ? undefined : m.reply);
    });
    const failed = () => {
      if (slot.get('worker') === k) slot.delete('worker');
      for (const resolve of k.waiting.values()) resolve(undefined);
      k.waiting.clear();
    };
    worker.on('error', failed);
    worker.on('exit', failed);
    slot.set('worker', (kept = k));
  }
  const k = kept;
  const id = k.next++;
  const done = new Promise<WorkerRender | undefined>((resolve) => k.waiting.set(id, resolve));
  try {
    k.worker.postMessage({ ...req, files: chartFiles(req, fonts), id } satisfies KeptRequest);
  } catch {
    k.waiting.get(id)?.(undefined); // a plan that cannot be cloned: rendered in-thread
    k.waiting.delete(id);
  }
  return {
    async wait() {
      if (k.waiting.has(id)) k.worker.ref();
      const r = await done;
      if (!r && required) throw new Error('chart worker failed');
      return r;
    },
  };
}

/** Ends the session's chart worker, if it has one (a watch session that closes). */
export async function endKeptWorker(session: BuildContext): Promise<void> {
  const slot = session.cache<KeptWorker>('chartWorker');
  const k = slot.get('worker');
  slot.delete('worker');
  await k?.worker.terminate();
}
