/**
 * The compiled CLI (dist/cli.js → dist/cli.cjs, src/cli/launch.ts) starts from a V8 code cache that the compile
 * step made: V8 must accept it on this Node (else every start compiles the bundle again, silently), and a build
 * with it must write the same bytes as a build without it. The bundle is ASCII (our sources' non-ASCII characters
 * escaped at compile time), so the launcher reads it as Latin-1.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const run = (args: string[], codeCache: 'off' | 'report') =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, REPORTPRESS_CODE_CACHE: codeCache } });

describe('the CLI launcher', () => {
  it('starts from a code cache that V8 accepts, and says when it runs without one', () => {
    const withCache = run(['--help'], 'report');
    expect(withCache.status).toBe(0);
    expect(withCache.stderr).toContain('code cache: accepted');
    expect(withCache.stdout).toContain('Usage: reportpress');
    const without = run(['--help'], 'off');
    expect(without.stdout).toBe(withCache.stdout);
  });

  it('keeps zod, fontkit, svg-to-pdfkit and linebreak in side bundles, run with their own code cache when first needed', () => {
    const bundle = readFileSync(join(root, 'dist', 'cli.cjs'), 'latin1');
    // each package's own marks: zod's error class, fontkit's head table, svg-to-pdfkit's entry, linebreak's class
    for (const mark of [/class \$?ZodError\b|ZodError=/, /unitsPerEm:uint16/, /SVGtoPDF/, /LineBreaker=class\{/]) expect(bundle).not.toMatch(mark);
    for (const name of ['zod', 'fontkit', 'svg-to-pdfkit', 'linebreak']) expect(readFileSync(join(root, 'dist', `side-${name}.cjs`), 'latin1').length).toBeGreaterThan(10_000);
    // `check` validates the content with zod's schemas: zod's side bundle runs, from its code cache
    const checked = run(['check', join(root, 'content', 'annual-report-2020-en')], 'report');
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('code cache (side-zod.cjs): accepted');
    // `--help` needs none of them
    expect(run(['--help'], 'report').stderr).toBe('code cache: accepted\n');
  });

  it('runs none of the side bundles for a next build whose inputs are all in its caches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-launch-'));
    const args = ['build', join(root, 'content', 'annual-report-2020-en'), '-o', join(dir, 'r.pdf'), '--cache-dir', join(dir, 'cache')];
    const first = run(args, 'report');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('(side-zod.cjs)');
    const next = run(args, 'report');
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr.split('\n').filter((l) => l.startsWith('code cache'))).toEqual(['code cache: accepted']);
  }, 240_000);

  it('starts as CommonJS: neither --help nor a next build loads Node\'s ES-module loader', () => {
    // Node's own module list at exit, through a preloaded CommonJS hook (a -r script loads no ES module itself)
    const dir = mkdtempSync(join(tmpdir(), 'rp-launch-'));
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(process.moduleLoadList) + '\\n'));\n");
    const esmLoaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', hook, cli, ...args], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const list = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as string[];
      expect(list).toContain('NativeModule vm'); // the list is Node's, and the launcher ran
      return list.filter((m) => m.includes('internal/modules/esm/module_job') || m.includes('internal/modules/esm/translators'));
    };
    expect(esmLoaded(['--help'])).toEqual([]);
    const args = ['build', join(root, 'content', 'annual-report-2020-en'), '-o', join(dir, 'r.pdf'), '--cache-dir', join(dir, 'cache')];
    esmLoaded(args);
    expect(esmLoaded(args)).toEqual([]);
    // the ES-module entry it replaced did load them: the check can tell
    const esm = join(dir, 'entry.mjs');
    writeFileSync(esm, '');
    const r = spawnSync(process.execPath, ['-r', hook, esm], { encoding: 'utf8' });
    expect((JSON.parse(r.stderr.trim().split('\n').at(-1)!) as string[]).some((m) => m.includes('internal/modules/esm/module_job'))).toBe(true);
  }, 240_000);

  it('never uses a code cache older than the bundle (V8 would take another bundle of the same length)', () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'rp-launch-')), 'dist');
    mkdirSync(dist);
    for (const f of ['cli.js', 'cli.cjs', 'cli.cjs.cache']) copyFileSync(join(root, 'dist', f), join(dist, f));
    const help = () => spawnSync(process.execPath, [join(dist, 'cli.js'), '--help'], { encoding: 'utf8', env: { ...process.env, REPORTPRESS_CODE_CACHE: 'report' } });
    const t = Date.now() / 1000;
    utimesSync(join(dist, 'cli.cjs'), t - 10, t - 10);
    utimesSync(join(dist, 'cli.cjs.cache'), t, t);
    expect(help().stderr).toContain('code cache: accepted');
    utimesSync(join(dist, 'cli.cjs'), t + 10, t + 10);
    const stale = help();
    expect(stale.stderr).toContain('code cache: none');
    expect(stale.stdout).toContain('Usage: reportpress');
  });

  it('writes the same PDF with and without the code cache', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-launch-'));
    const pdfs = (['report', 'off'] as const).map((mode) => {
      const out = join(dir, mode, 'r.pdf');
      const r = run(['build', join(root, 'content', 'annual-report-2020-en'), '-o', out, '--no-cache'], mode);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    });
    expect(pdfs[0]!.length).toBeGreaterThan(10_000);
    expect(pdfs[0]!.equals(pdfs[1]!)).toBe(true);
  }, 240_000);

  it('is an ASCII bundle (read as Latin-1 at start), the license comments of its dependencies kept beside it', () => {
    const bundle = readFileSync(join(root, 'dist', 'cli.cjs'));
    const at = bundle.findIndex((b) => b > 0x7f);
    expect(at === -1 ? '' : bundle.toString('utf8', Math.max(0, at - 40), at + 20)).toBe('');
    expect(readFileSync(join(root, 'dist', 'cli.cjs.LEGAL.txt'), 'utf8')).toContain('Hyphenopoly');
    // the escaped sources mean the same: a Dutch quotation mark still counts as part of a word (regex literal)
    const r = run(['check', join(root, 'content', 'jaarverslag-2020')], 'report');
    expect(r.status, r.stderr).toBe(0);
  });

  it('holds HarfBuzz\'s JavaScript (compiled from the code cache, not imported as an ES module at each start)', () => {
    const bundle = readFileSync(join(root, 'dist', 'cli.cjs'), 'latin1');
    expect(bundle).toMatch(/_hb_shape=wasmExports\w*\.hb_shape/);
    expect(bundle).not.toMatch(/require\(["']harfbuzzjs["']\)/);
    // and shapes with it: a build of the English report (kerning and ligatures of every face) is checked above;
    // `check` shapes the table columns
    const r = run(['check', join(root, 'content', 'annual-report-2020-en')], 'report');
    expect(r.status, r.stderr).toBe(0);
  });

  it('gives a usage error (exit 2) from the bundle as from the sources', () => {
    const r = run(['build', '--no-such-flag'], 'report');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});
