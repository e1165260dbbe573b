import type { SourceSpan } from '../diag/types.ts';
import type { FrameItem, LineTag, Page, PagedDocument } from '../model/types.ts';

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

/** The most common distance between consecutive baselines: the body leading (`fallback` when there are none). */
export function dominantPitch(doc: PagedDocument, fallback = 12): number {
  const count = new Map<number, number>();
  for (const p of doc.pages) {
    const ys = [...new Set(p.items.flatMap((i) => (i.kind === 'glyphs' ? [Math.round(i.y * ROUND) / ROUND] : [])))].sort((x, y) => x - y);
    for (let i = 1; i < ys.length; i++) {
      const d = Math.round((ys[i]! - ys[i - 1]!) * ROUND) / ROUND;
      if (d > 4) count.set(d, (count.get(d) ?? 0) + 1);
    }
  }
  let best = fallback;
  let n = 0;
  for (const [d, c] of count) if (c > n) [best, n] = [d, c];
  return best;
}

/** Issue 3: at most two hyphenated lines in a row (Dutch book typography). */
export const MAX_HYPHEN_RUN = 2;
/** Issue 3: justified word spaces at most twice the font's natural space. */
export const MAX_SPACE_RATIO = 2;

/** A line-level problem, with where it is in the PDF and in the source. */
export interface TypoProblem {
  readonly kind: 'overfull' | 'widow' | 'orphan' | 'hyphen-run' | 'hyphen-at-break' | 'hyphen-before-last' | 'loose';
  /** PDF page index (0-based) and printed page number. */
  readonly pageIndex: number;
  readonly page: number | null;
  readonly text: string;
  readonly source?: SourceSpan;
  readonly detail: string;
}

/** Distribution of justified word spaces relative to the font's natural space. */
export interface SpacingStats {
  readonly lines: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** The typographic report of a laid-out document: counts, spacing and every problem line. */
export interface TypoReport {
  readonly lines: number;
  readonly hyphenated: number;
  readonly longestHyphenRun: number;
  /** Runs of more than MAX_HYPHEN_RUN hyphenated lines. */
  readonly hyphenRunsOver: number;
  readonly widows: number;
  readonly orphans: number;
  readonly overfull: number;
  /** Lines ending hyphenated as the last line of a column or page. */
  readonly hyphensAtBreak: number;
  /** Paragraphs whose last line is the end of a hyphenated word. */
  readonly hyphensBeforeLast: number;
  readonly spacing: SpacingStats;
  readonly problems: readonly TypoProblem[];
  readonly pages: readonly PageStats[];
}

type Glyphs = Extract<FrameItem, { kind: 'glyphs' }>;
/** One set line as found in the laid-out document: its tag, where it is, its whole text and source. */
export interface TaggedLine {
  readonly tag: LineTag;
  readonly pageIndex: number;
  readonly page: number | null;
  /** Page index and line left edge: lines with equal keys share a column. */
  readonly column: string;
  readonly text: string;
  readonly source?: SourceSpan;
}

/** Every tagged line of the document in reading order, with its whole text (runs up to the next line). */
export function documentLines(doc: PagedDocument): TaggedLine[] {
  const out: TaggedLine[] = [];
  doc.pages.forEach((p, pageIndex) => {
    let cur: { first: Glyphs; tag: LineTag; text: string } | undefined;
    const flush = (): void => {
      if (!cur) return;
      const column = `${pageIndex}|${Math.round(cur.first.x - cur.tag.offsetPt)}`;
      out.push({ tag: cur.tag, pageIndex, page: p.number, column, text: cur.text, ...(cur.first.source && { source: cur.first.source }) });
      cur = undefined;
    };
    for (const it of p.items) {
      if (it.kind !== 'glyphs') continue;
      if (it.line) {
        flush();
        cur = { first: it, tag: it.line, text: it.text };
      } else if (cur && Math.abs(it.y - cur.first.y) < cur.first.sizePt) cur.text += it.text;
      else flush();
    }
    flush();
  });
  return out;
}

/** Nearest-rank quantile of sorted values. */
const quantile = (sorted: readonly number[], q: number): number => (sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]! : 0);

/** Counts lines, hyphens, widows, orphans, overfull and loose lines of a laid-out document (issue 3). */
export function typoReport(doc: PagedDocument): TypoReport {
  const lines = documentLines(doc);
  const problems: TypoProblem[] = [];
  const flag = (l: TaggedLine, kind: TypoProblem['kind'], detail: string): void => {
    problems.push({ kind, pageIndex: l.pageIndex, page: l.page, text: l.text, detail, ...(l.source && { source: l.source }) });
  };
  let run = 0;
  let longest = 0;
  let prevFlow: TaggedLine | undefined;
  const ratios: number[] = [];
  for (const l of lines) {
    const t = l.tag;
    run = t.hyphenated ? run + 1 : 0;
    longest = Math.max(longest, run);
    if (run === MAX_HYPHEN_RUN + 1) flag(l, 'hyphen-run', `${run} hyphenated lines in a row`);
    if (t.overfull) flag(l, 'overfull', 'text wider than its column');
    if (t.spaceRatio !== undefined) {
      ratios.push(t.spaceRatio);
      if (t.spaceRatio > MAX_SPACE_RATIO) flag(l, 'loose', `word spaces ${t.spaceRatio.toFixed(2)}× the natural space`);
    }
    if (t.para === undefined || t.index === undefined || t.count === undefined) continue;
    if (t.hyphenated && t.index === t.count - 2) flag(l, 'hyphen-before-last', 'the paragraph ends with the rest of a hyphenated word');
    const p = prevFlow;
    prevFlow = l;
    if (!p || p.tag.para !== t.para || p.tag.index !== t.index - 1 || p.column === l.column) continue;
    // the paragraph continues in another column or on another page
    if (p.tag.index === 0) flag(p, 'orphan', 'first line of a paragraph alone at the foot of a column');
    if (t.index === t.count - 1) flag(l, 'widow', 'last line of a paragraph alone at the head of a column');
    if (p.tag.hyphenated) flag(p, 'hyphen-at-break', 'hyphenated across a column or page break');
  }
  ratios.sort((a, b) => a - b);
  const count = (k: TypoProblem['kind']): number => problems.filter((p) => p.kind === k).length;
  const pitch = dominantPitch(doc);
  return {
    lines: lines.length,
    hyphenated: lines.filter((l) => l.tag.hyphenated).length,
    longestHyphenRun: longest,
    hyphenRunsOver: count('hyphen-run'),
    widows: count('widow'),
    orphans: count('orphan'),
    overfull: count('overfull'),
    hyphensAtBreak: count('hyphen-at-break'),
    hyphensBeforeLast: count('hyphen-before-last'),
    spacing: { lines: ratios.length, median: quantile(ratios, 0.5), p95: quantile(ratios, 0.95), max: ratios[ratios.length - 1] ?? 0 },
    problems,
    // A section kind may set its own body leading (template sectionText), so each page is checked on its own grid.
    pages: doc.pages.map((p) => pageStats(p, dominantPitch({ ...doc, pages: [p] }, pitch))),
  };
}

const where = (p: TypoProblem): string =>
  p.source ? `${p.source.file}:${p.source.line}:${p.source.column}` : `page ${p.page ?? `(${p.pageIndex + 1})`}`;

/** Plain-text typographic report for `reportpress build --typo-report`: summary, problems with positions, pages. */
export function formatTypoReport(doc: PagedDocument): string {
  const r = typoReport(doc);
  const pitch = dominantPitch(doc);
  const rows = r.pages.map((s, i) => {
    const no = String(s.number ?? `(${i + 1})`).padStart(4);
    const lines = s.lines.join('+').padEnd(7);
    const bottoms = s.bottoms.map((b) => b.toFixed(1)).join('/').padEnd(13);
    return `${no}  ${s.master.padEnd(9)} lines ${lines} bottoms ${bottoms} grid ${s.onGrid}/${s.baselines}${s.sparse ? '  nearly empty' : ''}`;
  });
  const on = r.pages.reduce((n, s) => n + s.onGrid, 0);
  const total = r.pages.reduce((n, s) => n + s.baselines, 0);
  const sparse = r.pages.filter((s) => s.sparse).map((s) => s.number);
  const sp = r.spacing;
  const problems = r.problems.map(
    (p) => `  ${p.kind.padEnd(15)} ${where(p).padEnd(44)} p.${String(p.page ?? '-').padEnd(3)} ${p.detail}: “${p.text.trim().slice(0, 60)}”`,
  );
  return [
    `typographic report: ${doc.pages.length} pages, ${r.lines} lines, body baseline grid ${pitch}pt (each page is checked on its own)`,
    `  lines                     ${r.lines}`,
    `  hyphenated lines          ${r.hyphenated}`,
    `  longest hyphen run        ${r.longestHyphenRun} (runs over ${MAX_HYPHEN_RUN}: ${r.hyphenRunsOver})`,
    `  hyphens at column breaks  ${r.hyphensAtBreak}`,
    `  hyphen before last line   ${r.hyphensBeforeLast}`,
    `  widows                    ${r.widows}`,
    `  orphans                   ${r.orphans}`,
    `  overfull lines            ${r.overfull}`,
    `  justified word space      ${sp.lines} lines: median ${sp.median.toFixed(2)}×, p95 ${sp.p95.toFixed(2)}×, max ${sp.max.toFixed(2)}× natural`,
    `problems: ${problems.length ? '' : 'none'}`,
    ...problems,
    'pages:',
    ...rows,
    `baselines on the page grid: ${on}/${total} (${total ? ((100 * on) / total).toFixed(1) : '100.0'}%)`,
    `nearly empty pages: ${sparse.length ? sparse.join(', ') : 'none'}`,
    '',
  ].join('\n');
}
