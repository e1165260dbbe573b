/** The CLI as CI and editors use it: exit codes, error format, and no partial output on failure. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const content = join(root, 'content', 'jaarverslag-2020');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A scratch copy of the bundled content, so a test can break one file. */
function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-cli-'));
  cpSync(content, join(dir, 'c'), { recursive: true });
  return join(dir, 'c');
}

describe('reportpress CLI', () => {
  it('check passes on the bundled report and writes nothing', () => {
    const r = run(['check']);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    expect(run(['build', '--no-such-flag']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('reports an unknown block type at file:line:column, exits 1, and writes no PDF', () => {
    const dir = copyContent();
    const file = join(dir, 'sections', '01-asiel.yaml');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^\s*- facts:/.test(l));
    expect(at).toBeGreaterThan(-1);
    lines[at] = lines[at]!.replace('facts:', 'factbox:');
    writeFileSync(file, lines.join('\n'));
    const out = join(dir, 'out.pdf');
    const r = run(['build', dir, '-o', out]);
    expect(r.code).toBe(1);
    const col = lines[at]!.indexOf('factbox') + 1;
    expect(r.err).toContain(`01-asiel.yaml:${at + 1}:${col}`);
    expect(r.err).toMatch(/unknown block type "factbox"/);
    expect(r.err).toMatch(/facts/);
    expect(r.err).not.toMatch(/\n\s+at .*\(.*\.js:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('names the closest figures for an unknown reference', () => {
    const dir = copyContent();
    const file = join(dir, 'sections', '04-naturalisatie.yaml');
    const text = readFileSync(file, 'utf8');
    const m = /\{naturalisatie\.([a-z_]+)/.exec(text);
    expect(m).not.toBeNull();
    writeFileSync(file, text.replace(m![0], `{naturalisatie.${m![1]}x`));
    const r = run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`naturalisatie.${m![1]}x`);
    expect(r.err).toContain(`naturalisatie.${m![1]}`);
    expect(r.err).toMatch(/04-naturalisatie\.yaml:\d+:\d+/);
  });

  it('writes the same bytes as the library build, whether charts come from the cache or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-cli-'));
    const cold = run(['build', '-o', join(dir, 'cold.pdf'), '--charts-dir', join(dir, 'charts')]);
    expect(cold.code, cold.err).toBe(0);
    expect(readdirSync(join(dir, '.cache', 'charts')).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
    const warm = run(['build', '-o', join(dir, 'warm.pdf'), '--charts-dir', join(dir, 'charts')]);
    const none = run(['build', '-o', join(dir, 'none', 'none.pdf'), '--no-cache', '--charts-dir', join(dir, 'none', 'charts')]);
    expect([warm.code, none.code]).toEqual([0, 0]);
    expect(existsSync(join(dir, 'none', '.cache'))).toBe(false);
    // The CLI loads vega from dist/vega.cjs with a code cache; the library build here imports it from source.
    const lib = Buffer.from((await buildReport({ contentDir: content })).pdf);
    for (const f of ['cold.pdf', 'warm.pdf', 'none/none.pdf']) expect(readFileSync(join(dir, f)).equals(lib), f).toBe(true);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.png')).length).toBe(8);
  });
});
