/**
 * `reportpress diff OLD.pdf NEW.pdf [-o DIR] [--text] [--dpi N]`: which pages changed and how. Prints the text
 * summary; writes images, summary.txt and index.html into DIR (not in --text mode unless -o is given).
 * Exit 0 when equal, 1 when different (like diff(1)), 2 on usage errors.
 */
import { basename, resolve } from 'node:path';
import { diffPdfs, formatSummary, isEqual, writeDiffReport } from '../diff/index.ts';
import { parseDpi } from './pages.ts';
import { readPdfFile } from './readPdfFile.ts';

/** Resolution pages are compared at: 72 dpi is one pixel per point, enough to see one changed letter. */
const DIFF_DPI = 72;

/** The command; sets the exit code rather than throwing, since "different" is not an error. */
export async function runDiff(oldFile: string, newFile: string, o: { output?: string; text?: boolean; dpi?: string }): Promise<void> {
  const [a, b] = await Promise.all([readPdfFile(resolve(oldFile)), readPdfFile(resolve(newFile))]);
  const d = await diffPdfs(a, b, { dpi: parseDpi(o.dpi, DIFF_DPI), textOnly: o.text });
  const [oldName, newName] = [basename(oldFile), basename(newFile)];
  const outDir = o.output ?? (o.text ? undefined : 'out/diff');
  const summary = outDir ? await writeDiffReport(d, resolve(outDir), oldName, newName) : formatSummary(d, oldName, newName);
  process.stdout.write(summary);
  if (outDir && !isEqual(d)) process.stdout.write(`report: ${resolve(outDir, 'index.html')}\n`);
  process.exitCode = isEqual(d) ? 0 : 1;
}
