/**
 * Frames from the template's own numbers (read from its template.yaml with the yaml package, not loadTheme) and
 * the text lines of a built PDF inside them: the oracle of "nothing is drawn outside its frame" (issue 12).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { readTextObjects, type TextObject } from './pdfGlyphs.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Rounding of positions written to the PDF (pdfkit writes 2–3 decimals). */
export const TOL = 0.05;

/** A bundled template's numbers. */
export function templateNumbers(name = 'rijksoverheid') {
  const tpl = parse(readFileSync(join(ROOT, 'templates', name, 'template.yaml'), 'utf8'));
  const page = tpl.page as { width: number; height: number; margin: { top: number; bottom: number; inner: number; outer: number }; gutter: number; columns: number };
  const columnW = (page.width - page.margin.inner - page.margin.outer - page.gutter * (page.columns - 1)) / page.columns;
  /** The text columns of page n as [left, right]: the inner margin is on the left of odd pages. */
  const columnsOf = (n: number): [number, number][] => {
    const left = n % 2 === 1 ? page.margin.inner : page.margin.outer;
    return Array.from({ length: page.columns }, (_, c) => [left + c * (columnW + page.gutter), left + c * (columnW + page.gutter) + columnW]);
  };
  return { tpl, page, columnW, columnsOf };
}

/** A text line of a numbered page inside the text area (running heads and folios lie outside it). */
export interface AreaLine {
  readonly n: number;
  readonly t: TextObject;
}

/** The text objects of `pdf` inside the text area of every numbered page (`numbers[i]`: page i's number or null). */
export async function textAreaLines(pdf: Uint8Array, numbers: readonly (number | null)[], name = 'rijksoverheid'): Promise<AreaLine[]> {
  const { page } = templateNumbers(name);
  const pages = await readTextObjects(pdf);
  return pages.flatMap((objs, i) => {
    const n = numbers[i];
    if (n == null) return [];
    return objs.filter((t) => t.y > page.margin.top && t.y < page.height - page.margin.bottom).map((t) => ({ n, t }));
  });
}

/** Every line set no larger than `maxSize` (body text, boxes, tables; not the opener's title) lies inside one column. */
export function expectInsideColumns(lines: readonly AreaLine[], maxSize: number, name = 'rijksoverheid'): void {
  const { columnsOf } = templateNumbers(name);
  for (const { n, t } of lines) {
    if (t.size > maxSize + 0.01) continue;
    const inside = columnsOf(n).some(([l, r]) => t.x >= l - TOL && t.endX <= r + TOL);
    expect(inside, `"${t.text}" on page ${n} spans ${t.x.toFixed(2)}–${t.endX.toFixed(2)}, columns ${JSON.stringify(columnsOf(n))}`).toBe(true);
  }
}
