/** `reportpress pages`: one PNG per PDF page at the asked resolution, plus a contact sheet of all pages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { scratchReport } from '../helpers/scratchReport.ts';
import { THUMB_WIDTH } from '../../src/raster/contactSheet.ts';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** Width and height from a PNG's IHDR chunk (independent of the renderer). */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

it('writes page-NNN.png per page at --dpi and a contact sheet with every page', async () => {
  const { pdf, document } = await buildReport({ contentDir: scratchReport() });
  const dir = mkdtempSync(join(tmpdir(), 'rp-pages-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  const r = spawnSync(process.execPath, [cli, 'pages', join(dir, 'r.pdf'), '-o', join(dir, 'png'), '--dpi', '36'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const n = document.pages.length;
  const files = readdirSync(join(dir, 'png')).sort();
  expect(files).toEqual([...Array.from({ length: n }, (_, i) => `page-${String(i + 1).padStart(3, '0')}.png`), 'contact-sheet.png'].sort());
  // A4 at 36 dpi: 595.28 × 841.89 pt → 298 × 421 px.
  const page = document.pages[0]!;
  expect(pngSize(join(dir, 'png', 'page-001.png'))).toEqual([Math.round((page.widthPt * 36) / 72), Math.round((page.heightPt * 36) / 72)]);
  // Up to five thumbnails a row: the sheet is at least n (≤ 5) thumbnails wide.
  const [w] = pngSize(join(dir, 'png', 'contact-sheet.png'));
  expect(w).toBeGreaterThanOrEqual(Math.min(n, 5) * THUMB_WIDTH);
  const bad = spawnSync(process.execPath, [cli, 'pages', join(dir, 'r.pdf'), '--dpi', 'lots'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
}, 60_000);
