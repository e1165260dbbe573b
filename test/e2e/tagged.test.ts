/**
 * The bundled report as a tagged PDF (PDF/UA-1's mechanical rules), read back from the file. Oracles: the
 * content YAML read here directly (headings, image and chart alt texts, footnotes, tables, sections) and the
 * template's contents title; the checks of test/helpers/taggedPdf.ts; qpdf --check when qpdf is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { readStructure, type OutlineNode } from '../helpers/pdfStructure.ts';
import { elemText, mcidTexts, readTagged, roleCounts, taggingProblems, type Elem, type TaggedPdf } from '../helpers/taggedPdf.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- plain YAML read as an oracle */
import { nl } from '../../src/locale/nl.ts';
const read = (file: string): any => parse(readFileSync(join(DEFAULT_CONTENT_DIR, file), 'utf8'));
const report = read('report.yaml');
const sections: any[] = (report.sections as string[]).map(read);
const template = parse(readFileSync(join(DEFAULT_CONTENT_DIR, '../../templates', report.template, 'template.yaml'), 'utf8'));
const blocks = (s: any): any[] => (s.blocks ?? s.body ?? []) as any[];
const fold = (s: string) => String(s).replace(/\s+/g, ' ').trim();
/** A heading block's text: `heading: text` or `heading: { text, id, lang }`. */
const headingText = (h: any): string => (typeof h === 'string' ? h : h.text);
/** Every string of a YAML value, in document order. */
const strings = (v: any): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
/** A content text as a pattern: {figure} references become any number (the bind stage formats them). */
const pattern = (s: string) => new RegExp(`^${fold(s).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[\\d.,%]+')}$`, 'i');

let bytes: Uint8Array;
let t: TaggedPdf;
let texts: Map<string, string>;
const text = (e: Elem) => elemText(e, texts);
const all = (role: string) => t.elems.filter((e) => e.role === role);

beforeAll(async () => {
  bytes = (await buildReport({ contentDir: DEFAULT_CONTENT_DIR })).pdf;
  t = await readTagged(bytes);
  texts = await mcidTexts(bytes);
}, 120_000);

describe('bundled report, tagged', () => {
  it('passes every mechanical check: marked content, ParentTree, links, IDTree, tables, catalog, heading levels', () => {
    expect(taggingProblems(t)).toEqual([]);
    expect(t.painted.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    console.log(`structure elements: ${JSON.stringify(roleCounts(t))}`);
  });

  it('has the headings of the content, in content order: report title H1, contents and sections H2, headings and box titles H3', () => {
    const expected: string[] = [`H1 ${fold(report.title)}`, `H2 ${fold(template.words?.nl?.contents ?? nl.words.contents)}`];
    for (const s of sections) {
      expected.push(`H2 ${fold(s.title)}`);
      for (const b of blocks(s)) {
        if (b.heading !== undefined) expected.push(`H3 ${fold(headingText(b.heading))}`);
        if (b.facts !== undefined) expected.push(`H3 ${fold(b.facts.title)}`);
        if (b['key-figure'] !== undefined) expected.push(`H3 ${fold(b['key-figure'].value)}`);
      }
    }
    const found = t.elems.filter((e) => /^H\d$/.test(e.role)).map((e) => `${e.role} ${text(e)}`);
    // titles may be set in capitals by the template: compared case-insensitively
    expect(found).toEqual(expected.map((s) => expect.stringMatching(pattern(s))));
  });

  it('gives every chart and content image a Figure with its alt text (the editor’s, else the generated Dutch one)', () => {
    const graphics = sections.flatMap(blocks).filter((b) => b.chart !== undefined || b.image !== undefined);
    const figures = all('Figure');
    expect(figures).toHaveLength(graphics.length);
    graphics.forEach((b, i) => {
      const alt = figures[i]!.alt ?? '';
      const given = (b.chart ?? b.image).alt;
      if (given) expect(fold(alt)).toMatch(pattern(given));
      else expect(alt).toMatch(/\b(de|het|een|van|en|in)\b/); // a Dutch sentence, not a file name
    });
  });

  it('makes every footnote a Note (IDs in the IDTree) whose text is the note, after a Reference', () => {
    const notes = sections.flatMap((s) => Object.values(s.footnotes ?? {})) as string[];
    expect(all('Note').map((n) => text(n))).toEqual(notes.map((n) => expect.stringContaining(fold(n).slice(0, 30))));
    expect(all('Reference').length).toBeGreaterThanOrEqual(notes.length);
  });

  it('gives the English passages of the Dutch report their /Lang: a heading with lang: is an H3 in English, [text]{lang=…} a Span', () => {
    // oracle: the content YAML, scanned here for block-level lang: and inline [text]{lang=xx}
    const expected: string[] = [];
    for (const s of sections) {
      for (const b of blocks(s)) {
        if (b.heading?.lang) expected.push(`H3 ${b.heading.lang} ${fold(b.heading.text)}`);
        for (const str of strings(b)) for (const m of str.matchAll(/\[([^\]]+)\]\{lang=([^}]+)\}/g)) expected.push(`Span ${m[2]} ${fold(m[1]!)}`);
      }
    }
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const found = t.elems.filter((e) => e.lang !== undefined).map((e) => `${e.role} ${e.lang} ${text(e)}`);
    expect(found).toEqual(expected);
    // the document's own language is the catalog's, and no element repeats it
    expect(t.catalog.Lang).toBe(report.language);
  });

  it('has one TOCI per section, each a Link to it named by its title', () => {
    const toci = all('TOCI');
    expect(toci).toHaveLength(sections.length);
    toci.forEach((e, i) => {
      const link = e.kids.map((k) => ('elem' in k ? k.elem : null)).find((k) => k?.role === 'Link')!;
      const annot = link.kids.find((k) => 'annot' in k) as { annot: number };
      expect(t.objects.dict(t.objects.objects.get(annot.annot) as never).Contents).toBe(fold(sections[i].title));
      expect(text(e)).toContain(fold(sections[i].title).split(' ')[0]);
    });
  });

  it('tags each table with a TH per column (scope Column) and a TR per row', () => {
    const tables = sections.flatMap(blocks).filter((b) => b.table !== undefined).map((b) => b.table);
    const found = all('Table');
    expect(found).toHaveLength(tables.length);
    found.forEach((tab, i) => {
      const rowsOf = (role: string) => tab.kids.flatMap((k) => ('elem' in k && k.elem.role === role ? k.elem.kids : []));
      const head = rowsOf('THead');
      expect(head).toHaveLength(1);
      const ths = (head[0] as { elem: Elem }).elem.kids.filter((k) => 'elem' in k && k.elem.role === 'TH');
      expect(ths).toHaveLength(tables[i].columns.length);
      expect(rowsOf('TBody')).toHaveLength(tables[i].rows.length);
    });
  });

  it('has an outline entry for every section (H2) with its headings (H3) under it, each opening its page', async () => {
    const outline = (await readStructure(bytes)).outline;
    const flat = (nodes: readonly OutlineNode[], depth = 0): string[] => nodes.flatMap((n) => [`${depth} ${n.title}`, ...flat(n.children, depth + 1)]);
    const expected = [`0 ${fold(template.words?.nl?.contents ?? nl.words.contents)}`];
    for (const s of sections) expected.push(`0 ${fold(s.title)}`, ...blocks(s).filter((b) => b.heading !== undefined).map((b) => `1 ${fold(headingText(b.heading))}`));
    expect(flat(outline)).toEqual(expected.map((e) => expect.stringMatching(pattern(e))));
    const pages = (nodes: readonly OutlineNode[]): (number | null)[] => nodes.flatMap((n) => [n.page, ...pages(n.children)]);
    expect(pages(outline).every((p) => p !== null)).toBe(true);
  });

  it.each(['pdfa', 'print'] as const)('stays tagged in the %s variant (same checks, same elements)', async (variant) => {
    const v = await readTagged((await buildReport({ contentDir: DEFAULT_CONTENT_DIR, variant })).pdf);
    expect(taggingProblems(v)).toEqual([]);
    const counts = roleCounts(v);
    const screen = roleCounts(t);
    // the print file has no link annotations: its linked texts are Spans (besides the passages in another language)
    const linksAndSpans = (c: Record<string, number>) => ({ ...c, Link: (c.Link ?? 0) + (c.Span ?? 0), Span: undefined });
    if (variant === 'print') expect(linksAndSpans(counts)).toEqual(linksAndSpans(screen));
    else expect(counts).toEqual(screen);
  }, 120_000);

  it('is a file qpdf finds no problem in', () => {
    if (spawnSync('qpdf', ['--version']).status !== 0) return; // qpdf comes with .ci/run; absent elsewhere
    const file = join(mkdtempSync(join(tmpdir(), 'rp-tagged-')), 'report.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(out).toContain('No syntax or stream encoding errors found');
    expect(out).not.toMatch(/WARNING/i);
  });
});
