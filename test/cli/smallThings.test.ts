/**
 * Issue 11 item 6: chart files beside the PDF, diagnostics paths relative to the content folder (never a chain
 * of "../"), check's warning count, and one YAML mistake giving one error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A small content folder (one section) in a fresh temp dir, with `section` as its only section file. */
function content(section: string, figures = 'figures:\n  a: 5\n'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rp-small-')), 'c');
  mkdirSync(join(dir, 'sections'), { recursive: true });
  writeFileSync(join(dir, 'report.yaml'), 'title: T\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n');
  writeFileSync(join(dir, 'figures.yaml'), figures);
  writeFileSync(join(dir, 'sections', 'a.yaml'), section);
  return dir;
}

describe('small things a user met', () => {
  it('writes chart files beside the PDF, not into the current directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-charts-'));
    cpSync(join(root, 'content', 'jaarverslag-2020'), join(dir, 'c'), { recursive: true });
    const cwd = join(dir, 'elsewhere');
    mkdirSync(cwd);
    const r = run(['build', join(dir, 'c'), '-o', join(dir, 'pdf', 'r.pdf'), '--no-cache'], cwd);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(dir, 'pdf', 'charts')).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  }, 120_000);

  it('prints paths relative to the content folder when the current directory is elsewhere', () => {
    const dir = content('kind: article\ntitle: A\nblocks:\n  - p: "{a}"\n  - frobnicate: x\n');
    const r = run(['check', dir], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--> sections/a.yaml:5:5');
    expect(r.err).not.toContain('../');
  });

  it('check prints the number of warnings it found', () => {
    const dir = content('kind: article\ntitle: A\nblocks:\n  - p: "{a}"\n', 'figures:\n  a: 5\n  b: 6\n');
    const r = run(['check', dir], root);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/warning\[FIG\d+\]: figure "b"/);
    expect(r.err).toContain('0 error(s), 1 warning(s)');
    expect(r.out).toMatch(/1 warning\n$/);
  });

  it('reports one YAML mistake as one error', () => {
    for (const bad of ['\t- p: tab\n', ' - heading: one space too few\n']) {
      const dir = content(`kind: article\ntitle: A\nblocks:\n  - p: "{a}"\n${bad}  - heading: Kop\n`);
      const r = run(['check', dir], root);
      expect(r.code).toBe(1);
      expect(r.err.match(/^error\[/gm), r.err).toHaveLength(1);
      expect(r.err).toContain('1 error(s), 0 warning(s)');
    }
  });
});
