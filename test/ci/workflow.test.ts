/**
 * The CI recipe (.github/workflows/report.yml), exercised here without GitHub: its shell steps are read from the
 * workflow file and run as a runner would (`bash --noprofile --norc -eo pipefail`, the workflow's `shell: bash`) in
 * a scratch workspace whose bin/ is this checkout's, with the environment GitHub would set. Steps that need
 * GitHub itself (checkout, setup-node, artifact upload) or the network (npm ci, fetching the base branch) are not
 * run; for the pull-request diff the base PDF is built from the same report with one word changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, scratchReport } from '../helpers/scratchReport.ts';
import { openPdf } from '../../src/raster/openPdf.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'report.yml'), 'utf8'));
const job = workflow.jobs.report;
const step = (name: string): string => {
  const s = job.steps.find((x: { name?: string }) => x.name?.startsWith(name));
  if (!s) throw new Error(`the workflow has no step "${name}"`);
  return s.run;
};

/** Runs a step's script as GitHub's runner does for `shell: bash`. */
function runStep(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('the CI workflow, step by step', () => {
  let ws: string;
  let content: string;
  let env: Record<string, string>;
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'rp-ci-'));
    symlinkSync(join(ROOT, 'bin'), join(ws, 'bin'));
    content = scratchReport();
    env = { CONTENT_DIR: content, STRICT_FLAG: '', GITHUB_WORKSPACE: ws, GITHUB_ACTIONS: 'true', CI: 'true' };
  });

  it('runs its steps in bash with pipefail', () => {
    expect(job.defaults?.run?.shell).toBe('bash');
  });

  it('builds the PDF and its page images where the upload step looks for them', async () => {
    const build = runStep(step('Build the PDF'), ws, env);
    expect(build.status, build.stderr).toBe(0);
    const pages = runStep(step('Page images'), ws, env);
    expect(pages.status, pages.stderr).toBe(0);
    const upload = job.steps.find((s: { uses?: string; with?: { name?: string } }) => s.uses?.startsWith('actions/upload-artifact') && s.with?.name === 'report');
    const paths: string[] = upload.with.path.split('\n').map((p: string) => p.trim()).filter(Boolean);
    for (const p of paths) expect(existsSync(join(ws, p)), p).toBe(true);
    const pdf = await openPdf(readFileSync(join(ws, 'out', 'report.pdf')));
    const want = Array.from({ length: pdf.pageCount }, (_, i) => `page-${String(i + 1).padStart(3, '0')}.png`);
    await pdf.close();
    expect(readdirSync(join(ws, 'out', 'pages')).sort()).toEqual(['contact-sheet.png', ...want]);
  }, 120_000);

  it('fails the build step on a content error, with an annotation at its line', () => {
    const broken = scratchReport();
    editFile(join(broken, 'sections', '01-artikel.yaml'), 'kind: article', 'kind: essay');
    const r = runStep(step('Build the PDF'), ws, { ...env, CONTENT_DIR: broken });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*01-artikel\.yaml,line=\d+,col=7/m);
  }, 60_000);

  it('on a pull request, writes the visual diff and a summary, and passes although pages differ', () => {
    const base = scratchReport();
    const section = join(base, 'sections', '01-artikel.yaml');
    editFile(section, 'zorgvuldige planning', 'zorgvuldige voorbereiding'); // one word of body text
    mkdirSync(join(ws, 'out'), { recursive: true });
    const b = spawnSync(process.execPath, [join(ROOT, 'bin', 'reportpress.js'), 'build', base, '-o', join(ws, 'out', 'base.pdf')], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    if (!existsSync(join(ws, 'out', 'report.pdf'))) runStep(step('Build the PDF'), ws, env);
    const summary = join(ws, 'summary.md');
    writeFileSync(summary, '');
    const r = runStep(step('Visual diff'), ws, { ...env, GITHUB_STEP_SUMMARY: summary });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/### Pages changed by this pull request\n```\n[^`]*^1 changed, 0 inserted, 0 removed/m);
    expect(existsSync(join(ws, 'out', 'diff', 'index.html'))).toBe(true);
  }, 120_000);

  it('fails the diff step when the diff itself fails (not merely "pages differ")', () => {
    writeFileSync(join(ws, 'out', 'base.pdf'), 'not a pdf');
    if (!existsSync(join(ws, 'out', 'report.pdf'))) runStep(step('Build the PDF'), ws, env);
    const summary = join(ws, 'summary-broken.md');
    const r = runStep(step('Visual diff'), ws, { ...env, GITHUB_STEP_SUMMARY: summary });
    expect(r.status).not.toBe(0);
  }, 60_000);
});
