import { describe, expect, it } from 'vitest';
import { composeBlock, composeTable } from '../../../src/flow/boxes/index.ts';
import type { Box, LayoutEnv } from '../../../src/flow/types.ts';
import { createFontStore } from '../../../src/fonts/fontStore.ts';
import type { FrameItem } from '../../../src/model/types.ts';
import { resolveStyles } from '../../../src/style/index.ts';
import type { Block } from '../../../src/style/types.ts';
import type { BoundBlock, BoundText } from '../../../src/bind/types.ts';
import type { ChartBox } from '../../../src/charts/types.ts';
import { FONTS_DIR, loadTestTheme } from '../../style/themeFixture.ts';
import { CHAR_PT, fakeEnv, greedyBreaker } from './fakes.ts';

const theme = loadTestTheme();
const GRID = theme.text.body.leading;
const at = { file: 'sections/a.yaml', line: 7, column: 3 };
const t = (text: string): BoundText => ({ text, source: at });
const row = (...cells: BoundText[]) => ({ kind: 'body' as const, cells, indent: 0 });
const asset = (w: number, h: number): ChartBox => ({ id: 'c', widthPt: w, heightPt: h, alt: 'grafiek' });

/** Styles bound blocks with the real template (appendix: one column). */
function styled(blocks: BoundBlock[], charts = new Map<string, ChartBox>()): readonly Block[] {
  const section = { id: 's', kind: 'appendix' as const, title: 'T', shortTitle: 'T', blocks, footnotes: new Map([['n', t('noot')]]), source: at };
  const report = {
    meta: { title: 'J', organisation: 'IND', author: 'IND', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: '' },
    sections: [section], charts: [], images: new Map(),
  };
  const images = new Map([['img.png', { png: new Uint8Array([1]), aspect: 0.5 }]]);
  return resolveStyles(report, theme, charts, images)[0].blocks;
}

const glyphs = (box: Box) => box.items.filter((i): i is Extract<FrameItem, { kind: 'glyphs' }> => i.kind === 'glyphs');
const ofText = (box: Box, text: string) => glyphs(box).find((g) => g.text === text)!;
const rects = (box: Box) => box.items.filter((i): i is Extract<FrameItem, { kind: 'rect' }> => i.kind === 'rect');
const onGrid = (box: Box) => ((box.spaceBeforePt ?? 0) + box.heightPt + (box.spaceAfterPt ?? 0)) / GRID;

const ALL: BoundBlock[] = [
  { type: 'facts', title: t('Cijfers asiel 2020'), items: [{ label: t('Eerste aanvragen asiel in het hele jaar'), value: t('13.670') }, { label: t('Nareis'), value: t('5.940[^n]') }] },
  { type: 'keyFigure', value: t('13.670'), text: t('aanvragen voor familie en gezin in 2020') },
  { type: 'quote', text: t('"Wij hebben veel geleerd van de nieuwe werkwijze in dit bijzondere jaar."'), by: t('Joël Schoneveld') },
  { type: 'list', title: t('Top 3 nationaliteiten'), ordered: true, items: [t('Indiase'), t('Turkse kennismigranten en hun gezinnen'), t('Syrische')] },
  { type: 'video', title: t('Dignum Friendrijk vertelt over zijn werk'), url: 'https://youtu.be/x', source: at },
  { type: 'image', src: 'img.png', alt: 'pasje', caption: t('Het nieuwe verblijfsdocument'), source: at },
  { type: 'chart', chartId: 'c', caption: t('Bron: IND'), source: at },
  { type: 'signature', name: t('Annelore Roelofs'), role: t('Wnd. Hoofddirecteur IND') },
];

describe('composeBlock with the fake 5pt font', () => {
  const env = fakeEnv(GRID);
  const blocks = styled(ALL, new Map([['c', asset(300, 186)]]));
  const boxes = blocks.map((b) => composeBlock(b, 232, env));

  it('keeps every box on the baseline grid, spacing included', () => {
    for (const [i, box] of boxes.entries()) {
      expect(onGrid(box), blocks[i].kind).toBeCloseTo(Math.round(onGrid(box)), 6);
      const want = blocks[i].kind === 'signature' ? 0 : (blocks[i] as { box: { spaceAfterPt: number } }).box.spaceAfterPt;
      expect(box.spaceAfterPt!).toBeGreaterThanOrEqual(want - 1e-9);
      expect(box.spaceAfterPt! - want).toBeLessThan(GRID);
    }
  });

  it('keeps every glyph inside the box and tags it with the source', () => {
    for (const box of boxes) {
      for (const g of glyphs(box)) {
        expect(g.x).toBeGreaterThanOrEqual(0);
        expect(g.x + g.widthPt).toBeLessThanOrEqual(box.widthPt + 1e-6);
        expect(g.y).toBeLessThanOrEqual(box.heightPt);
        expect(g.source).toEqual(at);
      }
    }
  });

  it('sets facts as tinted box with a bar, label left and value flush right on the label baseline', () => {
    const box = boxes[0];
    const [fill, bar] = rects(box);
    expect(fill).toMatchObject({ x: 0, y: 0, width: 232, height: box.heightPt, fill: '#f1f5f9' });
    expect(bar).toMatchObject({ x: 0, width: 3, fill: '#154273' });
    const value = ofText(box, '13.670');
    expect(value.x + value.widthPt).toBeCloseTo(232 - 10);
    const label = ofText(box, 'Eerste');
    expect(label.x).toBe(12);
    expect(value.y).toBeCloseTo(label.y);
    expect(value.features).toContain('tnum');
    expect(box.footnoteIds).toEqual(['n']);
    const marker = glyphs(box).find((g) => g.text === '1')!;
    expect(marker.y).toBeLessThan(ofText(box, '5.940').y);
  });

  it('puts a short key figure beside its text, a long one above it', () => {
    const beside = boxes[1];
    expect(ofText(beside, 'aanvragen').x).toBeGreaterThan(ofText(beside, '13.670').x + ofText(beside, '13.670').widthPt);
    const [short] = styled([{ type: 'keyFigure', value: t('13.670'), text: t('aanvragen in 2020') }]);
    const one = composeBlock(short, 232, env);
    expect(ofText(one, 'aanvragen').y).toBeCloseTo(ofText(one, '13.670').y);
    const [long] = styled([{ type: 'keyFigure', value: t('1.234.567.890.123'), text: t('x') }]);
    const below = composeBlock(long, 150, env);
    expect(ofText(below, 'x').y).toBeGreaterThan(ofText(below, '1.234.567.890.123').y);
    expect(ofText(below, 'x').x).toBe(12);
  });

  it('sets the quote after a bar and the attribution below it', () => {
    const box = boxes[2];
    expect(rects(box)[0]).toMatchObject({ x: 0, width: 3, fill: '#dce6f0', height: box.heightPt });
    expect(ofText(box, '\u201CWij').x).toBe(12);
    expect(ofText(box, 'Schoneveld').y).toBe(Math.max(...glyphs(box).map((g) => g.y)));
  });

  it('hangs list markers in the padding and aligns them with their item', () => {
    const box = boxes[3];
    const list = blocks[3] as Extract<Block, { kind: 'list' }>;
    for (const [n, word] of [['1.', 'Indiase'], ['2.', 'Turkse'], ['3.', 'Syrische']]) {
      expect(ofText(box, n).x).toBe(12);
      expect(ofText(box, word).x).toBeCloseTo(12 + list.indentPt);
      expect(ofText(box, n).y).toBeCloseTo(ofText(box, word).y);
    }
  });

  it('makes the whole video box a link and draws a play symbol before the label', () => {
    const box = boxes[4];
    const links = box.items.filter((i) => i.kind === 'link');
    expect(links).toMatchObject([{ kind: 'link', x: 0, y: 0, width: 232, height: box.heightPt, url: 'https://youtu.be/x' }]);
    expect(links).toHaveLength(1);
    const icon = box.items.find((i) => i.kind === 'svg')!;
    expect(icon).toMatchObject({ x: 10, width: 12 });
    expect(ofText(box, 'Kijk').x).toBeGreaterThan(10 + 12);
    expect(rects(box)[0]).toMatchObject({ stroke: '#9fb3c8', strokeWidthPt: 0.6 });
  });

  it('sets images at full width with the caption below', () => {
    const box = boxes[5];
    expect(box.items[0]).toMatchObject({ kind: 'image', x: 0, y: 0, width: 232, height: 116, alt: 'pasje' });
    expect(ofText(box, 'Het').y).toBeGreaterThan(116);
  });

  it('scales a chart down to the width, never up', () => {
    expect(boxes[6].items[0]).toMatchObject({ kind: 'chart', chartId: 'c', width: 232, alt: 'grafiek' });
    expect((boxes[6].items[0] as { height: number }).height).toBeCloseTo(186 * (232 / 300));
    const [small] = styled([{ type: 'chart', chartId: 'c', source: at }], new Map([['c', asset(200, 124)]]));
    const box = composeBlock(small, 232, env);
    expect(box.items[0]).toMatchObject({ width: 200, height: 124 });
    expect(box.heightPt).toBe(124);
  });

  it('stacks the signature name and role with the block space above', () => {
    const box = boxes[7];
    expect(box.spaceBeforePt).toBe(GRID);
    expect(ofText(box, 'Wnd.').y).toBeGreaterThan(ofText(box, 'Annelore').y);
  });

  it('rejects text blocks', () => {
    const [p] = styled([{ type: 'paragraph', text: t('x') }]);
    expect(() => composeBlock(p, 100, env)).toThrow(/set by flow/);
  });
});

describe('composeTable', () => {
  const env = fakeEnv(GRID);
  const [table] = styled([{
    type: 'table', title: t('Asiel'), source: at, note: t('Bron: IND'),
    columns: [{ label: t('Onderwerp'), align: 'left' }, { label: t('2020'), align: 'right' }],
    rows: [row(t('Eerste aanvragen'), t('13.670')), row(t('Nareis'), t('5.940'))],
  }]) as Extract<Block, { kind: 'table' }>[];
  const composed = composeTable(table, 300, env);

  it('splits into title, header, rows and note', () => {
    expect(composed.rows).toHaveLength(2);
    expect(composed.title && composed.note).toBeTruthy();
    // the template's table spacing: a full blank line above, so a table reads as its own unit
    expect(composed.title!.spaceBeforePt).toBe(13.2);
  });

  it('fills the header and rules each row', () => {
    expect(rects(composed.header)[0]).toMatchObject({ x: 0, y: 0, width: 300, fill: '#dce6f0' });
    const rule = composed.rows[0].items.find((i) => i.kind === 'rule')!;
    expect(rule).toMatchObject({ x1: 0, x2: 300, y1: composed.rows[0].heightPt, color: '#9fb3c8' });
    expect(composed.rows[0].heightPt).toBeCloseTo(11 + 2 * 3.5);
  });

  it('right-aligns numeric columns to the column edge minus padding', () => {
    for (const [row, text] of [[0, '13.670'], [1, '5.940']] as const) {
      const g = ofText(composed.rows[row], text);
      expect(g.x + g.widthPt).toBeCloseTo(300 - 3.5);
    }
    const head = ofText(composed.header, '2020');
    expect(head.x + head.widthPt).toBeCloseTo(300 - 3.5);
    expect(ofText(composed.rows[0], 'Eerste').x).toBeCloseTo(3.5);
    expect(ofText(composed.rows[0], 'Eerste').y).toBeCloseTo(3.5 + 11 * 0.75);
  });

  it('puts the unsplit table on the grid through the last part', () => {
    const parts = [composed.title!, composed.header, ...composed.rows, composed.note!];
    const total = parts.reduce((h, p) => h + (p.spaceBeforePt ?? 0) + p.heightPt + (p.spaceAfterPt ?? 0), 0);
    expect(total / GRID).toBeCloseTo(Math.round(total / GRID), 6);
    expect(composed.note!.spaceAfterPt!).toBeGreaterThanOrEqual(13.2);
  });
});

describe('boxes with the real fonts', () => {
  const fonts = createFontStore(FONTS_DIR, theme.fonts);
  const env: LayoutEnv = { fonts, breakLines: greedyBreaker((r, text) => fonts.measure(text, r.font, r.sizePt, r.features)), gridPt: GRID };
  const blocks = styled(ALL, new Map([['c', asset(300, 186)]]));

  it('keeps every glyph inside the box at column and narrow widths', () => {
    for (const width of [232, 160]) {
      for (const b of blocks) {
        const box = composeBlock(b, width, env);
        for (const g of glyphs(box)) {
          expect(g.x, `${b.kind} ${g.text}`).toBeGreaterThanOrEqual(0);
          expect(g.x + g.widthPt, `${b.kind} ${g.text}`).toBeLessThanOrEqual(width + 1e-6);
        }
        expect(onGrid(box)).toBeCloseTo(Math.round(onGrid(box)), 6);
      }
    }
  });

  it('keeps every table glyph inside its column', () => {
    const [table] = styled([{
      type: 'table', source: at,
      columns: [{ label: t('Nationaliteit'), align: 'left' }, { label: t('2019'), align: 'right' }, { label: t('2020'), align: 'right' }],
      rows: [row(t('Eritrese asielzoekers en nareizigers'), t('12.345'), t('1.234.567')), row(t('Syrische'), t('7.280'), t('5.940'))],
    }]) as Extract<Block, { kind: 'table' }>[];
    const composed = composeTable(table, 232, env);
    for (const row of [composed.header, ...composed.rows]) {
      for (const g of glyphs(row)) expect(g.x + g.widthPt, g.text).toBeLessThanOrEqual(232 - 3.5 + 1e-6);
    }
    const big = ofText(composed.rows[0], '1.234.567');
    expect(big.x + big.widthPt).toBeCloseTo(232 - 3.5, 3);
  });

  it('keeps the right-aligned fact value flush with the inner edge', () => {
    const box = composeBlock(blocks[0], 232, env);
    const value = ofText(box, '13.670');
    expect(value.x + value.widthPt).toBeCloseTo(222, 3);
    expect(value.widthPt).toBeCloseTo(fonts.measure('13.670', 'sans-bold', 8.8, ['kern', 'liga', 'tnum']), 6);
  });
});

it('fake font measures 5pt per character', () => {
  expect(fakeEnv().fonts.measure('abc', 'x', 10)).toBe(3 * CHAR_PT);
});
