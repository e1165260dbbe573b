/**
 * Issue 9 item 5: alt text read back from the built PDF (the tagged structure of issue 8), not from
 * memory. pdf.js's getStructTree gives every page's structure; each chart and image of the bundled report must be a
 * Figure whose alternate text is the one the content's YAML gives (`alt:`), or, for a chart without one, a
 * non-empty generated text.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { readTagged, taggingProblems } from '../helpers/taggedPdf.ts';

interface Node {
  role?: string;
  alt?: string;
  children?: Node[];
}

/** The alt texts the content gives its charts and images, and how many of each there are. */
function contentAlts(): { alts: string[]; figures: number } {
  const alts: string[] = [];
  let figures = 0;
  const dir = join(DEFAULT_CONTENT_DIR, 'sections');
  for (const f of readdirSync(dir)) {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as { blocks?: Record<string, { alt?: string } | unknown>[] };
    for (const b of doc.blocks ?? []) {
      const block = (b.chart ?? b.image) as { alt?: string } | undefined;
      if (!block) continue;
      figures++;
      if (typeof block.alt === 'string' && !block.alt.includes('{')) alts.push(block.alt.replace(/\s+/g, ' ').trim());
    }
  }
  return { alts, figures };
}

let figures: Node[];

beforeAll(async () => {
  const { pdf } = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
  const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  figures = [];
  const walk = (n: Node | null | undefined) => {
    if (!n) return;
    if (n.role === 'Figure') figures.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  for (let i = 1; i <= doc.numPages; i++) walk((await (await doc.getPage(i)).getStructTree()) as Node);
  await doc.destroy();
});

describe('alt text in the built PDF', () => {
  it('tags every chart and image as a Figure with the alternate text of the content', () => {
    const { alts, figures: count } = contentAlts();
    expect(count).toBeGreaterThanOrEqual(8);
    expect(alts.length).toBeGreaterThanOrEqual(1); // most alts interpolate figures; the literal ones must appear verbatim
    expect(figures.length).toBe(count);
    for (const f of figures) expect(f.alt?.trim().length, 'a Figure without /Alt').toBeGreaterThan(0);
    const inPdf = figures.map((f) => f.alt!.replace(/\s+/g, ' ').trim());
    for (const a of alts) expect(inPdf).toContain(a);
  });
});

describe('decorative and described images', () => {
  it('tags a described image as a Figure with its alt, and draws a decorative one as an Artifact only', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-alt-')), 'report');
    const source = join(import.meta.dirname, '..', 'diag', 'cases', 'image-alt');
    cpSync(source, dir, { recursive: true });
    // Keep the case's two valid images: one decorative, one described.
    const section = join(dir, 'sections', 'a.yaml');
    const lines = readFileSync(section, 'utf8').split('\n');
    const keep = lines.filter((l, i) => !l.startsWith('#') && !(i >= lines.findIndex((x) => x.startsWith('  - image:')) && i < lines.findIndex((x) => x.includes('decorative: true }'))));
    writeFileSync(section, keep.join('\n'));
    const { pdf } = await buildReport({ contentDir: dir });
    const t = await readTagged(pdf);
    expect(taggingProblems(t)).toEqual([]);
    expect(t.elems.filter((e) => e.role === 'Figure').map((e) => e.alt)).toEqual(['Een blauwe stip.']);
    // The oracle for "drawn as an Artifact": the same report without the decorative image has one Artifact
    // sequence and its painting operators fewer, and the same Figures.
    writeFileSync(section, keep.filter((l) => !l.includes('decorative: true')).join('\n'));
    const without = await readTagged((await buildReport({ contentDir: dir })).pdf);
    const count = (x: typeof t, tag: string) => x.sequences.flat().filter((s) => s.tag === tag).length;
    expect(count(t, 'Artifact')).toBe(count(without, 'Artifact') + 1);
    expect(count(t, 'Figure')).toBe(count(without, 'Figure'));
    expect(t.painted.reduce((a, b) => a + b)).toBeGreaterThan(without.painted.reduce((a, b) => a + b));
    expect(t.unmarked.reduce((a, b) => a + b)).toBe(0);
  }, 60_000);
});
