/**
 * End to end: builds the bundled report through the public API and judges the PDF as a reader would
 * see it (pdfjs-dist): pages, text order, TOC numbers, fonts, charts, text area, determinism.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { parsePdf, words, type ParsedPdf } from '../helpers/pdf.ts';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import type { BoundReport } from '../../src/bind/types.ts';

let build: BuildResult;
let pdf: ParsedPdf;
let bound: BoundReport;

beforeAll(async () => {
  build = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
  pdf = await parsePdf(build.pdf);
  bound = bindFigures(await loadReport(DEFAULT_CONTENT_DIR, { diag: createSink() }), { diag: createSink() });
});

/** Plain words of a bound text with inline markup removed. */
function plain(s: string): string[] {
  return words(
    s
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
      .replace(/\[([^\]]+)\]\{lang=[^}]+\}/g, '$1')
      .replace(/\*\*?/g, '')
      .replace(/"/g, '')
      .replace(/'/g, '’')
      .replace(/--/g, '–'),
  );
}

/** The whole document's text as one word list, hyphenated line ends joined. */
function docWords(): string[] {
  const all = pdf.pages.map((p) => p.items.map((i) => i.str).join(' ')).join(' ');
  return words(all.replace(/(\p{L})- (\p{Ll})/gu, '$1$2'));
}

describe('bundled report', () => {
  it('has a plausible page count', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(20);
    expect(pdf.pages.length).toBeLessThanOrEqual(40);
  });

  it('carries title, author, subject and language metadata and an outline of the sections', () => {
    expect(pdf.info.Title).toBe(bound.meta.title);
    expect(pdf.info.Author).toBe(bound.meta.author);
    expect(pdf.info.Subject).toBe(bound.meta.subject);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Inhoud', ...bound.sections.map((s) => s.title)]);
    expect(pdf.language).toBe('nl-NL');
  });

  it('sets every paragraph with its words present and in reading order', () => {
    // Compare hyphen- and space-insensitively: line-end hyphens and column breaks disappear, while running
    // heads, boxes and footnotes may sit between two parts of a paragraph (bounded gap).
    const squash = (w: string) => w.replace(/[-\u00ad“”"‘’']/g, '');
    const doc = squash(pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join('').replace(/\s+/g, ''));
    const missing: string[] = [];
    let cursor = 0;
    let paragraphs = 0;
    for (const s of bound.sections) {
      for (const b of s.blocks) {
        if (b.type !== 'paragraph') continue;
        paragraphs++;
        const ws = plain(b.text.text).map(squash).filter(Boolean);
        const start = doc.indexOf(ws.slice(0, 4).join(''), cursor);
        if (start < 0) {
          missing.push(`paragraph start: ${b.text.text.slice(0, 50)}`);
          continue;
        }
        let at = start;
        for (const w of ws) {
          const j = doc.indexOf(w, at);
          if (j < 0 || j - at > 1500) {
            missing.push(`"${w}" in: ${b.text.text.slice(0, 50)}`);
            break;
          }
          at = j + w.length;
        }
        cursor = start;
      }
    }
    expect(paragraphs).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('prints TOC page numbers equal to the pages where the sections start', () => {
    const starts = new Map<string, number>();
    build.document.pages.forEach((p, i) => {
      for (const it of p.items) if (it.kind === 'anchor' && !starts.has(it.name)) starts.set(it.name, i + 1);
    });
    const tocPage = pdf.pages.findIndex((p) => p.text.includes('Inhoud'));
    expect(tocPage).toBeGreaterThan(-1);
    const toc = pdf.pages[tocPage]!;
    for (const s of bound.sections) {
      const n = starts.get(s.id);
      expect(n, s.id).toBeDefined();
      // The number printed on the TOC line of this section (same baseline as the title's last line).
      const titleItem = [...toc.items].reverse().find((i) => s.title.endsWith(i.str.trim()) && i.str.trim().length > 2);
      expect(titleItem, s.title).toBeDefined();
      const num = toc.items.find((i) => /^\d+$/.test(i.str.trim()) && Math.abs(i.y - titleItem!.y) < 2);
      expect(Number(num?.str), s.title).toBe(n);
      // …and that page really shows the section title.
      expect(pdf.pages[n! - 1]!.text.replace(/\s+/g, ' ')).toContain(words(s.title)[0]);
    }
  });

  it('embeds every font it uses (no standard 14 fonts)', () => {
    expect(pdf.fonts.size).toBeGreaterThan(0);
    for (const f of pdf.fonts.values()) expect(f.embedded, f.name).toBe(true);
    const raw = Buffer.from(build.pdf).toString('latin1');
    expect(raw).not.toMatch(/\/BaseFont\s*\/(Helvetica|Times|Courier)/);
  });

  it('lays the pages out once: every chart is drawn at the size planned before layout', () => {
    const names = build.timings.map((t) => t[0]);
    expect(names).toContain('chart plan');
    expect(names).not.toContain('relayout');
    expect(names.indexOf('charts')).toBeGreaterThan(names.indexOf('layout'));
  });

  it('draws chart axis labels as text', () => {
    expect(build.charts.size).toBeGreaterThanOrEqual(8);
    const all = pdf.pages.map((p) => p.text).join(' ');
    expect(all).toMatch(/20\.000|10\.000|5\.000/);
  });

  it('keeps all body text inside the text area (running heads and folios excepted)', () => {
    build.document.pages.forEach((p, i) => {
      if (p.master === 'cover') return;
      const a = p.textArea;
      const out = pdf.pages[i]!.items.filter(
        (t) => t.str.trim() && (t.x < a.x - 0.5 || t.x + t.width > a.x + a.width + 0.5) && t.y > a.y && t.y < a.y + a.height,
      );
      expect(out.map((t) => `${i + 1}: ${t.str}`)).toEqual([]);
    });
  });

  it('is byte-identical when built twice', async () => {
    // A build without a session shares no cache with the first one: every chart is rendered again.
    const again = await buildReport({ contentDir: DEFAULT_CONTENT_DIR });
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(build.pdf))).toBe(0);
  });
});
