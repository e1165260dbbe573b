/** Tiny synthetic documents for flow and pages tests: fake line breaker, fake boxes, a small page. */
import type { ComposeFns, FlowEnv, Box, ComposedTable } from '../../src/flow/types.ts';
import type { FontStore } from '../../src/fonts/fontStore.ts';
import type { FrameItem } from '../../src/model/types.ts';
import type { ResolvedTheme, TextStyleSpec } from '../../src/spec/theme.ts';
import type { Block, BoxStyle, ParagraphSpec, StyledRun, StyledSection } from '../../src/style/types.ts';
import type { GlyphRun, Line } from '../../src/text/types.ts';
import { nl } from '../../src/locale/nl.ts';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

export const SPAN = { file: 'test.yaml', line: 1, column: 1 };
/** Body leading of the fake theme: the baseline grid. */
export const L = 10;

const style = (size: number, leading: number, extra: Partial<TextStyleSpec> = {}): TextStyleSpec => ({
  font: 'sans', size, leading, align: 'left', hyphenate: false, color: '#000000', features: [], tracking: 0,
  uppercase: false, spaceBefore: 0, spaceAfter: 0, lang: 'nl-NL', ...extra,
});

/** A 220×200 pt page: text area 190×160 (margins top/bottom 20, inner 20, outer 10), two 90 pt columns. */
export const theme: ResolvedTheme = {
  name: 'test',
  page: { width: 220, height: 200, margin: { top: 20, bottom: 20, inner: 20, outer: 10 }, columns: 2, gutter: 10, footnoteGap: 10 },
  fonts: { sans: 'Sans.ttf', serif: 'Serif.ttf' },
  colors: { accent: '#154273', rule: '#9fb3c8', white: '#ffffff', text: '#000000', muted: '#555555' },
  text: {
    body: style(8, L), title: style(16, 20), kicker: style(8, 10, { uppercase: true }), lead: style(10, 10),
    runningHead: style(6, 8), folio: style(6, 8, { align: 'right' }), tocEntry: style(8, 10), tocLabel: style(6, 8, { uppercase: true }),
    coverTitle: style(20, 24), coverSub: style(12, 14), coverMeta: style(8, 10), footnote: style(6, 10),
  },
  boxes: {},
  table: { headerFill: '#eeeeee', rule: '#999999', rowPadding: 2 },
  paragraph: { spaceAfter: 0, indent: 0 },
  language: 'nl-NL',
  words: nl.words,
  cover: [
    { type: 'rect', x: '50% - 8', y: 0, width: 16, height: 40, fill: '#154273' },
    { type: 'text', text: '{organisation}', style: 'coverMeta', color: '#154273', x: '50% + 12', y: 20, width: 80 },
    { type: 'rect', x: 0, y: '30%', width: '100%', height: '70%', fill: '#154273' },
    { type: 'text', id: 'title', text: '{title}', style: 'coverTitle', color: '#ffffff', x: 'text.left', y: '44%', width: 'text.width' },
    { type: 'text', text: '{subtitle}', style: 'coverSub', x: 'text.left', y: 'title.bottom + 9', width: 'text.width' },
  ],
  furniture: [
    { type: 'text', side: 'even', text: '{title}', style: 'runningHead', x: 'outer', align: 'outer', baseline: 'text.top - 12' },
    { type: 'text', side: 'odd', text: '{sectionTitle}', style: 'runningHead', x: 'outer', align: 'outer', baseline: 'text.top - 12' },
    { type: 'rule', x1: 'text.left', y1: 'text.top - 8', x2: 'text.right', y2: 'text.top - 8', color: '#9fb3c8', width: 0.5 },
    { type: 'text', text: '{title} · {date}', style: 'runningHead', x: 'inner', align: 'inner', baseline: 'text.bottom + 12' },
    { type: 'text', text: '{page}', style: 'folio', x: 'outer', align: 'outer', baseline: 'text.bottom + 12' },
  ],
  opener: { order: ['kicker', 'title', 'lead', 'rule'], kickerGap: 4, titleGap: 8, rule: { color: '#154273', width: 0.75, gap: 10, kinds: ['article'] } },
  contents: { numberColumn: 36, entryGap: 1, labelGap: 2, leaders: true, entry: ['label', 'title'] },
  chart: {
    font: 'x', fontKeys: { normal: 'sans', bold: 'sans', semibold: 'sans', italic: 'sans' }, fontSize: 8, titleFontSize: 9,
    labelColor: '#000', gridColor: '#000', domainColor: '#000', palette: [], aspect: 0.6,
    locale: vegaLocale('nl-NL'), language: 'nl-NL', words: nl.words,
  },
};

const run = (text: string, extra: Partial<StyledRun> = {}): StyledRun => ({ text, font: 'sans', sizePt: 8, color: '#000000', features: [], ...extra });

/** A paragraph the fake breaker sets as `n` lines "name.0" … "name.{n-1}"; notes = [lineIndex, footnoteId]. */
export function spec(name: string, n: number, notes: [number, string][] = [], leading = L): ParagraphSpec {
  const runs = [run(`${name}|${n}`), ...notes.map(([i, id]) => run(`@${i}`, { footnoteId: id, risePt: 3 }))];
  return { runs, align: 'left', leadingPt: leading, hyphenate: false, firstLineIndentPt: 0 };
}

/** Fake line breaker: reads "name|n" and footnote runs "@i" from the spec. */
export function fakeBreakLines(p: ParagraphSpec): readonly Line[] {
  const m = /^(.*)\|(\d+)$/.exec(p.runs[0]?.text ?? '');
  const [name, n] = m ? [m[1]!, Number(m[2])] : [p.runs.map((r) => r.text).join(''), 1];
  return Array.from({ length: n }, (_, i): Line => {
    const runs: GlyphRun[] = [{ text: n === 1 && !m ? name : `${name}.${i}`, xPt: 0, widthPt: 40, font: p.runs[0]?.font ?? 'sans', sizePt: 8, color: p.runs[0]?.color ?? '#000000', features: [], wordSpacingPt: 0 }];
    for (const r of p.runs.slice(1)) if (r.footnoteId && r.text === `@${i}`) runs.push({ ...runs[0]!, text: '1', xPt: 41, widthPt: 3, footnoteId: r.footnoteId, risePt: r.risePt });
    return { runs, widthPt: 40, ascentPt: p.leadingPt * 0.8, descentPt: p.leadingPt * 0.2, heightPt: p.leadingPt, hyphenated: false };
  });
}

/** Box decoration with the given spacing. */
export const boxStyle = (before = 0, after = 0): BoxStyle => ({ padding: { top: 0, right: 0, bottom: 0, left: 0 }, spaceBeforePt: before, spaceAfterPt: after });

export const para = (name: string, n: number, notes: [number, string][] = []): Block => ({ kind: 'paragraph', para: spec(name, n, notes), spaceBeforePt: 0, spaceAfterPt: 0, source: SPAN });
export const heading = (name: string, n = 1): Block => ({ kind: 'heading', para: spec(name, n), spaceBeforePt: L, spaceAfterPt: 0, source: SPAN });
/** A float box (a quote) the fake composer makes `h` pt tall, labelled `name`. */
export const box = (name: string, h: number, before = 0, after = 0): Block => ({ kind: 'quote', text: spec(`${name}`, h), box: boxStyle(before, after), source: SPAN });
/** A full-width chart box of height h. */
export const fullChart = (name: string, h: number): Block => ({
  kind: 'chart', chart: { id: name, widthPt: 100, heightPt: h, alt: name }, caption: spec(name, h), size: 'full', box: boxStyle(), source: SPAN,
});
/** A table of `rows` rows (each 10 pt), header 10 pt, title 10 pt. */
export const table = (name: string, rows: number): Block => ({
  kind: 'table', title: spec(`${name}`, 1), header: [spec('h', 1)], rows: Array.from({ length: rows }, (_, i) => [spec(`${name}.row${i}`, 1)]),
  rowKinds: Array.from({ length: rows }, () => ({ kind: 'body' as const, indentPt: 0 })), aligns: ['left'], decimalMark: ',', keepWhole: false,
  widths: [1], headerFill: '#eee', ruleColor: '#999', rowPaddingPt: 2, box: boxStyle(0, 0), source: SPAN,
});

const labelBox = (label: string, widthPt: number, heightPt: number): Box => ({
  widthPt, heightPt,
  items: [
    { kind: 'rect', x: 0, y: 0, width: widthPt, height: heightPt, fill: '#eeeeee' },
    { kind: 'glyphs', x: 0, y: 8, text: label, font: 'sans', sizePt: 8, color: '#000', features: [], wordSpacingPt: 0, widthPt: 20 },
  ],
});

const nameOf = (p: ParagraphSpec | undefined) => (p?.runs[0]?.text ?? '').split('|');

/** Fake composers: a box's height is the "|n" of its main paragraph; table parts are 10 pt each. */
export const compose: ComposeFns = {
  composeBlock(block, widthPt) {
    const p = block.kind === 'quote' ? block.text : block.kind === 'chart' ? block.caption : block.kind === 'signature' ? block.name : undefined;
    const [name, h] = nameOf(p);
    return labelBox(name ?? block.kind, widthPt, Number(h ?? 20));
  },
  composeTable(block, widthPt): ComposedTable {
    const title = block.title ? labelBox(block.title.runs.map((r) => r.text).join('').replace(/\|\d+/, ''), widthPt, 10) : undefined;
    return {
      ...(title ? { title } : {}),
      header: labelBox('head', widthPt, 10),
      rows: block.rows.map((r) => labelBox(nameOf(r[0])[0]!, widthPt, 10)),
    };
  },
};

/** Fake font store: every character is half its size wide. */
export const fonts: FontStore = {
  files: {},
  has: () => true,
  face: () => { throw new Error('no faces in tests'); },
  measure: (text, _key, sizePt) => text.length * sizePt * 0.5,
  prefixWidths: (text, _key, sizePt) => Array.from({ length: text.length + 1 }, (_, i) => i * sizePt * 0.5),
};

export const env: FlowEnv = { fonts, breakLines: fakeBreakLines, compose };

/** A section of the given kind and blocks; footnotes as id → line count. */
export function section(id: string, blocks: Block[], opts: { kind?: StyledSection['kind']; columns?: 1 | 2; notes?: Record<string, number>; label?: string; lead?: ParagraphSpec } = {}): StyledSection {
  const kind = opts.kind ?? 'article';
  return {
    id, kind, title: `Title ${id}`, shortTitle: `Short ${id}`, ...(opts.label ? { label: opts.label } : {}),
    opener: { title: spec(`T-${id}`, 1, [], 20), ...(opts.label ? { label: spec(`K-${id}`, 1) } : {}), ...(opts.lead ? { lead: opts.lead } : {}) },
    blocks,
    footnotes: new Map(Object.entries(opts.notes ?? {}).map(([fid, n]) => [fid, spec(`note-${fid}`, n)])),
    columns: opts.columns ?? 2,
    source: SPAN,
  };
}

/** Where a glyph run with this exact text landed: page number, item, and its column (0 left, 1 right). */
export interface Found { readonly page: number; readonly item: Extract<FrameItem, { kind: 'glyphs' }>; readonly index: number }

/** Finds glyph items by text across pages shaped { number, items } (frames or pages). */
export function find(pages: readonly { number: number | null; items: readonly unknown[] }[], text: string): Found {
  for (const p of pages) {
    const items = p.items.map((x) => ((x as { item?: FrameItem }).item ?? x) as FrameItem);
    const index = items.findIndex((it) => it.kind === 'glyphs' && it.text === text);
    if (index >= 0) return { page: p.number ?? 0, item: items[index] as Found['item'], index };
  }
  throw new Error(`glyphs "${text}" not found`);
}
