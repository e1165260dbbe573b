/**
 * `check` is the front half of `build`: every content error case (test/diag/cases) fed to both commands gives the
 * same exit code and the same diagnostics on stderr, and a failing build leaves no PDF. Template cases go through
 * the library (the CLI always reads the bundled templates) with the same requirement.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/cli/build.ts';
import { validateReport } from '../../src/cli/validate.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const CASES = join(root, 'test', 'diag', 'cases');
const cases = readdirSync(CASES).filter((n) => statSync(join(CASES, n)).isDirectory());
const contentCases = cases.filter((n) => existsSync(join(CASES, n, 'report.yaml')));
const templateCases = cases.filter((n) => existsSync(join(CASES, n, 'template.yaml')));

async function run(args: string[]): Promise<{ code: number; err: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    return { code: 0, err: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, err: x.stderr ?? '' };
  }
}

/** The diagnostics printed, one block per diagnostic, without the summary line. */
const blocks = (stderr: string) => stderr.split('\n\n').map((b) => b.trim()).filter((b) => b && !/^\d+ error\(s\)/.test(b));

describe('check = the front half of build', () => {
  it('covers every case folder, including a remote chart data url and an image that does not decode', () => {
    expect(contentCases.length + templateCases.length).toBe(cases.length);
    expect(contentCases).toEqual(expect.arrayContaining(['chart-remote-data', 'corrupt-image']));
  });

  for (const name of contentCases) {
    it(name, async () => {
      const dir = join(CASES, name);
      const out = join(mkdtempSync(join(tmpdir(), 'rp-check-')), 'out.pdf');
      const [check, build] = await Promise.all([run(['check', dir]), run(['build', dir, '-o', out, '--no-cache'])]);
      expect(check.code, check.err).not.toBe(70);
      expect(build.code, build.err).toBe(check.code);
      if (check.code !== 0) {
        // the same diagnostics, byte for byte, and nothing written
        expect(build.err).toBe(check.err);
        expect(existsSync(out)).toBe(false);
      } else {
        // warnings only: build may add layout warnings, but every warning check gives build gives too
        expect(blocks(build.err)).toEqual(expect.arrayContaining(blocks(check.err)));
        expect(blocks(check.err).length).toBeGreaterThan(0);
      }
    });
  }

  for (const name of templateCases) {
    it(`template: ${name}`, async () => {
      const content = mkdtempSync(join(tmpdir(), 'rp-tpl-'));
      writeFileSync(join(content, 'report.yaml'), `title: T\norganisation: O\nauthor: A\nsubject: S\ndate: 2021-04-30\ntemplate: ${name}\nsections: []\n`);
      writeFileSync(join(content, 'figures.yaml'), 'figures: {}\n');
      const failure = async (f: () => Promise<unknown>) => {
        try {
          await f();
          return undefined;
        } catch (e) {
          if (!isReportError(e)) throw e;
          return e.diagnostics;
        }
      };
      const opts = { contentDir: content, templatesDir: CASES };
      const checked = await failure(() => validateReport(opts, { diag: createSink() }, [], { drawCharts: true }));
      const built = await failure(() => buildReport(opts));
      expect(checked?.length).toBeGreaterThan(0);
      expect(built).toEqual(checked);
    });
  }
});
