/**
 * End to end, issue 3, measured from the PDF: builds the bundled report, reads every glyph back (pdf.js operator
 * lists, test/helpers/pdfDrawing.ts) and judges the body text as a reader sees it. Body lines are the runs in the
 * template's body faces and sizes; each must start at a column edge or the paragraph indent (a line that cannot be
 * placed fails). From their geometry alone: overfull lines, widows, orphans, hyphen runs and word-space ratios
 * (gaps between glyphs over the font's own space advance, read from the font file). Targets: none overfull, no
 * widows or orphans, at most two hyphenated lines in a row, justified spaces p95 ≤ 1.5× and max ≤ 2× natural.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { readDrawing, type DrawnGlyph, type DrawnPage } from '../helpers/pdfDrawing.ts';
import { readFontTables, type FontTables } from '../helpers/fontTables.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOL = 0.1;
const report = parse(readFileSync(join(DEFAULT_CONTENT_DIR, 'report.yaml'), 'utf8'));
const tpl = parse(readFileSync(join(ROOT, 'templates', report.template, 'template.yaml'), 'utf8'));
const P = tpl.page;
const body = tpl.text.body as { font: string; italic: string; bold: string; size: number; leading: number };
/** The body faces by PostScript name (from the font files), with their tables for the natural space. */
const faces = new Map<string, FontTables>(
  [body.font, body.italic, body.bold].map((k) => {
    const t = readFontTables(join(ROOT, 'fonts', tpl.fonts[k]));
    return [t.postscriptName, t] as const;
  }),
);
const columnW = (P.width - P.margin.inner - P.margin.outer - P.gutter * (P.columns - 1)) / P.columns;
const near = (a: number, b: number) => Math.abs(a - b) <= TOL;

interface Line {
  page: number;
  column: number;
  colX: number;
  y: number;
  x0: number;
  x1: number;
  glyphs: DrawnGlyph[];
  full: boolean;
  indented: boolean;
  hyphenated: boolean;
}

let build: BuildResult;
let pages: DrawnPage[];
/** Body lines in reading order (page, column, baseline). */
let lines: Line[];
/** Body-face runs that start neither at a column edge nor at the indent. */
let unplaced: string[];

beforeAll(async () => {
  build = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
  pages = await readDrawing(build.pdf);
  lines = [];
  unplaced = [];
  build.document.pages.forEach((meta, i) => {
    if (!['body', 'opener', 'foreword', 'appendix'].includes(meta.master)) return;
    const size = meta.master === 'foreword' ? (tpl.sectionText?.foreword?.body?.size ?? body.size) : body.size;
    const left = meta.number! % 2 === 1 ? P.margin.inner : P.margin.outer;
    const cols = Array.from({ length: P.columns }, (_, c) => left + c * (columnW + P.gutter));
    const runs = pages[i]!.runs.filter((r) => faces.has(r.face) && near(r.size, size));
    const found: Line[] = [];
    for (const r of runs) {
      const c = cols.findIndex((x) => r.x0 >= x - TOL && r.x0 <= x + columnW + TOL);
      const l = found.find((o) => o.column === c && near(o.y, r.y));
      if (l) {
        l.glyphs.push(...r.glyphs);
        l.x0 = Math.min(l.x0, r.x0);
        l.x1 = Math.max(l.x1, r.x1);
      } else found.push({ page: i + 1, column: c, colX: cols[c] ?? NaN, y: r.y, x0: r.x0, x1: r.x1, glyphs: [...r.glyphs], full: false, indented: false, hyphenated: false });
    }
    for (const l of found) {
      l.glyphs.sort((a, b) => a.x - b.x);
      l.indented = near(l.x0, l.colX + tpl.paragraph.indent);
      if (!(near(l.x0, l.colX) || l.indented)) unplaced.push(`page ${l.page}: "${l.glyphs.map((g) => g.ch).join('').slice(0, 30)}" at x ${l.x0.toFixed(2)}`);
      l.full = near(l.x1, l.colX + columnW);
      l.hyphenated = l.full && /[-‐]$/.test(l.glyphs.at(-1)!.ch);
    }
    lines.push(...found.sort((a, b) => a.column - b.column || a.y - b.y));
  });
});

/** A line continues the paragraph of the line before it when that one reached the column edge and it is not indented. */
const continues = (i: number) => i > 0 && lines[i - 1]!.full && !lines[i]!.indented;
const firstInColumn = (i: number) => i === 0 || lines[i - 1]!.page !== lines[i]!.page || lines[i - 1]!.column !== lines[i]!.column;
const lastInColumn = (i: number) => i === lines.length - 1 || firstInColumn(i + 1);

describe('typography of the bundled report, read from the PDF', () => {
  it('places every body line at a column edge or the paragraph indent (no line left unmatched)', () => {
    expect(unplaced).toEqual([]);
    expect(lines.length).toBeGreaterThan(600);
  });

  it('has no overfull lines', () => {
    const over = lines.filter((l) => l.x1 > l.colX + columnW + TOL).map((l) => `page ${l.page} col ${l.column + 1} at ${l.y.toFixed(1)}: ${(l.x1 - l.colX - columnW).toFixed(2)} pt over`);
    expect(over).toEqual([]);
  });

  it('has no widows or orphans at column breaks', () => {
    const widows: string[] = [];
    const orphans: string[] = [];
    let carried = 0;
    lines.forEach((l, i) => {
      const text = l.glyphs.map((g) => g.ch).join('').slice(0, 30);
      // a paragraph's last line alone at the top of a column
      if (firstInColumn(i) && continues(i)) {
        carried++;
        if (!l.full && (lastInColumn(i) || !continues(i + 1) || lines[i + 1]!.indented)) widows.push(`page ${l.page}: "${text}"`);
      }
      // a paragraph's first line alone at the bottom of a column
      if (lastInColumn(i) && l.full && !continues(i) && i + 1 < lines.length && !lines[i + 1]!.indented) orphans.push(`page ${l.page}: "${text}"`);
    });
    expect(widows).toEqual([]);
    expect(orphans).toEqual([]);
    expect(carried, 'paragraphs running on into the next column').toBeGreaterThan(10);
  });

  it('hyphenates, but never more than two lines in a row', () => {
    let run = 0;
    let longest = 0;
    lines.forEach((l, i) => {
      run = l.hyphenated ? (continues(i) ? run : 0) + 1 : 0;
      longest = Math.max(longest, run);
    });
    expect(lines.filter((l) => l.hyphenated).length).toBeGreaterThan(20);
    expect(longest).toBeLessThanOrEqual(2);
  });

  it('keeps justified word spaces near the natural space: p95 ≤ 1.5×, max ≤ 2×', () => {
    const ratios: number[] = [];
    lines.forEach((l, i) => {
      // justified lines: every line of a paragraph but its last reaches the edge
      if (!l.full || !(i + 1 < lines.length && continues(i + 1))) return;
      // word spaces: from the end of one word's last glyph to the next word's first (space glyphs and offsets between)
      const ink = l.glyphs.filter((g) => g.ch !== ' ');
      for (let k = 1; k < ink.length; k++) {
        const a = ink[k - 1]!;
        const b = ink[k]!;
        const t = faces.get(pages[l.page - 1]!.runs.find((r) => r.glyphs.includes(a))!.face)!;
        // the glyphs' horizontal scaling (expansion) from the drawn advance over the font's advance
        const nominal = t.width(a.ch, a.size);
        const scale = nominal > 0 ? a.advance / nominal : 1;
        // the natural space as shaped: its advance plus pair kerning with its neighbours (Source Serif kerns " V")
        const [ga, gs, gb] = [a.ch, ' ', b.ch].map((ch) => t.glyph(ch.codePointAt(0)!));
        const space = ((t.advance(gs!) + t.kern(ga!, gs!) + t.kern(gs!, gb!)) * a.size * scale) / t.unitsPerEm;
        const gap = b.x - (a.x + a.advance);
        if (gap > 0.4 * space) ratios.push(gap / space);
      }
    });
    ratios.sort((x, y) => x - y);
    const q = (p: number) => ratios[Math.min(ratios.length - 1, Math.floor(p * ratios.length))]!;
    expect(ratios.length).toBeGreaterThan(4000);
    expect(q(0.5)).toBeGreaterThan(0.9);
    expect(q(0.5)).toBeLessThan(1.2);
    expect(q(0.95)).toBeLessThanOrEqual(1.5);
    expect(ratios.at(-1)!).toBeLessThanOrEqual(2 + 0.01);
    expect(ratios[0]!).toBeGreaterThanOrEqual(0.66 - 0.01);
  });

  it('sets the foreword as a letter in its own larger style, on its own grid, filling its first page', () => {
    const fw = tpl.sectionText.foreword.body as { size: number; leading: number };
    const fwPages = build.document.pages.flatMap((p, i) => (p.master === 'foreword' ? [i + 1] : []));
    expect(fwPages.length).toBe(2);
    const mine = lines.filter((l) => fwPages.includes(l.page));
    expect(mine.length).toBeGreaterThan(50);
    for (const l of mine) {
      expect(new Set(l.glyphs.map((g) => g.size))).toEqual(new Set([fw.size]));
      const k = (l.y - P.margin.top) / fw.leading - 0.75;
      expect(Math.abs(k - Math.round(k)) * fw.leading, `page ${l.page} at ${l.y}`).toBeLessThanOrEqual(TOL);
    }
    // the first page ends no more than a line above its foot; the second is no stub
    const bottom = P.height - P.margin.bottom;
    const first = mine.filter((l) => l.page === fwPages[0]);
    expect(Math.max(...first.map((l) => l.y)) + 0.25 * fw.leading).toBeGreaterThan(bottom - 2 * fw.leading);
    const second = mine.filter((l) => l.page === fwPages[1]);
    expect(Math.max(...second.map((l) => l.y)) - P.margin.top).toBeGreaterThan((bottom - P.margin.top) * 0.35);
  });

  it('draws every laid-out body line where layout put it, as wide as it was laid out', () => {
    let checked = 0;
    const missing: string[] = [];
    const widths: number[] = [];
    build.document.pages.forEach((page, i) => {
      const drawn = lines.filter((l) => l.page === i + 1);
      for (const g of page.items) {
        if (g.kind !== 'glyphs' || g.line?.spaceRatio === undefined || !faces.size) continue;
        const l = drawn.find((d) => near(d.y, g.y) && g.x >= d.x0 - TOL && g.x <= d.x1 + TOL);
        if (!l) {
          missing.push(`page ${i + 1}: "${g.text.slice(0, 30)}" at ${g.x.toFixed(2)}, ${g.y.toFixed(2)}`);
          continue;
        }
        const first = l.glyphs.find((x) => near(x.x, g.x));
        if (!first) missing.push(`page ${i + 1}: no glyph starts at ${g.x.toFixed(2)} on the line at ${g.y.toFixed(2)}`);
        checked++;
      }
      for (const l of drawn) {
        const laid = page.items.filter((g) => g.kind === 'glyphs' && near(g.y, l.y) && g.x >= l.colX - TOL && g.x <= l.colX + columnW + TOL);
        if (!laid.length) missing.push(`page ${i + 1}: drawn line at ${l.y.toFixed(2)} that layout did not place`);
        else widths.push(Math.abs(Math.max(...laid.map((g) => (g.kind === 'glyphs' ? g.x + g.widthPt : 0))) - l.x1));
      }
    });
    expect(missing).toEqual([]);
    // Justified lines end where layout put them to 0.1 pt (most to 0.01). A few ragged lines drawn by pdfkit's own
    // shaping of the whole string still come out up to ≈ 0.19 pt wider than measured (quotes and spaces shaped
    // together); until measuring and drawing share one shaping, that is the bound.
    expect(widths.filter((w) => w > TOL).length).toBeLessThanOrEqual(5);
    expect(Math.max(...widths)).toBeLessThanOrEqual(0.25);
    expect(checked).toBeGreaterThan(300);
  });
});
