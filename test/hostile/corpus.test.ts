/**
 * The hostile corpus (issue 12): every folder under test/hostile/cases is a content folder built from one kind of
 * bad input, with case.yaml saying what it must get: `exit` (the CLI's exit code), `code` (a diagnostic that must
 * be printed as an error), `warnings` (codes that must be printed as warnings), `at` (file:line:column of the first
 * diagnostic, relative to the case folder), `text`/`absent` (strings the PDF's text must or must not hold),
 * `fonts` (faces the PDF must embed), `fifo` (a named pipe the test creates, since git cannot hold one). Every case runs through the real CLI with
 * the case folder as working directory, over a previous "good" PDF that a failing build must leave untouched; a case
 * that must fail (exit 1) is also run through `check`, which must fail the same way at the same place.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { constants as osConstants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../helpers/pdf.ts';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const casesDir = join(import.meta.dirname, 'cases');

interface Manifest {
  exit: number;
  code?: string;
  warnings?: string[];
  at?: string;
  text?: string[];
  absent?: string[];
  /** Font names (without subset prefix) the PDF must embed. */
  fonts?: string[];
  fifo?: string;
  /** Found only by layout (the page limit): `check`, which does not lay out, is not run. */
  layoutOnly?: boolean;
}

interface Outcome {
  /** `reportpress check .` for cases that must fail: it rejects what build rejects, at the same place. */
  check?: { code: number | null; err: string };
  code: number | null;
  err: string;
  out: string;
  pdf?: Uint8Array;
  leftovers: string[];
}

const GOOD = Buffer.from('%PDF-1.7 previous good build\n');

/** Runs `reportpress check .` in the case folder. */
function check(dir: string): Promise<{ code: number | null; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'check', '.'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, err });
    });
  });
}

/** Runs `reportpress build .` in the case folder, writing over a previous good PDF. */
function build(dir: string): Promise<Outcome> {
  const outDir = mkdtempSync(join(tmpdir(), 'rp-hostile-'));
  const pdf = join(outDir, 'report.pdf');
  writeFileSync(pdf, GOOD);
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'build', '.', '-o', pdf, '--no-cache', '--charts-dir', join(outDir, 'charts')], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (exit, signal) => {
      // a signal's death as a shell reports it (128 + its number): the time limit ends a build with SIGKILL
      const code = exit ?? (signal ? 128 + osConstants.signals[signal] : null);
      clearTimeout(timer);
      const bytes = new Uint8Array(readFileSync(pdf));
      const leftovers = readdirSync(outDir).filter((f) => f !== 'report.pdf' && f !== 'charts' && f !== '.cache');
      rmSync(outDir, { recursive: true, force: true });
      done({ code, err, out, pdf: bytes, leftovers });
    });
  });
}

const names = readdirSync(casesDir).filter((n) => existsSync(join(casesDir, n, 'case.yaml'))).sort();
const outcomes = new Map<string, Promise<Outcome>>();

beforeAll(() => {
  // two builds at a time: the machine has 2 cores
  let chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  names.forEach((name, i) => {
    const dir = join(casesDir, name);
    const m = manifest(name);
    if (m.fifo) {
      const f = join(dir, m.fifo);
      mkdirSync(join(f, '..'), { recursive: true });
      rmSync(f, { force: true });
      execFileSync('mkfifo', [f]);
    }
    const p = chain[i % 2]!.then(async () => ({ ...(await build(dir)), ...(m.exit === 1 && !m.layoutOnly ? { check: await check(dir) } : {}) }));
    chain[i % 2] = p;
    outcomes.set(name, p);
  });
  chain = [];
}, 10_000);

function manifest(name: string): Manifest {
  return parse(readFileSync(join(casesDir, name, 'case.yaml'), 'utf8')) as Manifest;
}

describe('hostile corpus through the CLI', () => {
  it('has cases of every kind', () => {
    for (const kind of ['yaml-', 'text-', 'table-', 'chart-', 'image-', 'template-']) expect(names.filter((n) => n.startsWith(kind)).length, kind).toBeGreaterThanOrEqual(2);
  });

  for (const name of names) {
    it(name, async () => {
      const m = manifest(name);
      const r = await outcomes.get(name)!;
      const log = `${name}:\n${r.err}`;
      expect(r.code, log).toBe(m.exit);
      // one clear message: never a stack trace, never an internal error
      expect(r.err, log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.err, log).not.toMatch(/internal error/);
      expect(r.leftovers, 'no temporary files left').toEqual([]);
      if (m.code) expect(r.err, log).toContain(`error[${m.code}]`);
      for (const w of m.warnings ?? []) expect(r.err, log).toContain(`warning[${w}]`);
      if (m.at) expect(firstLocation(r.err, m.code ?? m.warnings?.[0]), log).toBe(m.at);
      if (r.check) {
        expect(r.check.code, `check: ${r.check.err}`).toBe(1);
        if (m.code) expect(r.check.err, `check: ${r.check.err}`).toContain(`error[${m.code}]`);
        if (m.at) expect(firstLocation(r.check.err, m.code), `check: ${r.check.err}`).toBe(m.at);
      }
      if (m.exit !== 0) {
        expect(Buffer.compare(Buffer.from(r.pdf!), GOOD), 'the previous PDF is untouched').toBe(0);
        return;
      }
      const pdf = await parsePdf(r.pdf!);
      const text = pdf.pages.map((p) => p.items.map((t) => t.str).join(' ')).join('\n').replace(/\s+/g, ' ');
      for (const s of m.text ?? []) expect(text, `PDF text holds ${s}`).toContain(s);
      for (const s of m.absent ?? []) expect(text).not.toContain(s);
      const embedded = [...pdf.fonts.values()].map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      for (const f of m.fonts ?? []) expect(embedded, `embeds ${f}`).toContain(f);
    });
  }
});

/** `file:line:column` of the first diagnostic with `code` (or the first at all). */
function firstLocation(err: string, code?: string): string | undefined {
  const blocks = err.split(/\n(?=(?:error|warning)\[)/);
  const block = blocks.find((b) => !code || b.includes(`[${code}]`)) ?? blocks[0];
  return /-->\s+(\S+)/.exec(block ?? '')?.[1];
}
