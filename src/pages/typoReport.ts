import type { FrameItem, Page, PagedDocument } from './types.ts';

/** Rounding of baselines when grouping glyph runs into lines (0.1 pt). */
const ROUND = 10;
/** A page whose text fills less than this share of the text area is flagged as nearly empty. */
const SPARSE_SHARE = 0.25;

/** Per-page facts of the typographic report. */
export interface PageStats {
  readonly number: number | null;
  readonly master: string;
  /** Distinct baselines per column (left to right). */
  readonly lines: readonly number[];
  /** Lowest baseline per column, relative to the text area top. */
  readonly bottoms: readonly number[];
  /** Baselines on the page's dominant grid phase / all baselines. */
  readonly onGrid: number;
  readonly baselines: number;
  readonly sparse: boolean;
}

/** Measures each page: lines per column, column bottoms and how many baselines share one grid. */
export function pageStats(page: Page, pitch: number): PageStats {
  const a = page.textArea;
  const mid = a.x + a.width / 2;
  const inside = page.items.filter((i): i is Extract<FrameItem, { kind: 'glyphs' }> => i.kind === 'glyphs' && i.y > a.y && i.y <= a.y + a.height + 0.5);
  const cols = [new Set<number>(), new Set<number>()];
  for (const g of inside) cols[g.x + g.widthPt / 2 < mid || g.widthPt > a.width / 2 ? 0 : 1]!.add(Math.round((g.y - a.y) * ROUND) / ROUND);
  const used = cols.filter((c, i) => i === 0 || c.size > 0);
  const all = used.flatMap((c) => [...c]);
  const phase = new Map<number, number>();
  for (const y of all) {
    const r = Math.round((((y % pitch) + pitch) % pitch) * ROUND) / ROUND;
    phase.set(r, (phase.get(r) ?? 0) + 1);
  }
  const onGrid = Math.max(0, ...phase.values());
  const bottoms = used.map((c) => (c.size ? Math.max(...c) : 0));
  return {
    number: page.number, master: page.master, lines: used.map((c) => c.size), bottoms, onGrid, baselines: all.length,
    sparse: page.master !== 'cover' && Math.max(0, ...bottoms) < a.height * SPARSE_SHARE,
  };
}

/** The most common distance between consecutive baselines: the body leading. */
export function dominantPitch(doc: PagedDocument): number {
  const count = new Map<number, number>();
  for (const p of doc.pages) {
    const ys = [...new Set(p.items.flatMap((i) => (i.kind === 'glyphs' ? [Math.round(i.y * ROUND) / ROUND] : [])))].sort((x, y) => x - y);
    for (let i = 1; i < ys.length; i++) {
      const d = Math.round((ys[i]! - ys[i - 1]!) * ROUND) / ROUND;
      if (d > 4) count.set(d, (count.get(d) ?? 0) + 1);
    }
  }
  let best = 12;
  let n = 0;
  for (const [d, c] of count) if (c > n) [best, n] = [d, c];
  return best;
}

/** Plain-text typographic report for `reportpress build --typo-report`: one line per page and a summary. */
export function formatTypoReport(doc: PagedDocument): string {
  const pitch = dominantPitch(doc);
  const stats = doc.pages.map((p) => pageStats(p, pitch));
  const rows = stats.map((s, i) => {
    const no = String(s.number ?? `(${i + 1})`).padStart(4);
    const lines = s.lines.join('+').padEnd(7);
    const bottoms = s.bottoms.map((b) => b.toFixed(1)).join('/').padEnd(13);
    return `${no}  ${s.master.padEnd(9)} lines ${lines} bottoms ${bottoms} grid ${s.onGrid}/${s.baselines}${s.sparse ? '  nearly empty' : ''}`;
  });
  const on = stats.reduce((n, s) => n + s.onGrid, 0);
  const total = stats.reduce((n, s) => n + s.baselines, 0);
  const sparse = stats.filter((s) => s.sparse).map((s) => s.number);
  return [
    `typographic report: ${doc.pages.length} pages, baseline grid ${pitch}pt`,
    ...rows,
    `baselines on the page grid: ${on}/${total} (${total ? ((100 * on) / total).toFixed(1) : '100.0'}%)`,
    `nearly empty pages: ${sparse.length ? sparse.join(', ') : 'none'}`,
    '',
  ].join('\n');
}
