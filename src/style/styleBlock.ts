import type { PreparedImage } from '../images/types.ts';
import type { BoundBlock, BoundChartSpec } from '../bind/types.ts';
import type { ChartBox } from '../charts/types.ts';
import type { SourceSpan } from '../diag/types.ts';
import { ReportError } from '../diag/errors.ts';
import { printedUrl } from '../util/url.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { assertNever } from '../util/assertNever.ts';
import type { Pt } from '../util/geometry.ts';
import { parseInline, type FootnoteNumberer, type InlineEnv } from './inline.ts';
import type { Typography } from './typography.ts';
import { boxStyle, paragraph, styledPara, textStyle, themeInLanguage } from './paragraphs.ts';
import { styleTable, type MeasureFn } from './styleTable.ts';
import type { Block, StyledRun } from './types.ts';

/** Indent of list items past their marker, in ems of the label style (room for "10."). */
const LIST_INDENT_EM = 1.6;

/** What styling one block needs besides the block itself. */
export interface BlockContext {
  readonly theme: ResolvedTheme;
  readonly charts: ReadonlyMap<string, ChartBox>;
  readonly chartSpecs: readonly BoundChartSpec[];
  readonly images: ReadonlyMap<string, PreparedImage>;
  readonly footnote: FootnoteNumberer;
  /** Width a table may use in this section (one text column), for its column widths. */
  readonly tableWidthPt: Pt;
  readonly measure: MeasureFn;
  /** The build's typography rules (style/typography.ts; none: compiled per paragraph). */
  readonly typography?: Typography;
  /** The report language's decimal mark ("," in Dutch), for decimal-aligned table columns. */
  readonly decimalMark?: string;
  /** Text style of body paragraphs (default `body`); the colophon uses `colophon`: ragged, spaced, no indent. */
  readonly bodyStyle?: string;
}

/**
 * Styles one bound block; `indent` says whether a body paragraph gets the first-line indent. A block in another
 * language is set in that language's typography and carries its tag for the structure element.
 */
export function styleBlock(b: BoundBlock, indent: boolean, c: BlockContext): Block {
  if (!b.lang) return styleOne(b, indent, c);
  return { ...styleOne(b, indent, { ...c, theme: themeInLanguage(c.theme, b.lang) }), lang: b.lang };
}

function styleOne(b: BoundBlock, indent: boolean, c: BlockContext): Block {
  const { theme } = c;
  const footnote = inlineEnv(c);
  switch (b.type) {
    case 'paragraph': {
      const name = c.bodyStyle ?? 'body';
      if (name !== 'body') {
        // a separate style separates paragraphs by its space after, never by an indent
        const para = styledPara(b.text, theme, name, footnote);
        return { kind: 'paragraph', para, spaceBeforePt: 0, spaceAfterPt: textStyle(theme, name).spaceAfter, source: b.text.source };
      }
      const para = styledPara(b.text, theme, 'body', footnote, { indentPt: indent ? theme.paragraph.indent : 0 });
      const indentPt = theme.paragraph.indent > 0 ? { indentPt: theme.paragraph.indent } : {};
      return { kind: 'paragraph', para, spaceBeforePt: 0, spaceAfterPt: theme.paragraph.spaceAfter, ...indentPt, source: b.text.source };
    }
    case 'heading': {
      const st = textStyle(theme, 'heading');
      const para = styledPara(b.text, theme, 'heading', footnote);
      return { kind: 'heading', para, spaceBeforePt: st.spaceBefore, spaceAfterPt: st.spaceAfter, source: b.text.source };
    }
    case 'quote':
      return {
        kind: 'quote',
        text: styledPara(b.text, theme, 'quote', footnote),
        ...(b.by ? { by: styledPara(b.by, theme, 'quoteBy', footnote) } : {}),
        box: boxStyle(theme, 'quote'),
        source: b.text.source,
      };
    case 'facts':
      return {
        kind: 'facts',
        title: styledPara(b.title, theme, 'boxTitle', footnote),
        items: b.items.map((it) => ({
          label: styledPara(it.label, theme, 'boxLabel', footnote),
          value: styledPara(it.value, theme, 'boxValue', footnote, { align: 'right' }),
        })),
        box: boxStyle(theme, 'facts'),
        source: b.title.source,
      };
    case 'keyFigure':
      return {
        kind: 'keyFigure',
        value: styledPara(b.value, theme, 'keyValue', footnote),
        text: styledPara(b.text, theme, 'keyText', footnote),
        box: boxStyle(theme, 'keyFigure'),
        source: b.value.source,
      };
    case 'list':
      return styleList(b, c);
    case 'video':
      return styleVideo(b, c);
    case 'image': {
      const img = c.images.get(b.src);
      if (!img) throw missingAsset('image', b.src, b.source);
      return {
        kind: 'image',
        ...(img.svg !== undefined ? { svg: img.svg } : { png: img.png, widthPx: img.widthPx }),
        aspect: img.aspect,
        alt: b.alt,
        ...(b.caption ? { caption: styledPara(b.caption, theme, 'caption', footnote) } : {}),
        box: boxStyle(theme, 'figure'),
        source: b.source,
      };
    }
    case 'chart': {
      const chart = c.charts.get(b.chartId);
      if (!chart) throw missingAsset('chart', b.chartId, b.source);
      const size = c.chartSpecs.find((s) => s.id === b.chartId)?.size ?? 'column';
      const caption = b.caption ? { caption: styledPara(b.caption, theme, 'caption', footnote) } : {};
      return { kind: 'chart', chart, ...caption, size, box: boxStyle(theme, 'figure'), source: b.source };
    }
    case 'table':
      return styleTable(b, theme, footnote, c.tableWidthPt, c.measure, c.decimalMark);
    case 'signature': {
      const st = textStyle(theme, 'signature');
      return {
        kind: 'signature',
        name: styledPara(b.name, theme, 'signature', footnote),
        ...(b.role ? { role: styledPara(b.role, theme, 'signatureRole', footnote) } : {}),
        // One blank body line above the name, as in a signed letter.
        spaceBeforePt: Math.max(st.spaceBefore, textStyle(theme, 'body').leading),
        source: b.name.source,
      };
    }
    default:
      return assertNever(b, 'block type');
  }
}

function styleList(b: Extract<BoundBlock, { type: 'list' }>, c: BlockContext): Block {
  const label = textStyle(c.theme, 'boxLabel');
  const markerStyle = { ...label, font: label.bold ?? label.font };
  const markers: StyledRun[] = b.items.map((_, i) => parseInline(b.ordered ? `${i + 1}.` : '•', markerStyle, { typography: c.typography })[0]);
  const source = b.title?.source ?? b.items[0]?.source;
  return {
    kind: 'list',
    ...(b.title ? { title: styledPara(b.title, c.theme, 'boxTitle', inlineEnv(c)) } : {}),
    markers,
    items: b.items.map((it) => styledPara(it, c.theme, 'boxLabel', inlineEnv(c))),
    indentPt: Math.round(label.size * LIST_INDENT_EM * 10) / 10,
    box: boxStyle(c.theme, 'list'),
    source: source ?? { file: '', line: 1, column: 1 },
  };
}

/** "Kijk de video: <title>" linking to the URL; the play symbol is drawn by flow/boxes, not typed as ▶. */
function styleVideo(b: Extract<BoundBlock, { type: 'video' }>, c: BlockContext): Block {
  const st = textStyle(c.theme, 'boxLabel');
  const accent = textStyle(c.theme, 'boxTitle').color;
  const lead = `${c.theme.words.video}: `;
  const title = parseInline(b.title.text, st, inlineEnv(c));
  const runs: StyledRun[] = [
    { text: lead, font: st.bold ?? st.font, sizePt: st.size, color: accent, features: title[0]?.features ?? [], link: b.url },
    ...title.map((r) => ({ ...r, link: b.url })),
  ];
  const label = paragraph(runs, st, { source: b.title.source, align: 'left' });
  // The URL as a reader types it off paper, small, under the label; linked on screen like the label.
  const small = textStyle(c.theme, 'footnote');
  const urlRun: StyledRun = { text: printedUrl(b.url), font: small.font, sizePt: small.size, color: small.color, features: small.features, link: b.url };
  const urlPara = paragraph([urlRun], small, { source: b.title.source, align: 'left' });
  return { kind: 'video', label, url: b.url, urlPara, box: boxStyle(c.theme, 'video'), source: b.source };
}

function missingAsset(what: string, id: string, span: SourceSpan): ReportError {
  // Bind checks references first, so this means a stage was skipped; message kept local until diag/messages.ts has it.
  return new ReportError({ severity: 'error', code: 'STYLE001', message: `no rendered ${what} for "${id}"`, span, hints: [] });
}

/** The footnote numbers and typography rules that inline parsing takes from a block's context. */
function inlineEnv(c: BlockContext): InlineEnv {
  return { footnote: c.footnote, typography: c.typography };
}
