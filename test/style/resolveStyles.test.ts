import { describe, expect, it } from 'vitest';
import { columnWidthPt, resolveStyles } from '../../src/style/index.ts';
import { plainText } from '../../src/style/paragraphs.ts';
import { columnWidths, estimateMeasure } from '../../src/style/styleTable.ts';
import type { BoundBlock, BoundReport, BoundSection, BoundText } from '../../src/bind/types.ts';
import type { ChartBox } from '../../src/charts/types.ts';
import type { Block } from '../../src/style/types.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR, loadTestTheme } from './themeFixture.ts';

const theme = loadTestTheme();
const at = { file: 'sections/a.yaml', line: 1, column: 1 };
const t = (text: string): BoundText => ({ text, source: at });
const p = (text: string): BoundBlock => ({ type: 'paragraph', text: t(text) });

function section(blocks: BoundBlock[], extra: Partial<BoundSection> = {}): BoundSection {
  return { id: 's', kind: 'article', title: 'Titel', shortTitle: 'Titel', blocks, footnotes: new Map(), source: at, ...extra };
}
function report(sections: BoundSection[]): BoundReport {
  return {
    meta: { title: 'J', organisation: 'IND', author: 'IND', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: '30 april 2021' },
    sections, charts: [], images: new Map(),
  };
}
const style = (sections: BoundSection[], charts = new Map<string, ChartBox>()) => resolveStyles(report(sections), theme, charts, new Map());
const indents = (blocks: readonly Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.para.firstLineIndentPt : b.kind));

describe('resolveStyles', () => {
  it('indents only paragraphs that follow a paragraph', () => {
    const [s] = style([section([p('a'), p('b'), { type: 'heading', text: t('Kop') }, p('c'), p('d'),
      { type: 'keyFigure', value: t('12'), text: t('x') }, p('e')])]);
    expect(indents(s.blocks)).toEqual([0, 11, 'heading', 0, 11, 'keyFigure', 0]);
    const para = s.blocks[1] as Extract<Block, { kind: 'paragraph' }>;
    expect(para.spaceAfterPt).toBe(theme.paragraph.spaceAfter);
    expect(para.para.align).toBe('justify');
    expect(para.para.runs[0].font).toBe('serif');
  });

  it('sets colophon paragraphs in the colophon style: ragged, spaced, never indented', () => {
    const [s] = style([section([p('**Uitgave** – IND'), p('**Beeld** – grafieken')], { kind: 'colophon' })]);
    const paras = s.blocks as Extract<Block, { kind: 'paragraph' }>[];
    expect(paras.map((b) => b.para.firstLineIndentPt)).toEqual([0, 0]);
    expect(paras.map((b) => b.para.align)).toEqual(['left', 'left']);
    expect(paras[1].spaceAfterPt).toBe(theme.text.colophon!.spaceAfter);
    expect(paras[1].para.runs[0].font).toBe('sans-bold');
    // articles keep the body style
    const [art] = style([section([p('a'), p('b')])]);
    expect((art.blocks[1] as Extract<Block, { kind: 'paragraph' }>).para.firstLineIndentPt).toBe(11);
  });

  it('takes heading spacing from the heading style', () => {
    const [s] = style([section([{ type: 'heading', text: t('Kop') }])]);
    expect(s.blocks[0]).toMatchObject({ kind: 'heading', spaceBeforePt: 13.2, spaceAfterPt: 0 });
  });

  it('builds the opener with an uppercase kicker', () => {
    const [s] = style([section([], { label: 'Eerste artikel', title: 'Asiel: "oud" en nieuw', lead: t('Lead **vet**') })]);
    expect(plainText(s.opener.label!)).toBe('EERSTE ARTIKEL');
    expect(s.opener.label!.runs[0].font).toBe('sans-semibold');
    expect(plainText(s.opener.title)).toBe('Asiel: \u201Coud\u201D en nieuw');
    expect(s.title).toBe('Asiel: \u201Coud\u201D en nieuw');
    expect(s.opener.lead!.runs.map((r) => r.font)).toEqual(['sans-semibold', 'sans-bold']);
  });

  it('numbers footnotes through the report in order of first reference', () => {
    const fn = (...ids: string[]) => new Map(ids.map((id) => [id, t(`tekst ${id}`)]));
    const [a, b] = style([
      section([p('x[^b] y[^a] z[^b]')], { footnotes: fn('a', 'b', 'unused') }),
      section([p('q[^a]')], { id: 't', kind: 'appendix', footnotes: fn('a') }),
    ]);
    const markers = (s: typeof a) => s.blocks.flatMap((bl) => (bl.kind === 'paragraph' ? bl.para.runs.filter((r) => r.footnoteId).map((r) => r.text) : []));
    expect(markers(a)).toEqual(['1', '2', '1']);
    expect(markers(b)).toEqual(['3']);
    expect([...a.footnotes.keys()]).toEqual(['b', 'a']);
    expect(plainText(a.footnotes.get('a')!)).toBe('2 tekst a');
    expect(plainText(b.footnotes.get('a')!)).toBe('3 tekst a');
  });

  it('takes the column count per section kind from the template', () => {
    const kinds = ['article', 'foreword', 'appendix', 'colophon'] as const;
    const custom = { ...theme, page: { ...theme.page, columns: 2 as const, sectionColumns: { foreword: 1 as const, colophon: 1 as const } } };
    const styled = resolveStyles(report(kinds.map((kind) => section([], { kind }))), custom, new Map(), new Map());
    // listed kinds use their own count, the others the page default
    expect(styled.map((s) => s.columns)).toEqual([2, 1, 2, 1]);
  });

  it('styles facts with right-aligned tabular values', () => {
    const [s] = style([section([{ type: 'facts', title: t('Cijfers'), items: [{ label: t('Eerste aanvragen'), value: t('13.670') }] }])]);
    const f = s.blocks[0] as Extract<Block, { kind: 'facts' }>;
    expect(f.items[0].value.align).toBe('right');
    expect(f.items[0].value.runs[0].features).toContain('tnum');
    expect(f.box).toMatchObject({ fill: '#f1f5f9', barColor: '#154273', barWidthPt: 3, spaceBeforePt: 6.6 });
  });

  it('numbers ordered lists and bullets unordered ones', () => {
    const [s] = style([section([
      { type: 'list', ordered: true, items: [t('a'), t('b')] },
      { type: 'list', title: t('T'), ordered: false, items: [t('c')] },
    ])]);
    const [ol, ul] = s.blocks as Extract<Block, { kind: 'list' }>[];
    expect(ol.markers.map((m) => m.text)).toEqual(['1.', '2.']);
    expect(ul.markers.map((m) => m.text)).toEqual(['\u2022']);
    expect(ol.indentPt).toBeGreaterThan(0);
  });

  it('labels a video with the template string and links every run', () => {
    const [s] = style([section([{ type: 'video', title: t('Dignum vertelt'), url: 'https://youtu.be/x', source: at }])]);
    const v = s.blocks[0] as Extract<Block, { kind: 'video' }>;
    expect(plainText(v.label)).toBe('Kijk de video: Dignum vertelt');
    expect(v.label.runs.every((r) => r.link === 'https://youtu.be/x')).toBe(true);
  });

  it('passes chart sizes and fails on a missing one', () => {
    const chart: ChartBox = { id: 'c', widthPt: 200, heightPt: 120, alt: 'a' };
    const [s] = style([section([{ type: 'chart', chartId: 'c', caption: t('Bron: IND'), source: at }])], new Map([['c', chart]]));
    expect(s.blocks[0]).toMatchObject({ kind: 'chart', chart, size: 'column' });
    expect(() => style([section([{ type: 'chart', chartId: 'nope', source: at }])])).toThrow(/no rendered chart for "nope"/);
  });

  it('styles tables with aligned columns whose widths follow the content', () => {
    const table: BoundBlock = {
      type: 'table', title: t('Asiel'), source: at,
      columns: [{ label: t('Onderwerp'), align: 'left' }, { label: t('2019'), align: 'right' }, { label: t('2020'), align: 'right' }],
      rows: [{ kind: 'body', cells: [t('Eerste aanvragen asiel'), t('22.540'), t('13.670')], indent: 0 }, { kind: 'body', cells: [t('Nareis'), t('7.280'), t('5.940')], indent: 0 }],
      note: t('Bron: IND'),
    };
    const fonts = createFontStore(FONTS_DIR, theme.fonts);
    const [s] = resolveStyles(report([section([table], { kind: 'appendix' })]), theme, new Map(), new Map(), fonts);
    const tb = s.blocks[0] as Extract<Block, { kind: 'table' }>;
    expect(tb.header.map((h) => h.align)).toEqual(['left', 'right', 'right']);
    expect(tb.rows[0].map((c) => c.align)).toEqual(['left', 'right', 'right']);
    expect(tb.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    // Number columns keep their natural width, the text column takes the rest of the frame.
    const full = columnWidthPt(theme, s.columns);
    const natural = fonts.measure('22.540', 'sans', 8.5, ['kern', 'liga', 'tnum']) + 2 * 3.5;
    expect(tb.widths[1] * full).toBeCloseTo(natural, 1);
    expect(tb.widths[0]).toBeGreaterThan(0.5);
  });
});

describe('columnWidths', () => {
  const cell = (text: string) => ({ runs: [{ text, font: 'f', sizePt: 10, color: '#000', features: [] }], align: 'left' as const, leadingPt: 12, hyphenate: false, firstLineIndentPt: 0 });
  it('shares slack among text columns when everything fits', () => {
    // estimate: 5pt per char; widths 20+4=24 (text) and 10+4=14 (number) in 100pt.
    const w = columnWidths([[cell('abcd'), cell('12')]], ['left', 'right'], 100, 2, estimateMeasure);
    expect(w[1] * 100).toBeCloseTo(14);
    expect(w[0] * 100).toBeCloseTo(86);
  });
  it('gives every column at least its longest word when space is short', () => {
    const w = columnWidths([[cell('aa bbbbbbbb cc dd ee ff gg'), cell('123456')]], ['left', 'right'], 80, 0, estimateMeasure);
    expect(w[0] * 80).toBeGreaterThanOrEqual(40 - 1e-9);
    expect(w[1] * 80).toBeGreaterThanOrEqual(30 - 1e-9);
  });
});
