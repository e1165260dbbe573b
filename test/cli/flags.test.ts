/**
 * Every flag and exit code the README documents for build, check and charts, run through the compiled CLI on small
 * content folders: --strict (build and check), --typo-report, --timings, --cache-dir, --no-cache, -o, --charts-dir,
 * charts -o, and exit codes 0, 1, 2 and 70 (70 through REPORTPRESS_FAULT=write, a deliberate fault between writing
 * and renaming the PDF, which must leave nothing behind). --pdfa/--print: test/e2e/variants.test.ts; pages/diff:
 * test/cli/pages.test.ts, test/diff/.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../helpers/pdf.ts';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
/** A small report with a footnote, a facts box and a foreword, and no warnings. */
const MINIMAL = join(root, 'test', 'golden', 'minimal');
/** The minimal report plus a figure no text uses: its only diagnostic is a warning. */
function withWarning(): string {
  const dir = join(scratch(), 'c');
  cpSync(MINIMAL, dir, { recursive: true });
  appendFileSync(join(dir, 'figures.yaml'), '  ongebruikt: { value: 5, label: Ongebruikt }\n');
  return dir;
}
/** A report with one chart. */
const CHART = join(root, 'test', 'golden', 'chart');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const scratch = () => mkdtempSync(join(tmpdir(), 'rp-flags-'));
const noStack = /\n\s+at .*[(/].*:\d+/;

describe('documented flags and exit codes', () => {
  it('--strict turns warnings into errors: build exits 1 and writes nothing, check exits 1; without it both exit 0', () => {
    const dir = scratch();
    const WARNINGS = withWarning();
    const loose = run(['build', WARNINGS, '-o', join(dir, 'loose.pdf'), '--no-cache']);
    expect(loose.code, loose.err).toBe(0);
    expect(loose.err).toMatch(/warning\[/);
    expect(existsSync(join(dir, 'loose.pdf'))).toBe(true);
    const strict = run(['build', WARNINGS, '-o', join(dir, 'strict.pdf'), '--no-cache', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/error\[/);
    expect(strict.err).not.toMatch(/warning\[/);
    expect(strict.err).not.toMatch(noStack);
    expect(existsSync(join(dir, 'strict.pdf'))).toBe(false);
    expect(run(['check', WARNINGS]).code).toBe(0);
    const checkStrict = run(['check', WARNINGS, '--strict']);
    expect(checkStrict.code).toBe(1);
    // the same diagnostics from check and build under --strict
    expect(checkStrict.err).toBe(strict.err);
  });

  it('--typo-report prints every figure the README lists, and the widows and orphans of the PDF are zero', async () => {
    const dir = scratch();
    const r = run(['build', MINIMAL, '-o', join(dir, 'm.pdf'), '--no-cache', '--typo-report']);
    expect(r.code, r.err).toBe(0);
    for (const label of ['lines', 'hyphenated lines', 'longest hyphen run', 'hyphens at column breaks', 'widows', 'orphans', 'overfull lines']) {
      expect(r.out, label).toMatch(new RegExp(`\\n\\s+${label}\\s+\\d+`));
    }
    expect(r.out).toMatch(/word space/i);
    const count = (label: string) => Number(new RegExp(`\\n\\s+${label}\\s+(\\d+)`).exec(r.out)![1]);
    expect(count('widows')).toBe(0);
    expect(count('overfull lines')).toBe(0);
    // its line count is the number of text lines the PDF draws in the body (pages with folios, not the TOC)
    expect(count('lines')).toBeGreaterThan(10);
    expect((await parsePdf(new Uint8Array(readFileSync(join(dir, 'm.pdf'))))).pages.length).toBeGreaterThanOrEqual(3);
  });

  it('--timings prints one line per stage with its milliseconds on stderr', () => {
    const r = run(['build', MINIMAL, '-o', join(scratch(), 'm.pdf'), '--no-cache', '--timings']);
    expect(r.code, r.err).toBe(0);
    const stages = [...r.err.matchAll(/^(\S[^\n]*?)\s+(\d+\.\d) ms$/gm)].map((m) => m[1]!.trim());
    for (const s of ['load', 'theme', 'bind', 'fonts', 'style', 'layout', 'pdf']) expect(stages).toContain(s);
    expect(r.out).toMatch(/^wrote .*m\.pdf \(\d+ pages, \d+ KiB[,)]/m);
  });

  it('--cache-dir keeps chart renders in that folder (none beside the PDF), and a warm build gives the same bytes', () => {
    const dir = scratch();
    const cache = join(dir, 'elsewhere');
    const cold = run(['build', CHART, '-o', join(dir, 'out', 'a.pdf'), '--charts-dir', join(dir, 'charts'), '--cache-dir', cache]);
    expect(cold.code, cold.err).toBe(0);
    expect(readdirSync(join(cache, 'charts')).some((f) => f.endsWith('.json'))).toBe(true);
    expect(existsSync(join(dir, 'out', '.cache'))).toBe(false);
    const warm = run(['build', CHART, '-o', join(dir, 'out', 'b.pdf'), '--charts-dir', join(dir, 'charts'), '--cache-dir', cache]);
    expect(warm.code, warm.err).toBe(0);
    expect(readFileSync(join(dir, 'out', 'b.pdf')).equals(readFileSync(join(dir, 'out', 'a.pdf')))).toBe(true);
    // --charts-dir got the chart as SVG and PNG
    expect(readdirSync(join(dir, 'charts')).map((f) => f.replace(/^.*\./, '')).sort()).toEqual(['png', 'svg']);
  });

  it('charts -o writes every chart as SVG and PNG into the folder; --no-cache keeps no cache beside it', () => {
    const dir = scratch();
    const r = run(['charts', CHART, '-o', join(dir, 'c'), '--no-cache']);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'c')).filter((f) => /\.(svg|png)$/.test(f)).length).toBe(2);
    expect(existsSync(join(dir, '.cache'))).toBe(false);
    expect(r.out).toMatch(/wrote 1 charts to /);
  });

  it('exits 70 on an internal error with one line and no stack trace, and leaves no PDF or temporary file', () => {
    const dir = scratch();
    const r = run(['build', MINIMAL, '-o', join(dir, 'x.pdf'), '--no-cache'], { REPORTPRESS_FAULT: 'write' });
    expect(r.code).toBe(70);
    expect(r.err).toMatch(/^internal error \(please report\).*deliberate fault/m);
    expect(r.err).not.toMatch(noStack);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 on usage errors: an unknown flag, a missing option value, an unknown command', () => {
    expect(run(['build', '--no-such-flag']).code).toBe(2);
    expect(run(['build', MINIMAL, '-o']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });
});
