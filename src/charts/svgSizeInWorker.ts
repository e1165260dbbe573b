/**
 * The SVG images' sizes as sharp (librsvg) reads them, asked of a first build's prestarted chart worker
 * (renderInWorker.ts) instead of loading sharp on the main thread: sharp's load is 45–65 ms of the main thread's
 * CPU, and the worker loads it anyway for the charts' PNGs. The worker makes the very call the images stage would
 * (same options, same library), so each size — or the complaint about a broken SVG — is the same. The worker,
 * started before the content loads, has sharp loaded and waits for the images before it loads vega: a request it
 * found busy with vega's load and the first renders would wait for them. Images and answers go on a port of their
 * own, apart from the chart messages.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { SvgSize } from '../images/prepareImages.ts';

/** What a prestarted worker is given (in its workerData): the port the SVGs' bytes come on and it answers on. */
export interface SvgSizeRequest {
  readonly port: MessagePort;
}

/** The worker's answer: each SVG's size or sharp's complaint, in order; or nothing when it could not load sharp. */
type SvgSizeReply = readonly SvgSize[] | null;

/** The sizes by the SHA-256 (hex) of the SVG's bytes; an SVG the worker did not answer for is not in it. */
export type SvgSizes = Promise<ReadonlyMap<string, SvgSize>>;

/**
 * The request to give `new Worker(…, { workerData: { …, svgSizes: request }, transferList: [transfer] })`, and
 * `send`, which gives that worker the SVGs once they are known (exactly once: it waits for them before it renders).
 */
export function askSvgSizes(): { request: SvgSizeRequest; transfer: MessagePort; send: (worker: Worker, svgs: readonly Uint8Array[]) => SvgSizes } {
  const { port1, port2 } = new MessageChannel();
  const send = (worker: Worker, svgs: readonly Uint8Array[]): SvgSizes =>
    new Promise((resolve) => {
      const done = (r: SvgSizeReply | undefined) => {
        worker.off('exit', gone);
        port1.close();
        resolve(new Map(r ? r.map((s, i) => [createHash('sha256').update(svgs[i]!).digest('hex'), s] as const) : []));
      };
      const gone = () => done(undefined);
      // listened to, the port keeps the process alive until the answer; a worker that ends first answers nothing
      port1.once('message', done);
      worker.once('exit', gone);
      port1.postMessage(svgs);
    });
  return { request: { port: port2 }, transfer: port2, send };
}

/** The worker's side: loads sharp, waits for the SVGs, and answers sharp's metadata of each, as prepareImages would ask. */
export async function answerSvgSizes(req: SvgSizeRequest): Promise<void> {
  let sharp: typeof import('sharp').default | undefined;
  try {
    sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;
  } catch {
    // the main thread loads it and reports what is wrong
  }
  const svgs = await new Promise<readonly Uint8Array[]>((resolve) => req.port.once('message', resolve));
  const reply: SvgSizeReply = sharp
    ? await Promise.all(
        svgs.map(async (bytes): Promise<SvgSize> => {
          try {
            const { width, height } = await sharp(Buffer.from(bytes), { limitInputPixels: false }).metadata();
            return { width, height };
          } catch (e) {
            return { error: e instanceof Error ? e.message : String(e) };
          }
        }),
      )
    : null;
  req.port.postMessage(reply);
  req.port.close();
}

/** The SVG images among a content folder's images (by file name, as the images stage tells them apart). */
export const svgImages = (images: ReadonlyMap<string, Uint8Array>): Uint8Array[] => [...images].filter(([src]) => /\.svg$/i.test(src)).map(([, bytes]) => bytes);
