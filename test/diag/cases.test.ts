/**
 * Diagnostics cases: each folder in test/diag/cases is a small broken content folder (report.yaml …) or a template
 * (template.yaml). Files carry `# error: LINE:COL CODE` / `# warning: LINE:COL CODE` comments about their own lines;
 * the produced diagnostics must match them exactly (file, line, column, code, severity — nothing more, nothing less).
 * Content folders go through validateReport, the code `check` and `build` share (test/cli/checkIsBuild.test.ts
 * runs both commands on every case).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/load/loadTheme.ts';
import { validateReport } from '../../src/cli/validate.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import type { Diagnostic } from '../../src/diag/types.ts';

const CASES = join(import.meta.dirname, 'cases');
const ANNOTATION = /^#\s*(error|warning):\s*(\d+):(\d+)\s+([A-Z]+\d+)\s*$/;

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesOf(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Expected "file:line:col severity CODE" strings from the annotations of a case. */
function expected(dir: string): string[] {
  return filesOf(dir).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((l) => ANNOTATION.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${relative(dir, f)}:${m[2]}:${m[3]} ${m[1]} ${m[4]}`),
  ).sort();
}

/** Runs check's validation (the front half of build) or loadTheme on a case and returns every diagnostic. */
export async function runCase(dir: string): Promise<Diagnostic[]> {
  const diag = createSink();
  const thrown: Diagnostic[] = [];
  try {
    // a template case is a template.yaml of its own; a content folder may hold a template folder too
    if (existsSync(join(dir, 'template.yaml'))) await loadTheme(CASES, relative(CASES, dir));
    else await validateReport({ contentDir: dir }, { diag }, [], { drawCharts: true });
  } catch (e) {
    if (!isReportError(e)) throw e;
    thrown.push(...e.diagnostics);
  }
  return [...thrown, ...diag.items];
}

function actual(dir: string, diags: readonly Diagnostic[]): string[] {
  const rel = (f: string) => relative(dir, join(process.cwd(), f));
  return diags.map((d) => `${d.span ? `${rel(d.span.file)}:${d.span.line}:${d.span.column}` : '-'} ${d.severity} ${d.code}`).sort();
}

describe('diagnostics cases', () => {
  const cases = readdirSync(CASES).filter((n) => statSync(join(CASES, n)).isDirectory());
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const name of cases) {
    it(name, async () => {
      const dir = join(CASES, name);
      const want = expected(dir);
      expect(want.length).toBeGreaterThan(0);
      expect(actual(dir, await runCase(dir))).toEqual(want);
    });
  }
});
