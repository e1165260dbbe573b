/**
 * The Dockerfile, exercised without a Docker daemon (none runs on these machines): its instructions are read from
 * the file and carried out in a scratch folder standing in for the image's filesystem. COPY copies this checkout's
 * tracked files minus .dockerignore, RUN runs its commands there, and ENTRYPOINT + CMD build a report from a
 * "/content" folder into "/out" with the image's ENV. The one substitution: `npm ci --ignore-scripts` is replaced by
 * this checkout's node_modules (same lockfile; no network in tests). What it proves: the image's own steps compile
 * and build a report from a mounted folder, writing nothing into it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const instr = (op: string) => lines.filter((l) => l.startsWith(`${op} `)).map((l) => l.slice(op.length + 1).trim());

/** Every file with its size, for "nothing was written here". */
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => `${f}:${statSync(join(dir, f)).size}`);

describe('the Dockerfile, instruction by instruction', () => {
  it('compiles in a copy of the checkout and builds a mounted report into /out', () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-docker-'));
    const map = (p: string) => (p.startsWith('/') ? join(root, p) : p);
    const workdir = map(instr('WORKDIR')[0]!);
    mkdirSync(workdir, { recursive: true });
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const copy of instr('COPY')) {
      const [dest, ...srcs] = copy.split(/\s+/).reverse();
      const files = srcs[0] === '.' ? tracked.filter((f) => !ignored.some((i) => f === i || f.startsWith(`${i}/`))) : srcs;
      for (const f of files) {
        mkdirSync(dirname(join(workdir, dest!, f)), { recursive: true });
        cpSync(join(ROOT, f), join(workdir, dest!, f));
      }
    }
    const env: Record<string, string> = {};
    for (const e of instr('ENV')) env[e.split('=')[0]!] = e.split('=').slice(1).join('=');
    for (const run of instr('RUN')) {
      if (/^npm ci\b.*--ignore-scripts/.test(run)) {
        if (!existsSync(join(workdir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(workdir, 'node_modules'));
        continue;
      }
      const r = spawnSync('sh', ['-c', run], { cwd: workdir, encoding: 'utf8' });
      expect(r.status, `RUN ${run}\n${r.stderr}`).toBe(0);
    }
    mkdirSync(join(root, 'content'));
    cpSync(join(ROOT, 'content', 'annual-report-2020-en'), join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'out'));
    const before = listing(join(root, 'content'));
    const argv = [...JSON.parse(instr('ENTRYPOINT')[0]!), ...JSON.parse(instr('CMD')[0]!)].map(map) as string[];
    expect(argv[0]).toBe('node');
    const r = spawnSync(process.execPath, argv.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(r.status, r.stderr).toBe(0);
    // The oracle: the same report built by this checkout's own CLI; the image must write the same bytes.
    const here = join(root, 'here.pdf');
    const local = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'build', join(ROOT, 'content', 'annual-report-2020-en'), '-o', here, '--no-cache'], { encoding: 'utf8' });
    expect(local.status, local.stderr).toBe(0);
    expect(readFileSync(join(root, 'out', 'report.pdf')).equals(readFileSync(here))).toBe(true);
    expect(listing(join(root, 'content'))).toEqual(before);
  }, 120_000);
});
