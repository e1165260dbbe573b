/**
 * Geometry oracles: builds the bundled report, reads what each page draws back from the PDF (pdf.js operator lists,
 * test/helpers/pdfDrawing.ts) and compares every piece of page furniture with positions computed here from the
 * template's own numbers (templates/rijksoverheid/template.yaml, read with the yaml package, not loadTheme) and the
 * house design written down below. Tolerance 0.1 pt, so a 1 pt change anywhere in the furniture fails.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { readDrawing, type DrawnPage, type DrawnRun, type DrawnSegment } from '../helpers/pdfDrawing.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOL = 0.1;

/* The template's numbers. */
const report = parse(readFileSync(join(DEFAULT_CONTENT_DIR, 'report.yaml'), 'utf8'));
const tpl = parse(readFileSync(join(ROOT, 'templates', report.template, 'template.yaml'), 'utf8'));
const P = tpl.page as { width: number; height: number; margin: { top: number; bottom: number; inner: number; outer: number }; gutter: number; columns: number; footnoteGap: number };
const colour = (key: string) => (tpl.colors[key] as string).toLowerCase();
const style = (name: string) => tpl.text[name] as { size: number; leading: number; color: string };

/*
 * The house design of the furniture (what a designer specified; the code must draw exactly this):
 * - running head: baseline 24 pt above the text area, at the outer edge; a 0.5 pt rule 16 pt above the text area
 *   across its width, in the rule colour;
 * - folio (outer edge) and foot line (inner edge): baseline 30 pt below the text area;
 * - footnotes: a 42 pt rule, 0.5 pt, in the rule colour, at the column's left edge, the notes 4 pt below it and
 *   their last line ending at the foot of the column, the template's footnoteGap above the rule;
 * - TOC: leader dots start at least 6 pt after the title and end 3 pt (half the 6 pt pad) before the widest
 *   (three-digit) page number, which is right-aligned at the text area's edge;
 * - article opener: kicker, 4 pt, title, 8 pt, lead, 10 pt, a 0.75 pt accent rule across the text width;
 * - every text line's first baseline sits 0.75 × its leading below the line's top; body lines on the body grid.
 */
const D = { headBaseline: 24, headRule: 16, headRuleWidth: 0.5, folioBelow: 30, noteRule: 42, noteRuleWidth: 0.5, noteGap: 4, leaderPad: 6, kickerGap: 4, titleGap: 8, ruleGap: 10, openerRuleWidth: 0.75, ascent: 0.75 };
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** The text area of page n: the inner margin on the binding side (left on odd pages). */
const areaOf = (n: number): Area => {
  const left = n % 2 === 1 ? P.margin.inner : P.margin.outer;
  return { x: left, y: P.margin.top, width: P.width - P.margin.inner - P.margin.outer, height: P.height - P.margin.top - P.margin.bottom };
};
const columnW = (P.width - P.margin.inner - P.margin.outer - P.gutter * (P.columns - 1)) / P.columns;
const columnXs = (a: Area) => Array.from({ length: P.columns }, (_, c) => a.x + c * (columnW + P.gutter));

const near = (a: number, b: number) => Math.abs(a - b) <= TOL;
const horizontal = (s: DrawnSegment) => near(s.y1, s.y2);

let pages: DrawnPage[];
let masters: string[];
let numbers: (number | null)[];

beforeAll(async () => {
  const build = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
  pages = await readDrawing(build.pdf);
  // Only which master a page uses comes from the build; every position is read from the PDF.
  masters = build.document.pages.map((p) => p.master);
  numbers = build.document.pages.map((p) => p.number);
});

/** Pages that carry furniture (all but the cover), with their number and text area. */
const numbered = () => pages.map((p, i) => ({ p, n: numbers[i]!, master: masters[i]!, a: areaOf(numbers[i] ?? i + 1) })).filter((x) => x.n !== null);

describe('page furniture, from the template', () => {
  it('numbers every page after the cover in order, A4 from the template', () => {
    expect(pages.length).toBe(masters.length);
    for (const p of pages) expect([p.width, p.height].map((v) => Math.round(v * 100) / 100)).toEqual([P.width, P.height]);
    expect(numbers[0]).toBeNull();
    expect(numbers.slice(1)).toEqual(numbers.slice(1).map((_, i) => i + 2));
  });

  it('sets the running head at the outer edge, 24 pt above the text area, with its rule 16 pt above', () => {
    const rh = style('runningHead');
    for (const { p, n, a } of numbered()) {
      const head = p.runs.filter((r) => r.y < a.y);
      expect(head, `page ${n}`).toHaveLength(1);
      const h = head[0]!;
      expect(h.y, `page ${n} head baseline`).toBeCloseTo(a.y - D.headBaseline, 1);
      expect(h.size).toBe(rh.size);
      expect(h.color).toBe(colour(rh.color));
      if (n % 2 === 0) {
        expect(h.x0, `page ${n} head x`).toBeCloseTo(a.x, 1);
        expect(h.text).toBe(report.title);
      } else {
        expect(h.x1, `page ${n} head end`).toBeCloseTo(a.x + a.width, 1);
        expect(h.text.length).toBeGreaterThan(0);
      }
      const rules = p.segments.filter((s) => s.y1 < a.y && s.y2 < a.y);
      expect(rules, `page ${n}`).toHaveLength(1);
      const r = rules[0]!;
      expect(horizontal(r)).toBe(true);
      expect(r.y1, `page ${n} head rule`).toBeCloseTo(a.y - D.headRule, 1);
      expect([Math.min(r.x1, r.x2), Math.max(r.x1, r.x2)].map((v) => Math.round(v * 10) / 10)).toEqual([a.x, a.x + a.width].map((v) => Math.round(v * 10) / 10));
      expect(r.width).toBeCloseTo(D.headRuleWidth, 2);
      expect(r.color).toBe(colour('rule'));
    }
  });

  it('sets the folio at the outer edge and the foot line at the inner edge, 30 pt below the text area', () => {
    const [y, m, d] = String(report.date).slice(0, 10).split('-').map(Number);
    const footText = `${report.title} · ${d} ${MONTHS[m! - 1]} ${y}`;
    for (const { p, n, a } of numbered()) {
      const foot = p.runs.filter((r) => r.y > a.y + a.height);
      expect(foot, `page ${n}`).toHaveLength(2);
      const folio = foot.find((r) => r.text === String(n));
      const line = foot.find((r) => r.text === footText);
      expect(folio, `page ${n} folio`).toBeDefined();
      expect(line, `page ${n} foot line`).toBeDefined();
      for (const r of [folio!, line!]) expect(r.y, `page ${n} foot baseline`).toBeCloseTo(a.y + a.height + D.folioBelow, 1);
      expect(folio!.size).toBe(style('folio').size);
      expect(folio!.color).toBe(colour(style('folio').color));
      expect(line!.size).toBe(style('runningHead').size);
      const [outer, inner] = n % 2 === 0 ? [folio!.x0, line!.x1] : [folio!.x1, line!.x0];
      expect(outer, `page ${n} folio x`).toBeCloseTo(n % 2 === 0 ? a.x : a.x + a.width, 1);
      expect(inner, `page ${n} foot x`).toBeCloseTo(n % 2 === 0 ? a.x + a.width : a.x, 1);
    }
  });

  it('draws nothing else outside the text area', () => {
    for (const { p, n, a } of numbered()) {
      const inside = (x: number, y: number) => x >= a.x - TOL && x <= a.x + a.width + TOL && y >= a.y - TOL && y <= a.y + a.height + TOL;
      for (const r of p.runs.filter((r) => r.y >= a.y && r.y <= a.y + a.height)) {
        expect(inside(r.x0, r.y) && inside(r.x1, r.y), `page ${n}: "${r.text.slice(0, 20)}" at ${r.x0.toFixed(2)}–${r.x1.toFixed(2)}`).toBe(true);
      }
      for (const s of p.segments.filter((s) => !(s.y1 < a.y && s.y2 < a.y))) {
        expect(inside(s.x1, s.y1) && inside(s.x2, s.y2), `page ${n}: rule ${JSON.stringify(s)}`).toBe(true);
      }
      for (const r of p.rects) expect(inside(r.x, r.y) && inside(r.x + r.width, r.y + r.height), `page ${n}: rect ${JSON.stringify(r)}`).toBe(true);
    }
  });
});

/** Lines: runs grouped by baseline within one column (a line with bold or linked words has several runs). */
function linesOf(runs: readonly DrawnRun[]): { y: number; x0: number; x1: number; runs: DrawnRun[] }[] {
  const out: { y: number; x0: number; x1: number; runs: DrawnRun[] }[] = [];
  for (const r of [...runs].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    // touching runs (within a word space) belong to one line; the gutter separates columns
    const l = out.find((o) => near(o.y, r.y) && r.x0 <= o.x1 + P.gutter / 2);
    if (l) {
      l.runs.push(r);
      l.x0 = Math.min(l.x0, r.x0);
      l.x1 = Math.max(l.x1, r.x1);
    } else out.push({ y: r.y, x0: r.x0, x1: r.x1, runs: [r] });
  }
  return out;
}

describe('columns and baseline grid', () => {
  const bodyOf = (master: string) => (master === 'foreword' && tpl.sectionText?.foreword?.body ? { ...style('body'), ...tpl.sectionText.foreword.body } : style('body'));
  const bodyPages = () => numbered().filter((x) => ['body', 'opener', 'foreword', 'appendix'].includes(x.master));

  it('starts every body line at its column edge (or the paragraph indent) and sets it on the body grid', () => {
    let lines = 0;
    for (const { p, n, a, master } of bodyPages()) {
      const b = bodyOf(master);
      const runs = p.runs.filter((r) => r.size === b.size && r.color === colour(b.color) && r.y > a.y && r.y < a.y + a.height);
      for (const l of linesOf(runs)) {
        // key-figure texts share the body size but are sans: only lines that start in a column or at an indent
        const col = columnXs(a).find((x) => near(l.x0, x) || near(l.x0, x + tpl.paragraph.indent));
        const grid = (l.y - a.y) / b.leading - D.ascent;
        if (col === undefined) {
          // a line that is neither at a column edge nor indented must be inside a box (its padding), never loose
          expect(p.rects.some((r) => l.x0 > r.x && l.y > r.y && l.y < r.y + r.height) || p.segments.some((s) => !horizontal(s) && l.x0 > s.x1 && l.y > Math.min(s.y1, s.y2) && l.y < Math.max(s.y1, s.y2)) || /\d/.test(p.runs.find((r) => near(r.y, l.y) && r.x1 < l.x0 && r.size > b.size * 1.5)?.text ?? '') || p.runs.some((r) => r.size > b.size * 1.5 && r.x1 <= l.x0 + TOL && Math.abs(r.y - l.y) < 40), `page ${n}: line at x ${l.x0.toFixed(2)} "${l.runs[0]!.text.slice(0, 20)}"`).toBe(true);
          continue;
        }
        lines++;
        expect(Math.abs(grid - Math.round(grid)) * b.leading, `page ${n}: line at ${l.y.toFixed(2)} off the ${b.leading} pt grid`).toBeLessThanOrEqual(TOL);
        expect(l.x1, `page ${n}: line at ${l.y.toFixed(2)} runs past its column`).toBeLessThanOrEqual(col + columnW + TOL);
      }
    }
    expect(lines).toBeGreaterThan(400);
  });

  it('justifies full body lines to the column width: most lines end exactly at the column edge', () => {
    let full = 0;
    let all = 0;
    for (const { p, a, master } of bodyPages()) {
      const b = bodyOf(master);
      const runs = p.runs.filter((r) => r.size === b.size && r.color === colour(b.color));
      for (const l of linesOf(runs)) {
        const col = columnXs(a).find((x) => near(l.x0, x) || near(l.x0, x + tpl.paragraph.indent));
        if (col === undefined) continue;
        all++;
        if (near(l.x1, col + columnW)) full++;
      }
    }
    // paragraph ends are short; every other line of a justified paragraph reaches the edge
    expect(full / all).toBeGreaterThan(0.75);
  });

  it('puts footnotes under a 42 pt rule at the foot of their column, footnoteGap below the text', () => {
    const fn = style('footnote');
    let found = 0;
    for (const { p, n, a, master } of bodyPages()) {
      const b = bodyOf(master);
      const notes = p.runs.filter((r) => r.size === fn.size && r.color === colour(fn.color) && r.y > a.y && r.y < a.y + a.height);
      for (const x of columnXs(a)) {
        const mine = linesOf(notes.filter((r) => r.x0 >= x - TOL && r.x0 < x + columnW));
        const rule = p.segments.find((s) => horizontal(s) && near(Math.min(s.x1, s.x2), x) && s.y1 > a.y + a.height / 2 && Math.abs(s.x2 - s.x1) < columnW / 2);
        if (!rule) continue;
        found++;
        expect(Math.abs(rule.x2 - rule.x1), `page ${n} footnote rule length`).toBeCloseTo(D.noteRule, 1);
        expect(rule.width, `page ${n} footnote rule weight`).toBeCloseTo(D.noteRuleWidth, 2);
        expect(rule.color).toBe(colour('rule'));
        const below = mine.filter((l) => l.y > rule.y1);
        expect(below.length, `page ${n}: notes under the rule`).toBeGreaterThan(0);
        expect(below[0]!.y, `page ${n}: first note`).toBeCloseTo(rule.y1 + D.noteGap + D.ascent * fn.leading, 1);
        below.forEach((l, i) => expect(l.y, `page ${n}: note line ${i}`).toBeCloseTo(below[0]!.y + i * fn.leading, 1));
        expect(below.at(-1)!.y + (1 - D.ascent) * fn.leading, `page ${n}: notes end at the column foot`).toBeCloseTo(a.y + a.height, 1);
        const text = linesOf(p.runs.filter((r) => r.size === b.size && r.x0 >= x - TOL && r.x0 < x + columnW && r.y < rule.y1));
        expect(text.at(-1)!.y + (1 - D.ascent) * b.leading, `page ${n}: text ends footnoteGap above the rule`).toBeLessThanOrEqual(rule.y1 - P.footnoteGap + TOL);
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('boxes', () => {
  it('outlines a video box with the template stroke, a column wide, at the column edge', () => {
    const video = tpl.boxes.video as { stroke: string; strokeWidth: number };
    let boxes = 0;
    for (const { p, n, a } of numbered()) {
      const mine = p.segments.filter((s) => s.color === colour(video.stroke) && s.y1 > a.y && s.y1 < a.y + a.height);
      // a closed outline: a top edge a column (or the text width) wide with vertical sides at both ends
      for (const top of mine.filter((s) => horizontal(s) && (near(Math.abs(s.x2 - s.x1), columnW) || near(Math.abs(s.x2 - s.x1), a.width)))) {
        const [l, r] = [Math.min(top.x1, top.x2), Math.max(top.x1, top.x2)];
        const sides = mine.filter((s) => near(s.x1, s.x2) && (near(s.x1, l) || near(s.x1, r)) && (near(s.y1, top.y1) || near(s.y2, top.y1)));
        if (sides.length < 2) continue;
        boxes++;
        expect(columnXs(a).some((x) => near(l, x)), `page ${n}: box at x ${l}`).toBe(true);
        for (const s of [top, ...sides]) expect(s.width, `page ${n}: box outline`).toBeCloseTo(video.strokeWidth, 2);
      }
    }
    expect(boxes).toBeGreaterThanOrEqual(1);
  });
});

describe('openers and contents', () => {
  it('stacks kicker, title, lead and the accent rule of an article opener from the template leadings', () => {
    const [kicker, title, lead] = ['kicker', 'title', 'lead'].map(style);
    let openers = 0;
    for (const { p, n, a, master } of numbered()) {
      if (master !== 'opener') continue;
      openers++;
      const at = (s: { size: number; color: string }) => linesOf(p.runs.filter((r) => r.size === s.size && r.color === colour(s.color) && r.y > a.y && r.y < a.y + a.height / 2));
      const k = at(kicker!);
      const t = at(title!);
      const l = at(lead!);
      expect(k.length, `page ${n} kicker`).toBe(1);
      expect(k[0]!.y).toBeCloseTo(a.y + D.ascent * kicker!.leading, 1);
      let top = a.y + kicker!.leading + D.kickerGap;
      t.forEach((line, i) => expect(line.y, `page ${n} title line ${i}`).toBeCloseTo(top + (i + D.ascent) * title!.leading, 1));
      top += t.length * title!.leading + D.titleGap;
      l.forEach((line, i) => expect(line.y, `page ${n} lead line ${i}`).toBeCloseTo(top + (i + D.ascent) * lead!.leading, 1));
      top += l.length * lead!.leading + D.ruleGap;
      const rule = p.segments.filter((s) => horizontal(s) && s.y1 > a.y && s.y1 < a.y + a.height / 2 && near(Math.abs(s.x2 - s.x1), a.width));
      expect(rule, `page ${n} opener rule`).toHaveLength(1);
      expect(rule[0]!.y1, `page ${n} opener rule`).toBeCloseTo(top, 1);
      expect(rule[0]!.width).toBeCloseTo(D.openerRuleWidth, 2);
      expect(rule[0]!.color).toBe(colour('accent'));
      for (const x of t.concat(l, k)) expect(x.x0, `page ${n} opener text x`).toBeCloseTo(a.x, 1);
    }
    expect(openers).toBeGreaterThanOrEqual(2);
  });

  it('ends every entry with leader dots 6 pt after its title, up to 3 pt before the widest page number', () => {
    const entry = style('tocEntry');
    let entries = 0;
    for (const { p, n, a, master } of numbered()) {
      if (master !== 'toc') continue;
      const runs = p.runs.filter((r) => r.y > a.y && r.y < a.y + a.height);
      for (const dots of runs.filter((r) => /^( \.)+$/.test(r.text))) {
        entries++;
        expect(dots.color).toBe(colour('muted'));
        const number = runs.find((r) => near(r.y, dots.y) && /^\d+$/.test(r.text));
        const title = runs.filter((r) => near(r.y, dots.y) && r !== dots && r !== number && r.x1 <= dots.x0);
        expect(number, `page ${n}: page number beside "${title[0]?.text}"`).toBeDefined();
        expect(title.length).toBeGreaterThan(0);
        expect(number!.x1, 'page number right-aligned').toBeCloseTo(a.x + a.width, 1);
        expect(number!.size).toBe(entry.size);
        // tabular figures: one digit's width from the number as drawn; three of them for the widest number
        const digit = (number!.x1 - number!.x0) / number!.text.length;
        expect(dots.x1, `page ${n}: dots end before "${number!.text}"`).toBeCloseTo(a.x + a.width - 3 * digit - D.leaderPad / 2, 1);
        // dots keep a fixed pitch from the right: the first one within one pitch of the 6 pt pad
        const pitch = (dots.x1 - dots.x0) / (dots.text.length / 2);
        const gap = dots.x0 - Math.max(...title.map((t) => t.x1));
        expect(gap, `page ${n}: gap after "${title[0]!.text}"`).toBeGreaterThanOrEqual(D.leaderPad - TOL);
        expect(gap, `page ${n}: gap after "${title[0]!.text}"`).toBeLessThan(D.leaderPad + pitch + TOL);
      }
    }
    expect(entries).toBeGreaterThanOrEqual(8);
  });
});
