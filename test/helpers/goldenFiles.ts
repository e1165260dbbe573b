/**
 * Golden-file bookkeeping: compare an actual result with the stored expectation, or rewrite the expectation when
 * UPDATE_GOLDEN=1. Failing page renders leave actual and diff PNGs in the case's ignored `__diff__/` folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { comparePages, decodePng, encodeGray, type RenderedPage } from './renderPdf.ts';

/** True when the run should rewrite expected files instead of comparing (`UPDATE_GOLDEN=1 npx vitest run test/golden`). */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Share of pixels allowed to differ per page (0.1 %): absorbs anti-aliasing noise, catches a moved word. */
export const MAX_DIFF_SHARE = 0.001;

/** The stored text of `file`, or undefined when there is none yet; writes `actual` first when updating. */
export function goldenText(file: string, actual: string): string | undefined {
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Reference PNG name of a 0-based page index: pages/p001.png … */
export function pageFile(dir: string, index: number): string {
  return join(dir, 'pages', `p${String(index + 1).padStart(3, '0')}.png`);
}

/** One page's verdict against its reference PNG. */
export interface PageVerdict {
  readonly page: number;
  readonly problem?: string;
}

/**
 * Compares each render with `pages/pNNN.png` under `caseDir` (or rewrites them when updating, removing stale
 * pages). Failing pages write `__diff__/pNNN-actual.png` and `pNNN-diff.png`; returns one verdict per page.
 */
export function checkPages(caseDir: string, renders: readonly RenderedPage[]): PageVerdict[] {
  const diffDir = join(caseDir, '__diff__');
  rmSync(diffDir, { recursive: true, force: true });
  if (UPDATE_GOLDEN) rewritePages(caseDir, renders);
  const verdicts: PageVerdict[] = [];
  renders.forEach((r, i) => {
    const ref = pageFile(caseDir, i);
    if (!existsSync(ref)) {
      verdicts.push({ page: i + 1, problem: `missing reference ${basename(ref)} (run with UPDATE_GOLDEN=1)` });
      return;
    }
    const d = comparePages(r, decodePng(readFileSync(ref)));
    if (d.share <= MAX_DIFF_SHARE) return verdicts.push({ page: i + 1 });
    mkdirSync(diffDir, { recursive: true });
    const stem = basename(ref, '.png');
    writeFileSync(join(diffDir, `${stem}-actual.png`), encodeGray(r.rgba, r.width, r.height));
    if (d.diffPng) writeFileSync(join(diffDir, `${stem}-diff.png`), d.diffPng);
    const what = d.sizeMatches ? `${d.differing} px differ (${(d.share * 100).toFixed(3)} %)` : 'page size differs';
    verdicts.push({ page: i + 1, problem: `${what}; see ${relative(process.cwd(), join(diffDir, stem))}-*.png` });
  });
  const extra = storedPageCount(caseDir) - renders.length;
  if (extra > 0) verdicts.push({ page: renders.length + 1, problem: `${extra} reference page(s) more than rendered` });
  return verdicts;
}

function storedPageCount(caseDir: string): number {
  const dir = join(caseDir, 'pages');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^p\d{3}\.png$/.test(f)).length : 0;
}

function rewritePages(caseDir: string, renders: readonly RenderedPage[]): void {
  const dir = join(caseDir, 'pages');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  renders.forEach((r, i) => writeFileSync(pageFile(caseDir, i), encodeGray(r.rgba, r.width, r.height)));
}
