/**
 * `reportpress pages [PDF] [-o DIR] [--dpi N]`: one PNG per page (page-001.png …) and contact-sheet.png with every
 * page as a numbered thumbnail. Rendering is pdf.js + @napi-rs/canvas, encoding sharp: no system packages.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../diag/errors.ts';
import { openPdf, type RgbaImage } from '../raster/openPdf.ts';
import { encodePng } from '../raster/png.ts';
import { contactSheet } from '../raster/contactSheet.ts';
import { readPdfFile } from './readPdfFile.ts';

/** File name of page `n` (1-based): page-001.png, so a folder listing sorts in reading order. */
export function pageImageName(n: number): string {
  return `page-${String(n).padStart(3, '0')}.png`;
}

/** Validated --dpi: 10–600 (below is unreadable, above takes minutes per page). */
export function parseDpi(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 10 || n > 600) throw new UsageError(`--dpi must be a number from 10 to 600, got "${v}"`);
  return n;
}

/** Renders every page of `pdfFile` into `outDir`; stale page-NNN.png files from a longer earlier PDF are removed. */
export async function writePageImages(pdfFile: string, outDir: string, dpi: number): Promise<{ pages: number; files: string[] }> {
  const pdf = await openPdf(await readPdfFile(pdfFile));
  const renders: RgbaImage[] = [];
  const files: string[] = [];
  await mkdir(outDir, { recursive: true });
  try {
    for (let n = 1; n <= pdf.pageCount; n++) {
      const img = await pdf.render(n, dpi);
      renders.push(img);
      const file = join(outDir, pageImageName(n));
      await writeFile(file, await encodePng(img));
      files.push(file);
    }
  } finally {
    await pdf.close();
  }
  for (const f of await readdir(outDir)) {
    const m = /^page-(\d+)\.png$/.exec(f);
    if (m && Number(m[1]) > pdf.pageCount) await rm(join(outDir, f));
  }
  const sheet = join(outDir, 'contact-sheet.png');
  await writeFile(sheet, await encodePng(await contactSheet(renders)));
  files.push(sheet);
  return { pages: pdf.pageCount, files };
}

/** The command: prints what it wrote. */
export async function runPages(pdfFile: string, o: { output?: string; dpi?: string }): Promise<void> {
  const outDir = resolve(o.output ?? 'out/pages');
  const { pages } = await writePageImages(resolve(pdfFile), outDir, parseDpi(o.dpi, 96));
  process.stdout.write(`wrote ${pages} page images and contact-sheet.png to ${outDir}\n`);
}
