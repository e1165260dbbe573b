/**
 * SVG image sizes read by the prestarted chart worker's sharp (src/charts/svgSizeInWorker.ts) instead of the main
 * thread's: the images stage gets the same prepared image and the same IMAGE101 error as when it asks sharp itself;
 * a worker that ends before answering leaves it to the main thread. The compiled CLI is also run with the worker on
 * and off on a copy of the bundled report whose SVG image is broken: the same diagnostic and exit code.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { answerSvgSizes, askSvgSizes } from '../../src/charts/svgSizeInWorker.ts';
import { prepareImages, type SvgSize } from '../../src/images/prepareImages.ts';
import { DEFAULT_LIMITS } from '../../src/spec/limits.ts';

const enc = (s: string) => new TextEncoder().encode(s);
// hand-written sizes: 200 × 50 px, so the aspect (height / width) is 0.25
const WIDE = enc('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50"/></svg>');
const BROKEN = enc('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect');
const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const prepare = (files: Record<string, Uint8Array>, sizes?: Promise<ReadonlyMap<string, SvgSize>>) =>
  prepareImages(new Map(Object.entries(files)), undefined, DEFAULT_LIMITS, new Map(), undefined, sizes);
/** What a failed preparation reports (its diagnostics), or the prepared images. */
const outcome = (p: Promise<unknown>) => p.catch((e: { diagnostics?: unknown }) => ({ diagnostics: e.diagnostics }));

/** The worker's answer made in this thread: a stand-in worker (an emitter) and the real reply port. */
async function answered(svgs: Uint8Array[]) {
  const ask = askSvgSizes();
  const answering = answerSvgSizes(ask.request); // loads sharp, then waits for the SVGs
  const sizes = ask.send(new EventEmitter() as unknown as Worker, svgs);
  await answering;
  return sizes;
}

describe('SVG sizes from the chart worker', () => {
  it('give the prepared image the main thread would make, with the SVG’s own aspect', async () => {
    const sizes = await answered([WIDE]);
    expect(sizes.get(hash(WIDE))).toEqual({ width: 200, height: 50 });
    const viaWorker = await prepare({ 'a.svg': WIDE }, Promise.resolve(sizes));
    expect(viaWorker.get('a.svg')!.aspect).toBe(0.25);
    expect(viaWorker).toStrictEqual(await prepare({ 'a.svg': WIDE }));
  });

  it('are what the images stage uses (an answer saying 10 × 70 gives aspect 7)', async () => {
    const told = new Map([[hash(WIDE), { width: 10, height: 70 }]]);
    expect((await prepare({ 'a.svg': WIDE }, Promise.resolve(told))).get('a.svg')!.aspect).toBe(7);
  });

  it('report a broken SVG with the same IMAGE101 diagnostic', async () => {
    const sizes = await answered([WIDE, BROKEN]);
    expect(sizes.get(hash(BROKEN))).toHaveProperty('error');
    const viaWorker = await outcome(prepare({ 'a.svg': WIDE, 'b.svg': BROKEN }, Promise.resolve(sizes)));
    const inThread = await outcome(prepare({ 'a.svg': WIDE, 'b.svg': BROKEN }));
    expect(inThread).toMatchObject({ diagnostics: [{ code: 'IMAGE101' }] });
    expect(viaWorker).toStrictEqual(inThread);
  });

  it('a worker that ends before answering answers nothing: the main thread asks sharp', async () => {
    const ask = askSvgSizes();
    const worker = new EventEmitter();
    const sizes = ask.send(worker as unknown as Worker, [WIDE]);
    worker.emit('exit', 1);
    expect((await sizes).size).toBe(0);
    expect((await prepare({ 'a.svg': WIDE }, sizes)).get('a.svg')!.aspect).toBe(0.25);
  });

  it('the CLI reports a broken SVG image the same with the worker on and off', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-svgsize-')), 'c');
    cpSync(join(root, 'content', 'jaarverslag-2020'), dir, { recursive: true });
    const file = join(dir, 'images', 'brexit-pasje.svg');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<\/svg>\s*$/, '<rect'));
    const run = (worker: '0' | '1') =>
      spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', dir, '-o', join(dir, '..', `w${worker}.pdf`), '--no-cache'], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, REPORTPRESS_CHART_WORKER: worker, CI: '' },
      });
    const [inThread, inWorker] = [run('0'), run('1')];
    expect(inThread.status).toBe(1);
    expect(inThread.stderr).toContain('error[IMAGE101]');
    expect(inThread.stderr).toContain('brexit-pasje.svg');
    expect(inWorker.status).toBe(inThread.status);
    expect(inWorker.stderr).toBe(inThread.stderr);
  });
});
