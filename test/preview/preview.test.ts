/**
 * The preview in a real browser: Debian's chromium (installed by .ci/run) driven by playwright-core, which never
 * downloads a browser of its own. Runs `reportpress preview` on a scratch report and checks what an editor sees:
 * the pages, a changed page after an edit (only that image reloads, the scroll position holds), broken YAML as an
 * overlay with file:line:column, the fix, and a click on text showing its source position.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { scratchReport } from '../helpers/scratchReport.ts';
import { openPdf } from '../../src/raster/openPdf.ts';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** Debian's chromium, or CHROMIUM_PATH; undefined when none is installed. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c) => c && existsSync(c));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

const browserPath = findChromium();
if (!browserPath) {
  // Loud on purpose: a skipped browser test must not go unnoticed (.ci/run installs chromium with apt).
  console.warn('\n*** SKIPPING the preview browser test: no chromium found (apt-get install -y chromium, or set CHROMIUM_PATH) ***\n');
}

describe.skipIf(!browserPath)('preview in a browser', () => {
  const dir = scratchReport('rp-preview-');
  const article = join(dir, 'sections', '01-artikel.yaml');
  const original = readFileSync(article, 'utf8');
  let proc: ChildProcess;
  let ctx: BrowserContext;
  let page: Page;
  let url = '';

  const version = () => page.evaluate<number>('Number(document.body.dataset.version)');
  const srcs = () => page.evaluate<(string | null)[]>("[...document.querySelectorAll('#pages img')].map((i) => i.getAttribute('src'))");
  const allLoaded = () => page.waitForFunction("[...document.querySelectorAll('#pages img')].every((i) => i.complete && i.naturalWidth > 0)");
  /** Runs `edit` and waits until the page has applied the next rebuild. */
  const afterRebuild = async (edit: () => void) => {
    const v = await version();
    edit();
    await page.waitForFunction(`Number(document.body.dataset.version) > ${v}`, undefined, { timeout: 60_000 });
    await allLoaded();
  };

  beforeAll(async () => {
    proc = spawn(process.execPath, [cli, 'preview', dir, '-o', join(dir, '..', 'out', 'r.pdf'), '--no-cache'], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((res, rej) => {
      let out = '';
      proc.stdout!.on('data', (b) => {
        out += b;
        const m = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) res(m[1]!);
      });
      proc.once('exit', (code) => rej(new Error(`preview exited ${code}: ${out}`)));
    });
    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rp-chromium-')), {
      executablePath: browserPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1000, height: 800 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    await page.waitForFunction('Number(document.body.dataset.version) >= 1', undefined, { timeout: 90_000 });
    await allLoaded();
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    if (proc?.pid) process.kill(proc.pid, 'SIGTERM');
  });

  it('is served on 127.0.0.1 and shows every page', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const n = (await srcs()).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(await page.isHidden('#overlay')).toBe(true);
  });

  it('reloads only the edited page and keeps the scroll position', async () => {
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    const y0 = await page.evaluate<number>('window.scrollY');
    expect(y0).toBeGreaterThan(0);
    const before = await srcs();
    await afterRebuild(() => writeFileSync(article, original.replace('zorgvuldige planning', 'nauwkeurige planning')));
    const after = await srcs();
    const changed = after.map((s, i) => (s !== before[i] ? i + 1 : 0)).filter(Boolean);
    expect(changed).toHaveLength(1);
    // The changed page's new image differs from its old one (fetched from the same server).
    const [a, b] = await Promise.all([before[changed[0]! - 1], after[changed[0]! - 1]].map((s) => fetch(new URL(s!, url)).then((r) => r.arrayBuffer())));
    expect(Buffer.compare(Buffer.from(a!), Buffer.from(b!))).not.toBe(0);
    expect(Math.abs((await page.evaluate<number>('window.scrollY')) - y0)).toBeLessThanOrEqual(2);
  }, 90_000);

  it('shows broken YAML as an overlay with file:line:column, and the pages again once fixed', async () => {
    const broken = original.replace('title: Een artikel met een kader', 'title: [Een artikel met een kader');
    await afterRebuild(() => writeFileSync(article, broken));
    expect(await page.isVisible('#overlay')).toBe(true);
    const text = await page.textContent('#overlay');
    expect(text).toMatch(/sections\/01-artikel\.yaml:\d+:\d+/);
    expect(await page.getAttribute('#overlay a', 'href')).toMatch(/^vscode:\/\/file\/.*01-artikel\.yaml:\d+:\d+$/);
    await afterRebuild(() => writeFileSync(article, original));
    expect(await page.isHidden('#overlay')).toBe(true);
    expect(await page.$eval('#pages', (e) => e.classList.contains('stale'))).toBe(false);
  }, 90_000);

  it('shows the source position of clicked text', async () => {
    // Where the word is, read back from the PDF the preview wrote (points), scaled to the image on screen.
    const pdf = await openPdf(readFileSync(join(dir, '..', 'out', 'r.pdf')));
    let hit: { n: number; x: number; y: number; w: number; h: number } | undefined;
    for (let n = 1; n <= pdf.pageCount && !hit; n++) {
      const word = (await pdf.text(n)).find((t) => t.str.includes('zorgvul'));
      const size = await pdf.pageSize(n);
      if (word) hit = { n, x: word.x + 3, y: word.y + word.height / 2, w: size.width, h: size.height };
    }
    await pdf.close();
    expect(hit).toBeDefined();
    const img = page.locator('#pages img').nth(hit!.n - 1);
    await img.scrollIntoViewIfNeeded();
    const box = (await img.boundingBox())!;
    await img.click({ position: { x: (hit!.x / hit!.w) * box.width, y: (hit!.y / hit!.h) * box.height } });
    await page.waitForFunction("document.getElementById('source').textContent !== ''");
    expect(await page.textContent('#source')).toMatch(/01-artikel\.yaml:\d+:\d+/);
    expect(await page.getAttribute('#source a', 'href')).toMatch(/^vscode:\/\/file\/.*01-artikel\.yaml:\d+:\d+$/);
  }, 60_000);
});
