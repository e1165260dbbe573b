import { describe, expect, it } from 'vitest';
import { createSink } from '../../src/diag/sink.ts';
import { anchorPages, layoutDocument, paginate } from '../../src/pages/index.ts';
import type { ReportInfo } from '../../src/pages/types.ts';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { box, env, fakeBreakLines, heading, para, section, spec, theme } from '../flow/helpers.ts';
import type { FlowEnv } from '../../src/flow/types.ts';

const meta: ReportInfo = {
  title: 'Jaarverslag', subtitle: 'Twintig', organisation: 'IND', author: 'IND', subject: 's', keywords: ['k'],
  language: 'nl-NL', date: '2021-04-30', dateText: '30 april 2021',
};
const sections = [
  section('voorwoord', [para('v', 12)], { kind: 'foreword', columns: 1 }),
  section('a1', [para('a', 30), heading('h'), box('q', 40), para('b', 40)], { label: 'Eerste artikel' }),
  section('a2', [para('c', 50)], { label: 'Tweede artikel' }),
  section('bijlage', [para('d', 5)], { kind: 'appendix', columns: 1 }),
];
const glyphs = (p: Page) => p.items.filter((i): i is Extract<FrameItem, { kind: 'glyphs' }> => i.kind === 'glyphs');

describe('paginate', () => {
  const diag = createSink();
  const doc = layoutDocument(sections, theme, env, meta, { diag });
  const anchors = anchorPages(doc);

  it('numbers pages as PDF index + 1 with an unnumbered cover and a TOC on page 2', () => {
    expect(doc.pages[0]!.number).toBeNull();
    expect(doc.pages[0]!.master).toBe('cover');
    expect(doc.pages[1]!.master).toBe('toc');
    doc.pages.slice(1).forEach((p, i) => expect(p.number).toBe(i + 2));
    // section anchors (heading anchors, named "<section>.h<block>", are the outline's)
    expect([...anchors.entries()].filter(([name]) => !name.includes('.h'))).toEqual([['toc', 2], ['voorwoord', 3], ['a1', 4], ['a2', 8], ['bijlage', 11]]);
  });

  it('prints each anchor page in the TOC, right-aligned, with a goto link to the section', () => {
    const toc = doc.pages[1]!;
    const right = toc.textArea.x + toc.textArea.width;
    for (const s of sections) {
      const num = glyphs(toc).find((g) => g.text === String(anchors.get(s.id)) && Math.abs(g.x + g.widthPt - right) < 0.01);
      expect(num, s.id).toBeDefined();
      expect(toc.items.some((i) => i.kind === 'goto' && i.dest === s.id)).toBe(true);
    }
    expect(glyphs(toc).some((g) => g.text === 'EERSTE ARTIKEL')).toBe(true);
  });

  it('leaves TOC numbers blank on a first pass without anchors', () => {
    const first = paginate(sections, theme, env, meta);
    const a = first.pages[1]!.textArea;
    expect(glyphs(first.pages[1]!).some((g) => /^\d+$/.test(g.text) && g.y < a.y + a.height)).toBe(false);
  });

  it('stabilises: another pass with its own anchors changes nothing', () => {
    const again = paginate(sections, theme, env, meta, { tocPages: anchors });
    expect(JSON.stringify(again.pages.map((p) => p.items))).toBe(JSON.stringify(doc.pages.map((p) => p.items)));
    expect(diag.items.filter((d) => d.code === 'PAGES001')).toEqual([]);
  });

  it('gives the outline the contents and every section', () => {
    expect(doc.outline.map((o) => o.dest)).toEqual(['toc', 'voorwoord', 'a1', 'a2', 'bijlage']);
  });

  it('sets running heads: report title on even pages, section title on odd pages, and folios', () => {
    const p4 = doc.pages[3]!; // even: a1 opener
    const p5 = doc.pages[4]!; // odd: a1 continued
    expect(glyphs(p4).some((g) => g.text === 'Jaarverslag' && g.x === p4.textArea.x && g.y < p4.textArea.y)).toBe(true);
    const head5 = glyphs(p5).find((g) => g.text === 'Short a1')!;
    expect(head5.x + head5.widthPt).toBeCloseTo(p5.textArea.x + p5.textArea.width);
    const folio = glyphs(p5).find((g) => g.text === '5')!;
    expect(folio.y).toBeGreaterThan(p5.textArea.y + p5.textArea.height);
    expect(glyphs(p5).some((g) => g.text === 'Jaarverslag · 30 april 2021')).toBe(true);
    expect(glyphs(doc.pages[0]!).some((g) => /^\d+$/.test(g.text))).toBe(false);
  });

  it('draws outside the text area only running heads, their rule, foot text and folio', () => {
    for (const p of doc.pages.slice(1)) {
      const a = p.textArea;
      const outside = p.items.filter((i) => {
        if (i.kind === 'anchor') return false;
        const y = i.kind === 'rule' ? i.y1 : i.y;
        return y < a.y - 0.01 || y > a.y + a.height + 0.01;
      });
      expect(outside.map((i) => i.kind).sort(), `page ${p.number}`).toEqual(['glyphs', 'glyphs', 'glyphs', 'rule']);
    }
  });

  it('puts the lint at the top centre, a full-bleed accent plane and the white title on the cover', () => {
    const cover = doc.pages[0]!;
    const rects = cover.items.filter((i): i is Extract<FrameItem, { kind: 'rect' }> => i.kind === 'rect');
    const lint = rects.find((r) => r.y === 0 && r.width < theme.page.width / 4)!;
    expect(lint.fill).toBe('#154273');
    expect(lint.x + lint.width / 2).toBeCloseTo(theme.page.width / 2);
    const plane = rects.find((r) => r.x === 0 && r.width === theme.page.width && r.y + r.height === theme.page.height && r.fill === '#154273')!;
    expect(plane).toBeDefined();
    const title = glyphs(cover).find((g) => g.text === 'Jaarverslag')!;
    expect(title.color).toBe('#ffffff');
    expect(title.y).toBeGreaterThan(plane.y);
    // the organisation sits on white beside the lint, in the accent colour
    const org = glyphs(cover).find((g) => g.text === 'IND')!;
    expect(org.color).toBe('#154273');
    expect(org.x).toBeGreaterThan(lint.x + lint.width);
  });

  it('lays out alternating margins: inner margin on the binding side', () => {
    expect(doc.pages[2]!.textArea.x).toBe(theme.page.margin.inner); // page 3, right-hand
    expect(doc.pages[3]!.textArea.x).toBe(theme.page.margin.outer); // page 4, left-hand
  });
});

describe('layoutDocument', () => {
  it('stops after 4 passes with a warning when page numbers keep moving', () => {
    let passes = 0;
    // The body's flow no longer changes between passes, so make the TOC longer on every pass: in pass k the first
    // k entries each fill a page. That moves the first body page, and every number, each time.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const growing: FlowEnv = {
      ...env,
      breakLines: (p) => {
        const text = p.runs[0]?.text;
        if (text === 'Inhoud') passes++; // the TOC's title starts each pass
        const i = ids.findIndex((id) => text === `Title ${id}`);
        return i >= 0 && i < passes ? fakeBreakLines(spec('tall', 60)) : fakeBreakLines(p);
      },
    };
    const diag = createSink();
    const doc = layoutDocument(ids.map((id) => section(id, [para(`p${id}`, 1)])), theme, growing, meta, { diag });
    expect(passes).toBe(4);
    expect(diag.items.map((d) => d.code)).toEqual(['PAGES001']);
    expect(doc.pages.length).toBeGreaterThan(4);
  });

  it('flows the body once: the second pass only fills in the TOC numbers', () => {
    let calls = 0;
    let tocCalls = 0;
    const counting: FlowEnv = {
      ...env,
      breakLines: (p) => (p.runs[0]?.text === 'v|12' && calls++, p.runs[0]?.text === 'Title a1' && tocCalls++, fakeBreakLines(p)),
    };
    const doc = layoutDocument(sections, theme, counting, meta, { diag: createSink() });
    expect(calls).toBe(1);
    expect(tocCalls).toBe(2); // the TOC is set in both passes, the second time with its page numbers
    expect(anchorPages(doc).get('a1')).toBeGreaterThan(2);
  });
});
