/**
 * A golden document case: builds `test/golden/<name>/` through the public API and checks the PDF's per-page text
 * and navigation structure, plus byte-identical rebuilds. Pixels are judged by the per-behaviour pixel goldens
 * (test/golden/cases). `npm run golden:update` rewrites expected.txt and structure.json (it sets UPDATE_GOLDEN=1).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { goldenText, UPDATE_GOLDEN } from './goldenFiles.ts';
import { parsePdf, type ParsedPdf } from './pdf.ts';
import { readStructure, type OutlineNode, type PdfStructure } from './pdfStructure.ts';
import { documentText } from './pdfText.ts';

/** Where the golden case folders live. */
export const GOLDEN_DIR = resolve(fileURLToPath(import.meta.url), '../../golden');

/** Everything a case's checks look at, built once per test file. */
export interface GoldenRun {
  readonly dir: string;
  readonly build: BuildResult;
  readonly pdf: ParsedPdf;
  readonly structure: PdfStructure;
  /** Golden text: lines per page, pages separated by a form-feed line. */
  readonly text: string;
}

/** Builds one case and reads its PDF back. */
export async function runGolden(name: string): Promise<GoldenRun> {
  const dir = join(GOLDEN_DIR, name);
  const build = await buildReport({ contentDir: dir });
  const pdf = await parsePdf(build.pdf);
  return { dir, build, pdf, structure: await readStructure(build.pdf), text: documentText(pdf.pages) };
}

/** The reviewable summary stored as structure.json: pages, folios, outline, links, fonts, warnings. */
export function structureSummary(run: GoldenRun): unknown {
  const outline = (nodes: readonly OutlineNode[]): unknown[] =>
    nodes.map((n) => (n.children.length ? { title: n.title, page: n.page, children: outline(n.children) } : { title: n.title, page: n.page }));
  return {
    pages: run.structure.pageCount,
    folios: run.build.document.pages.map((p) => p.number),
    outline: outline(run.structure.outline),
    links: run.structure.links.map((l) => (l.url ? { page: l.page, url: l.url } : { page: l.page, dest: l.dest, target: l.target })),
    fonts: [...new Set([...run.pdf.fonts.values()].map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort(),
    diagnostics: run.build.diagnostics.items.map((d) => `${d.severity} ${d.code}: ${d.message}`),
  };
}

/**
 * Registers the standard golden checks for case `name`; `extra` adds case-specific tests that read the run.
 * Tests that compare against stored files pass trivially while UPDATE_GOLDEN=1 rewrites them.
 */
export function defineGoldenCase(name: string, extra?: (run: () => GoldenRun) => void): void {
  describe(`golden: ${name}`, () => {
    let run: GoldenRun;
    beforeAll(async () => {
      run = await runGolden(name);
    });

    it('prints the expected text on each page (expected.txt)', () => {
      const expected = goldenText(join(run.dir, 'expected.txt'), run.text);
      expect(expected, 'no expected.txt: run npm run golden:update').toBeDefined();
      expect(run.text).toBe(expected);
    });

    it('has the expected pages, outline, links, fonts and warnings (structure.json)', () => {
      const actual = JSON.stringify(structureSummary(run), null, 2) + '\n';
      const expected = goldenText(join(run.dir, 'structure.json'), actual);
      expect(expected, 'no structure.json: run npm run golden:update').toBeDefined();
      expect(JSON.parse(actual)).toEqual(JSON.parse(expected!));
    });

    it('resolves every TOC link and bookmark to the page that holds its anchor', () => {
      checkNavigation(run);
    });

    it('embeds every font it uses', () => {
      expect(run.pdf.fonts.size).toBeGreaterThan(0);
      for (const f of run.pdf.fonts.values()) expect(f.embedded, f.name).toBe(true);
    });


    it('builds byte-identical PDFs twice in a row', async () => {
      const again = await buildReport({ contentDir: run.dir });
      expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(run.build.pdf))).toBe(0);
    });

    extra?.(() => run);
  });
  if (UPDATE_GOLDEN) console.info(`golden ${name}: expected files rewritten`);
}

/**
 * TOC links point at named destinations that exist on the page holding the layout's anchor; the folio printed on
 * each TOC line equals the target page's folio; every bookmark resolves to its section's anchor page.
 */
export function checkNavigation(run: GoldenRun): void {
  const anchorPage = new Map<string, number>();
  run.build.document.pages.forEach((p, i) => {
    for (const it of p.items) if (it.kind === 'anchor' && !anchorPage.has(it.name)) anchorPage.set(it.name, i + 1);
  });
  const internal = run.structure.links.filter((l) => l.dest !== undefined);
  expect(internal.length, 'TOC links').toBeGreaterThan(0);
  for (const link of internal) {
    expect(anchorPage.get(link.dest!), `anchor ${link.dest}`).toBeDefined();
    expect(link.target, `link ${link.dest}`).toBe(anchorPage.get(link.dest!));
    expect(run.structure.destinations.get(link.dest!), `destination ${link.dest}`).toBe(link.target);
    expect(printedNumber(run, link.page, link.rect), `TOC number for ${link.dest}`).toBe(run.build.document.pages[link.target! - 1]!.number);
  }
  const flat = (nodes: readonly OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const anchorPages = new Set(anchorPage.values());
  for (const node of flat(run.structure.outline)) expect(anchorPages.has(node.page ?? -1), `bookmark ${node.title}`).toBe(true);
}

/** The number printed inside a link rectangle (rightmost all-digit text item whose baseline lies in it). */
function printedNumber(run: GoldenRun, page: number, rect: readonly [number, number, number, number]): number | undefined {
  const p = run.pdf.pages[page - 1]!;
  const [x1, y1, x2, y2] = rect;
  const inRect = p.items.filter((t) => /^\d+$/.test(t.str.trim()) && t.x >= x1 - 1 && t.x <= x2 + 1 && p.height - t.y >= y1 - 1 && p.height - t.y <= y2 + 1);
  const last = inRect.sort((a, b) => a.x - b.x).at(-1);
  return last ? Number(last.str.trim()) : undefined;
}
