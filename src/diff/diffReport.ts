/**
 * Writes what a reviewer reads: a text summary (also printed), index.html with each changed page's picture and
 * changed words, and one PNG per changed, inserted or removed page (diffImage).
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from '../raster/png.ts';
import { diffImage } from './diffImage.ts';
import type { PageChange, PdfDiff } from './diffPdfs.ts';
import { formatHunk } from './wordDiff.ts';

/** Image file of one change: page-007.png (new page 7), removed-004.png (old page 4). */
export function changeImageName(c: PageChange): string {
  const n = (x: number) => String(x).padStart(3, '0');
  return c.new !== undefined ? `page-${n(c.new)}.png` : `removed-${n(c.old!)}.png`;
}

function where(c: PageChange): string {
  if (c.kind === 'inserted') return `page ${c.new} inserted`;
  if (c.kind === 'removed') return `old page ${c.old} removed`;
  const was = c.old === c.new ? '' : ` (was ${c.old})`;
  return `page ${c.new}${was} ${c.kind === 'moved' ? 'moved, only its page number changed' : 'changed'}`;
}

/** The plain-text summary: counts, then one entry per page with its changed words. */
export function formatSummary(d: PdfDiff, oldName: string, newName: string): string {
  const lines = [`old: ${oldName} (${d.oldPages} pages)`, `new: ${newName} (${d.newPages} pages)`];
  if (!d.changes.length) return [...lines, d.textOnly ? 'no text differences' : 'no differences'].join('\n') + '\n';
  const count = (k: PageChange['kind']) => d.changes.filter((c) => c.kind === k).length;
  lines.push(`${count('changed')} changed, ${count('inserted')} inserted, ${count('removed')} removed, ${count('moved')} moved (page number only)`);
  for (const c of d.changes) {
    const px = d.textOnly || c.kind === 'inserted' || c.kind === 'removed' ? '' : `: ${c.regions.length} region(s), ${c.differingPixels} px at ${d.dpi} dpi`;
    lines.push(`${where(c)}${px}`);
    if (c.kind === 'moved') continue;
    const hunks = c.kind === 'changed' ? c.hunks : [];
    for (const h of hunks) lines.push(`    ${formatHunk(h)}`);
    if (c.kind === 'changed' && !hunks.length) lines.push('    (same words; the drawing differs)');
  }
  return lines.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function hunkHtml(c: PageChange): string {
  return c.hunks
    .map((h) => {
      const del = h.removed.length ? `<del>${esc(h.removed.join(' '))}</del> ` : '';
      const ins = h.added.length ? `<ins>${esc(h.added.join(' '))}</ins> ` : '';
      return `<li>…${esc(h.before.join(' '))} ${del}${ins}${esc(h.after.join(' '))}…</li>`;
    })
    .join('');
}

/** index.html: the summary on top, then per change its heading, words and picture. */
export function formatHtml(d: PdfDiff, summary: string, images: ReadonlySet<string>): string {
  const items = d.changes.map((c) => {
    const img = images.has(changeImageName(c)) ? `<img src="${changeImageName(c)}" alt="${esc(where(c))}: old, new, difference">` : '';
    const words = c.kind === 'changed' && c.hunks.length ? `<ul class="words">${hunkHtml(c)}</ul>` : '';
    return `<section class="${c.kind}"><h2>${esc(where(c))}</h2>${words}${img}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reportpress diff</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2em;color:#222}pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}
img{max-width:100%;border:1px solid #bbb}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
section{margin:2em 0}h2{font-size:1.1em}.legend span{padding:0 .4em}
</style></head><body>
<h1>reportpress diff</h1>
<p class="legend">Pictures: old page, new page (changed regions outlined), difference (<span style="color:#c00">only old</span>, <span style="color:#080">only new</span>).</p>
<pre>${esc(summary)}</pre>
${items.join('\n')}
</body></html>
`;
}

/** Writes summary.txt, index.html and the change images into `dir` (stale images of an earlier run removed). */
export async function writeDiffReport(d: PdfDiff, dir: string, oldName: string, newName: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (/^(page|removed)-\d+\.png$/.test(f)) await rm(join(dir, f));
  const summary = formatSummary(d, oldName, newName);
  const written = new Set<string>();
  for (const c of d.changes) {
    const img = c.kind === 'moved' ? undefined : diffImage(c);
    if (!img) continue;
    await writeFile(join(dir, changeImageName(c)), await encodePng(img));
    written.add(changeImageName(c));
  }
  await writeFile(join(dir, 'summary.txt'), summary);
  await writeFile(join(dir, 'index.html'), formatHtml(d, summary, written));
  return summary;
}
