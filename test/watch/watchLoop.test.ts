/**
 * The watch loop on a scratch copy of the minimal report: an edited paragraph, a save by rename, broken YAML (error
 * with position, last good PDF kept byte for byte), the fix, a deleted and re-created file, and a burst of saves.
 * Each resulting PDF is read back with pdf.js; the last one must equal a one-shot CLI build byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatch, youngCollector, type Rebuild, type WatchHandle } from '../../src/watch/watchLoop.ts';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { openPdf } from '../../src/raster/openPdf.ts';
import { toWords } from '../../src/diff/wordDiff.ts';
import { scratchReport } from '../helpers/scratchReport.ts';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

async function pdfWords(file: string): Promise<string[]> {
  const pdf = await openPdf(readFileSync(file));
  const words: string[] = [];
  for (let n = 1; n <= pdf.pageCount; n++) words.push(...toWords((await pdf.text(n)).map((t) => t.str).join(' ')));
  await pdf.close();
  return words;
}

describe('watch loop', () => {
  const dir = scratchReport('rp-watch-');
  const out = join(dir, '..', 'out', 'report.pdf');
  const article = join(dir, 'sections', '01-artikel.yaml');
  const original = readFileSync(article, 'utf8');
  const events: Rebuild[] = [];
  let waiting: ((r: Rebuild) => void) | undefined;
  let handle: WatchHandle;
  /** The next rebuild after `edit` runs. */
  const after = (edit: () => void): Promise<Rebuild> => {
    const p = new Promise<Rebuild>((res) => (waiting = res));
    edit();
    return p;
  };

  beforeAll(async () => {
    handle = await startWatch({
      contentDir: dir,
      output: out,
      debounceMs: 50,
      onRebuild: (r) => {
        events.push(r);
        const w = waiting;
        waiting = undefined;
        w?.(r);
      },
    });
  }, 60_000);
  afterAll(() => handle?.close());

  it('builds once at start and writes the PDF', async () => {
    expect(events).toHaveLength(1);
    expect(events[0]!.ok).toBe(true);
    expect(await pdfWords(out)).toContain('zorgvuldige');
  });

  it('rebuilds after an edited paragraph and names the changed page', async () => {
    const r = await after(() => writeFileSync(article, original.replace('zorgvuldige planning', 'nauwkeurige planning')));
    expect(r.ok).toBe(true);
    const words = await pdfWords(out);
    expect(words).toContain('nauwkeurige');
    expect(words).not.toContain('zorgvuldige');
    if (r.ok) expect(r.changed.length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('survives a save by rename (write a temp file, rename it over the original)', async () => {
    const r = await after(() => {
      writeFileSync(`${article}.new`, original.replace('zorgvuldige planning', 'grondige planning'));
      renameSync(`${article}.new`, article);
    });
    expect(r.ok).toBe(true);
    expect(await pdfWords(out)).toContain('grondige');
  }, 60_000);

  it('reports broken YAML at its line and keeps the last good PDF byte for byte', async () => {
    const good = readFileSync(out);
    const broken = original.replace('title: Een artikel met een kader', 'title: [Een artikel met een kader');
    const line = broken.split('\n').findIndex((l) => l.startsWith('title: [')) + 1;
    const r = await after(() => writeFileSync(article, broken));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'error' && d.span?.file.endsWith('01-artikel.yaml') && d.span.line >= line)).toBe(true);
    expect(Buffer.compare(readFileSync(out), good)).toBe(0);
  }, 60_000);

  it('rebuilds once the YAML is fixed', async () => {
    const r = await after(() => writeFileSync(article, original));
    expect(r.ok).toBe(true);
    expect(await pdfWords(out)).toContain('zorgvuldige');
  }, 60_000);

  it('survives a file deleted and created again', async () => {
    const gone = await after(() => rmSync(article));
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.diagnostics.map((d) => d.code)).toContain('LOAD001');
    const back = await after(() => writeFileSync(article, original.replace('zorgvuldige planning', 'herstelde planning')));
    expect(back.ok).toBe(true);
    expect(await pdfWords(out)).toContain('herstelde');
  }, 60_000);

  it('merges a burst of saves and ends with the last one; the PDF equals a one-shot build', async () => {
    const before = events.length;
    await after(() => {
      for (const w of ['een', 'twee', 'drie', 'vier', 'laatste']) writeFileSync(article, original.replace('zorgvuldige planning', `${w} planning`));
    });
    await handle.idle();
    expect(events.length - before).toBeLessThan(5);
    expect(events.at(-1)!.ok).toBe(true);
    expect(await pdfWords(out)).toContain('laatste');
    const oneShot = join(dir, '..', 'one-shot.pdf');
    const r = spawnSync(process.execPath, [cli, 'build', dir, '-o', oneShot, '--no-cache'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(oneShot), readFileSync(out))).toBe(0);
  }, 90_000);
});

describe('watch loop with a debounce shorter than chokidar’s throttle', () => {
  // chokidar drops a second change event of one file within 50 ms of the first: a build started 5 ms after the
  // first save would read it and never hear of the second, so the loop waits at least past the throttle.
  it('still ends with the second of two saves 25 ms apart', async () => {
    const dir = scratchReport('rp-watch-throttle-');
    const out = join(dir, '..', 'out', 'report.pdf');
    const article = join(dir, 'sections', '01-artikel.yaml');
    const original = readFileSync(article, 'utf8');
    let waiting: (() => void) | undefined;
    const handle = await startWatch({ contentDir: dir, output: out, debounceMs: 5, onRebuild: () => waiting?.() });
    try {
      const first = new Promise<void>((res) => (waiting = res));
      writeFileSync(article, original.replace('zorgvuldige planning', 'kladversie planning'));
      await new Promise((res) => setTimeout(res, 25));
      writeFileSync(article, original.replace('zorgvuldige planning', 'eindversie planning'));
      await first;
      await handle.idle();
      const words = await pdfWords(out);
      expect(words).toContain('eindversie');
      expect(words).not.toContain('kladversie');
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('watch loop with a short debounce', () => {
  it('a save made right after a fast rebuild is rebuilt too (chokidar drops a change within 50 ms of the last)', async () => {
    const dir = scratchReport('rp-watch-fast-');
    const article = join(dir, 'sections', '01-artikel.yaml');
    const original = readFileSync(article, 'utf8');
    const seen: string[] = [];
    let waiting: ((r: Rebuild) => void) | undefined;
    const handle = await startWatch({
      contentDir: dir,
      output: join(dir, '..', 'fast', 'report.pdf'),
      debounceMs: 1,
      onRebuild: (r) => {
        const w = waiting;
        waiting = undefined;
        w?.(r);
      },
    });
    try {
      for (const word of ['een', 'twee', 'drie', 'vier', 'vijf', 'zes']) {
        // each save as soon as the rebuild before it is reported
        const next = new Promise<Rebuild>((res, rej) => {
          waiting = res;
          setTimeout(() => rej(new Error(`no rebuild after saving "${word}"`)), 15_000).unref();
        });
        writeFileSync(article, original.replace('zorgvuldige planning', `${word} planning`));
        expect((await next).ok).toBe(true);
        seen.push(word);
      }
      expect(await pdfWords(join(dir, '..', 'fast', 'report.pdf'))).toContain('zes');
      expect(seen).toHaveLength(6);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe('youngCollector', () => {
  it('runs a young-generation collection when called (seen by a gc performance observer)', async () => {
    const collect = youngCollector();
    expect(collect).toBeTypeOf('function');
    const kinds: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kinds.push((e as unknown as { detail: { kind: number } }).detail.kind);
    });
    obs.observe({ entryTypes: ['gc'] });
    collect!();
    // gc entries are delivered asynchronously
    await new Promise((res) => setTimeout(res, 50));
    obs.disconnect();
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  });
});
