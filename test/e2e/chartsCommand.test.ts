/**
 * End to end: `reportpress charts <dir> -o <out>` through the bundled CLI writes one SVG and one PNG per chart of
 * the bundled report; the PNG has at least twice the placed size and the SVG's text is set in the report's font.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from '../../src/paths.ts';
import { loadTheme } from '../../src/load/loadTheme.ts';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli.js');
const CHARTS_IN_REPORT = 8;
const out = mkdtempSync(join(tmpdir(), 'reportpress-charts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let run: ReturnType<typeof spawnSync>;
beforeAll(() => {
  if (!existsSync(CLI)) {
    const c = spawnSync(process.execPath, ['scripts/compile.mjs'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    expect(c.status, c.stderr).toBe(0);
  }
  run = spawnSync(process.execPath, [CLI, 'charts', DEFAULT_CONTENT_DIR, '-o', out], { cwd: out, encoding: 'utf8' });
});

/** Width and height of a PNG from its IHDR chunk (bytes 16–23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The placed size of a chart: its SVG's width and height in pt (charts are laid out to fit their frame). */
function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  expect(m, 'svg width/height').not.toBeNull();
  return { width: Number(m![1]), height: Number(m![2]) };
}

describe('reportpress charts', () => {
  it('exits 0 and says how many charts it wrote', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(String(run.stdout)).toContain(`wrote ${CHARTS_IN_REPORT} charts to ${out}`);
  });

  it('writes one SVG and one PNG per chart, nothing else', () => {
    const files = readdirSync(out).sort();
    const svgs = files.filter((f) => f.endsWith('.svg'));
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(svgs).toHaveLength(CHARTS_IN_REPORT);
    expect(pngs.map((f) => f.replace(/\.png$/, ''))).toEqual(svgs.map((f) => f.replace(/\.svg$/, '')));
    expect(files).toHaveLength(2 * CHARTS_IN_REPORT);
    expect(svgs).toContain('studie.svg');
  });

  it('rasterises each PNG at no less than twice the placed size', () => {
    for (const f of readdirSync(out).filter((x) => x.endsWith('.svg'))) {
      const placed = svgSize(readFileSync(join(out, f), 'utf8'));
      const png = pngSize(join(out, f.replace(/\.svg$/, '.png')));
      expect(placed.width, f).toBeGreaterThan(100);
      expect(png.width, f).toBeGreaterThanOrEqual(Math.floor(2 * placed.width));
      expect(png.height, f).toBeGreaterThanOrEqual(Math.floor(2 * placed.height));
    }
  });

  it('sets every SVG text in the report font, with the report\'s figures as text', async () => {
    const theme = await loadTheme(TEMPLATES_DIR, 'rijksoverheid');
    for (const f of readdirSync(out).filter((x) => x.endsWith('.svg'))) {
      const svg = readFileSync(join(out, f), 'utf8');
      const texts = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)];
      expect(texts.length, f).toBeGreaterThan(0);
      const families = new Set(texts.map((t) => /font-family="([^"]*)"/.exec(t[1])?.[1]));
      expect([...families], f).toEqual([theme.chart.font]);
    }
    const studie = readFileSync(join(out, 'studie.svg'), 'utf8');
    expect(studie).toContain('>12.310</text>');
    expect(studie).toContain('>20.430</text>');
  });
});
