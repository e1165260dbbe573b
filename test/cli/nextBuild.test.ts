/**
 * The editor's next build as the CLI runs it: a new process that reads the cache folder the previous builds left
 * (packs in V8's format, util/packFormat.ts) must write the bytes of a build that uses no cache at all, before and
 * after a one-paragraph edit; the oracle is the `--no-cache` build, not the cache code.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../helpers/pdf.ts';
import { pageLines } from '../helpers/pdfText.ts';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

function build(dir: string, out: string, ...flags: string[]): Buffer {
  const r = spawnSync(process.execPath, [cli, 'build', dir, '-o', out, ...flags], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.status).toBe(0);
  return readFileSync(out);
}

/** A scratch folder holding a copy of the bundled Dutch report (`content`), so builds may edit it and fill caches. */
function scratchCopy(): { scratch: string; content: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'rp-next-'));
  const content = join(scratch, 'c');
  cpSync(join(root, 'content', 'jaarverslag-2020'), content, { recursive: true });
  return { scratch, content };
}

describe('next build (a new process with the cache folder filled)', () => {
  it('writes the bytes of a build without caches, before and after a one-paragraph edit', async () => {
    const { scratch, content } = scratchCopy();
    const out = join(scratch, 'out');
    const fresh = build(content, join(scratch, 'fresh.pdf'), '--no-cache');
    build(content, join(out, 'r.pdf')); // fills out/.cache
    const packs = readdirSync(join(out, '.cache', 'packs'));
    expect(packs.length).toBeGreaterThan(0);
    // each pack names the Node that wrote it after its hash line
    for (const f of packs) expect(readFileSync(join(out, '.cache', 'packs', f), 'latin1').split('\n')[1]).toBe(`reportpress-pack/3 node ${process.versions.node} v8 ${process.versions.v8}`);
    expect(build(content, join(out, 'r.pdf')).equals(fresh)).toBe(true);
    // one paragraph of the first article gets a new first sentence (as the bench's edit)
    const article = join(content, 'sections', readdirSync(join(content, 'sections')).find((f) => f.startsWith('01'))!);
    const text = readFileSync(article, 'utf8');
    const edited = text.replace(/(- p: >-\n\s+)/, '$1Een nieuwe eerste zin. ');
    expect(edited).not.toBe(text);
    writeFileSync(article, edited);
    const editedFresh = build(content, join(scratch, 'edited.pdf'), '--no-cache');
    expect(editedFresh.equals(fresh)).toBe(false);
    const next = build(content, join(out, 'r.pdf'));
    expect(next.equals(editedFresh)).toBe(true);
    // read back: the edited page shows the new sentence (its content stream is not the one kept for the old text,
    // whose items layout's part keys describe: pdf/partKeys.ts), and every page reads as the uncached build's
    const lines = (await parsePdf(new Uint8Array(next))).pages.map(pageLines);
    const at = lines.findIndex((l) => l.join(' ').includes('Een nieuwe eerste zin.'));
    expect(at).toBeGreaterThan(0);
    expect((await parsePdf(new Uint8Array(fresh))).pages[at]!.text).not.toContain('Een nieuwe eerste zin.');
    expect(lines).toEqual((await parsePdf(new Uint8Array(editedFresh))).pages.map(pageLines));
    // and once more, now that the cache holds the edited article too
    expect(build(content, join(out, 'r.pdf')).equals(editedFresh)).toBe(true);
  }, 240_000);

  it('after an edit to a figure a section cites, a new process binds that section again: the bytes of a build without caches', () => {
    const { scratch, content } = scratchCopy();
    const out = join(scratch, 'out');
    build(content, join(out, 'r.pdf')); // fills out/.cache, bound sections included
    const figures = join(content, 'figures.yaml');
    const text = readFileSync(figures, 'utf8');
    const edited = text.replace('medewerkers: { value: 260,', 'medewerkers: { value: 265,');
    expect(edited).not.toBe(text);
    writeFileSync(figures, edited);
    const editedFresh = build(content, join(scratch, 'edited.pdf'), '--no-cache');
    // the figure's new value is in the text, so a section entry used from disk unchecked would show in the bytes
    expect(editedFresh.equals(readFileSync(join(out, 'r.pdf')))).toBe(false);
    expect(build(content, join(out, 'r.pdf')).equals(editedFresh)).toBe(true);
    expect(build(content, join(out, 'r.pdf')).equals(editedFresh)).toBe(true);
  }, 240_000);

  it('loads no zod when every file comes from the caches, and does once a file must be validated again', () => {
    const { scratch, content } = scratchCopy();
    const out = join(scratch, 'r.pdf');
    const report = join(scratch, 'bench.json');
    // what the process says it loaded (REPORTPRESS_BENCH_JSON: spec/zod.ts zodLoaded)
    const zodLoaded = () => {
      const r = spawnSync(process.execPath, [cli, 'build', content, '-o', out], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, REPORTPRESS_BENCH_JSON: report } });
      expect(r.status).toBe(0);
      return (JSON.parse(readFileSync(report, 'utf8')) as { zodLoaded: unknown }).zodLoaded;
    };
    expect(zodLoaded()).toBe(true); // an empty cache folder: every file validated
    expect(zodLoaded()).toBe(false);
    const article = join(content, 'sections', readdirSync(join(content, 'sections')).find((f) => f.startsWith('01'))!);
    const text = readFileSync(article, 'utf8');
    writeFileSync(article, text.replace(/(- p: >-\n\s+)/, '$1Een nieuwe eerste zin. '));
    expect(zodLoaded()).toBe(true);
    expect(zodLoaded()).toBe(false);
  }, 240_000);

  it('loads harfbuzzjs (glyph outlines) only to rasterise chart PNGs itself, never for a next build', () => {
    const { scratch, content } = scratchCopy();
    const out = join(scratch, 'r.pdf');
    const report = join(scratch, 'bench.json');
    const outlinesLoaded = (worker: '0' | '1') => {
      const r = spawnSync(process.execPath, [cli, 'build', content, '-o', out], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, REPORTPRESS_BENCH_JSON: report, REPORTPRESS_CHART_WORKER: worker } });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(readFileSync(report, 'utf8')) as { outlinesLoaded: unknown }).outlinesLoaded;
    };
    // charts rendered and their PNGs rasterised in the main thread: outlines needed
    expect(outlinesLoaded('0')).toBe(true);
    // every chart and PNG from the cache folder: harfbuzzjs not even evaluated
    expect(outlinesLoaded('0')).toBe(false);
    expect(outlinesLoaded('1')).toBe(false);
  }, 240_000);
});
