/**
 * The reviewer's view of real builds: two builds of the minimal report differing in one word, and two differing
 * by an inserted section page. Expectations come from the edit itself (which word, which page was added), and
 * the changed region is checked against where pdf.js finds the new word on the page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { diffPdfs, formatSummary } from '../../src/diff/index.ts';
import { onlyShiftedNumbers } from '../../src/diff/diffPdfs.ts';
import { openPdf } from '../../src/raster/openPdf.ts';
import { toWords } from '../../src/diff/wordDiff.ts';
import { editFile, scratchReport } from '../helpers/scratchReport.ts';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const build = async (dir: string) => (await buildReport({ contentDir: dir })).pdf;

describe('diff of two builds', () => {
  let base: Uint8Array;
  let oneWord: Uint8Array;
  let inserted: Uint8Array;
  const tmp = mkdtempSync(join(tmpdir(), 'rp-diff-'));

  beforeAll(async () => {
    const dir = scratchReport();
    base = await build(dir);
    editFile(join(dir, 'sections', '01-artikel.yaml'), 'zorgvuldige planning', 'nauwkeurige planning');
    oneWord = await build(dir);
    // Undo the word, then add a section between foreword and article: one new page before the article.
    editFile(join(dir, 'sections', '01-artikel.yaml'), 'nauwkeurige planning', 'zorgvuldige planning');
    writeFileSync(join(dir, 'sections', '00b-tussenstuk.yaml'), 'kind: foreword\ntitle: Tussenstuk\nblocks:\n  - p: Een ingevoegde pagina met een eigen alinea.\n');
    editFile(join(dir, 'report.yaml'), '  - sections/01-artikel.yaml', '  - sections/00b-tussenstuk.yaml\n  - sections/01-artikel.yaml');
    inserted = await build(dir);
    for (const [name, bytes] of [['base', base], ['word', oneWord], ['inserted', inserted]] as const) writeFileSync(join(tmp, `${name}.pdf`), bytes);
  }, 120_000);

  it('finds no difference between a PDF and itself', async () => {
    const d = await diffPdfs(base, base, { dpi: 36 });
    expect(d.changes).toEqual([]);
  });

  it('shows a one-word edit as one changed page, the word pair, and a region where the word is', async () => {
    const d = await diffPdfs(base, oneWord, { dpi: 72 });
    expect(d.changes).toHaveLength(1);
    const c = d.changes[0]!;
    expect(c.kind).toBe('changed');
    expect(c.hunks.map((h) => [h.removed, h.added])).toEqual([[['zorgvuldige'], ['nauwkeurige']]]);
    // The region must cover the new word's position as pdf.js reads it (72 dpi: pixels = points).
    const pdf = await openPdf(oneWord);
    // The word may be hyphenated at a line end ("nauwkeu-"): its first half marks where it starts.
    const word = (await pdf.text(c.new!)).find((t) => t.str.includes('nauwkeu'))!;
    await pdf.close();
    expect(word).toBeDefined();
    const at = word.str.indexOf('nauwkeu') / word.str.length;
    const x = word.x + word.width * at + 2;
    const y = word.y + word.height / 2;
    expect(c.regions.some((r) => r.x <= x && x <= r.x + r.width && r.y <= y && y <= r.y + r.height)).toBe(true);
    expect(formatSummary(d, 'a.pdf', 'b.pdf')).toContain('[-zorgvuldige-] {+nauwkeurige+}');
  });

  it('aligns by content when a page is inserted: contents changed, one page inserted, the article paired with its old page', async () => {
    const d = await diffPdfs(base, inserted, { dpi: 36 });
    expect(d.newPages).toBe(d.oldPages + 1);
    const pdf = await openPdf(inserted);
    const pageOf = async (word: string) => {
      for (let n = 1; n <= pdf.pageCount; n++) if (toWords((await pdf.text(n)).map((t) => t.str).join(' ')).some((w) => w.includes(word))) return n;
      return -1;
    };
    const [newPage, article] = [await pageOf('ingevoegde'), await pageOf('zorgvuldige')];
    await pdf.close();
    const byKind = (k: string) => d.changes.filter((c) => c.kind === k).map((c) => c.new);
    expect(byKind('inserted')).toEqual([newPage]);
    expect(d.changes.filter((c) => c.kind === 'removed')).toEqual([]);
    // The article page is paired with its old self (one page earlier); only its page furniture changed (folio,
    // and the running head of a left page turned right page), none of its body words.
    const art = d.changes.find((c) => c.new === article)!;
    expect(art.old).toBe(article - 1);
    expect(art.hunks.flatMap((h) => [...h.removed, ...h.added]).every((w) => !/beslissingen|aanvragen|voorraad/i.test(w))).toBe(true);
    // The contents page lists the new section.
    const toc = d.changes.find((c) => c.kind === 'changed' && c.new !== article)!;
    expect(toc.hunks.some((h) => h.added.includes('Tussenstuk'))).toBe(true);
    expect(d.changes).toHaveLength(3);
  });

  it('calls a page "moved" only when every changed word is a number shifted by the page shift', () => {
    const h = (removed: string[], added: string[]) => ({ before: [], removed, added, after: [] });
    expect(onlyShiftedNumbers([h(['4'], ['5'])], 1)).toBe(true);
    expect(onlyShiftedNumbers([h(['4'], ['6'])], 1)).toBe(false);
    expect(onlyShiftedNumbers([h(['4'], ['5'])], 0)).toBe(false);
    expect(onlyShiftedNumbers([h(['Proefverslag', '4'], ['Artikel', '5'])], 1)).toBe(false);
  });

  it('CLI: exit 0 when equal, 1 when different; writes images, summary.txt and index.html', () => {
    const out = join(tmp, 'report');
    const same = spawnSync(process.execPath, [cli, 'diff', join(tmp, 'base.pdf'), join(tmp, 'base.pdf'), '--text'], { encoding: 'utf8' });
    expect(same.status).toBe(0);
    const r = spawnSync(process.execPath, [cli, 'diff', join(tmp, 'base.pdf'), join(tmp, 'word.pdf'), '-o', out, '--dpi', '36'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[-zorgvuldige-] {+nauwkeurige+}');
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).toContain('1 changed, 0 inserted, 0 removed');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<del>zorgvuldige</del>');
    const page = /page (\d+) changed/.exec(r.stdout)![1]!;
    expect(existsSync(join(out, `page-${page.padStart(3, '0')}.png`))).toBe(true);
    const missing = spawnSync(process.execPath, [cli, 'diff', join(tmp, 'nope.pdf'), join(tmp, 'base.pdf')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  }, 60_000);
});
