import type { PreparedImage } from '../images/types.ts';
import type { BoundReport, BoundSection, BoundText } from '../bind/types.ts';
import type { ChartBox } from '../charts/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import { sectionTheme, type ResolvedTheme } from '../spec/theme.ts';
import type { Pt } from '../util/geometry.ts';
import { parseInline, styleFeatures, type FootnoteNumberer } from './inline.ts';
import { themeTypography, type Typography } from './typography.ts';
import { paragraph, styledPara, textStyle, themeInLanguage } from './paragraphs.ts';
import { styleBlock, type BlockContext } from './styleBlock.ts';
import { estimateMeasure } from './styleTable.ts';
import { fillRefs, numberBlocks, type Numbering, type RefState } from './pageRefs.ts';
import type { Block, ParagraphSpec, StyledSection } from './types.ts';
import { contentJson, numberingBySection, sectionStyleKey, styleScope, type StyleCache } from './styleCache.ts';
import { blockStyler, type BlockStyler } from './blockCache.ts';
import { derived, keyOf, type OutputMemo } from '../util/contentKeys.ts';

/**
 * Styles every section of the report with the theme: opener, body blocks and footnotes.
 * Footnotes are numbered through the whole report in order of first reference; `fonts` (optional) makes
 * table column widths exact, otherwise they are estimated from character counts.
 */
export function resolveStyles(
  report: BoundReport,
  theme: ResolvedTheme,
  charts: ReadonlyMap<string, ChartBox>,
  images: ReadonlyMap<string, PreparedImage>,
  fonts?: Pick<FontStore, 'measure' | 'hashes'>,
  refs: RefState = { pages: new Map() },
  /** Styled sections of earlier builds (build context `styles`, see styleCache.ts); none: every section is styled. */
  cache?: StyleCache,
  /** Where each styled section's key is noted (for flow's section key) and scans of sections kept (util/contentKeys.ts). */
  memo?: OutputMemo,
  /** The build's typography rules (style/typography.ts themeTypography); none: compiled for this call. */
  typography: Typography = themeTypography(theme),
): StyledSection[] {
  const keys = memo?.keys;
  // figure and table numbers, then page references filled in with the pages of the previous layout pass
  const numbering = numberBlocks(report, theme, report.meta.numbering ?? [], memo?.values);
  report = fillRefs(report, theme, numbering, refs, memo);
  // numbers a marker the report-wide scan did not reach would get (none expected): after all the scanned ones
  let next = numbering.notes.size + 1;
  // the template's chart locale has it when it is in the report's language (no Intl object; the template is cached)
  let decimalMark: string | undefined;
  const scope = cache && styleScope(theme, fonts?.hashes, report.meta.language, keys);
  const assets = { charts, chartSizes: new Map(report.charts.map((c) => [c.id, c.size])), images };
  const grouped = scope ? numberingBySection(numbering, report.sections.map((s) => s.id)) : undefined;
  return report.sections.map((section) => {
    const columns = theme.page.sectionColumns?.[section.kind] ?? theme.page.columns;
    const key = scope && sectionStyleKey(scope, section, columns, assets, grouped!, next, keys?.get(section));
    const hit = key ? cache!.get(key) : undefined;
    if (hit) {
      next = hit.next;
      keys?.set(hit.section, key!);
      return hit.section;
    }
    // Per section: ids are local to the section's footnotes map, numbers continue through the report, in the
    // order of first reference (pageRefs.footnoteNumbers, which {ref:^id} prints too).
    const numbers = new Map<string, number>();
    const footnote: FootnoteNumberer = (id) => {
      if (!section.footnotes.has(id)) return undefined;
      if (!numbers.has(id)) numbers.set(id, numbering.notes.get(`${section.id}^${id}`) ?? next++);
      return numbers.get(id);
    };
    // a section in another language is set in that language's typography throughout (blocks may name their own)
    const own = sectionTheme(theme, section.kind);
    const ctx: BlockContext = {
      theme: section.lang ? themeInLanguage(own, section.lang) : own,
      charts,
      chartSpecs: report.charts,
      images,
      footnote,
      tableWidthPt: columnWidthPt(theme, columns),
      measure: fonts ? (t, f, s, feat) => fonts.measure(t, f, s, feat) : estimateMeasure,
      decimalMark: (decimalMark ??= theme.chart.language === report.meta.language ? theme.chart.locale.number.decimal : decimalMarkOf(report.meta.language)),
      typography,
      ...(section.kind === 'colophon' && theme.text.colophon ? { bodyStyle: 'colophon' } : {}),
    };
    // blocks kept by their own content within what the section shares (blockCache.ts)
    const blockScope = key ? keyOf(scope, section.kind, section.lang ?? '', String(columns)) : undefined;
    // a title's plain text depends on the template (its typography) and language only: kept with the template's theme
    const plainOf = (text: string, lang: string) => derived(memo?.values, theme, `plain\u0000${lang}\u0000${text}`, () => plain(text, lang, typography));
    const styled = styleSection(section, columns, ctx, numbers, numbering, blockStyler(cache?.blocks, blockScope, keys), plainOf);
    if (key) {
      cache!.set(key, { section: styled, next });
      keys?.set(styled, key);
    }
    return styled;
  });
}

function styleSection(section: BoundSection, columns: 1 | 2, ctx: BlockContext, numbers: Map<string, number>, numbering: Numbering, styler: BlockStyler, plainOf: (text: string, lang: string) => string): StyledSection {
  const { theme } = ctx;
  const footnote = { footnote: ctx.footnote, typography: ctx.typography };
  const opener = {
    ...(section.label ? { label: styledPara(section.label, theme, 'kicker', footnote, { source: section.source }) } : {}),
    title: styledPara(section.title, theme, 'title', footnote, { source: section.source }),
    ...(section.lead ? { lead: styledPara(section.lead, theme, 'lead', footnote) } : {}),
  };
  const blocks: Block[] = [];
  let prev: Block['kind'] | undefined;
  for (const [i, b] of section.blocks.entries()) {
    // Indent only a paragraph that follows a paragraph: not after the opener, a heading or any box.
    // An editor's id names the block's anchor (headings without one get theirs from flow, for the outline).
    const anchor = ('id' in b && b.id) || undefined;
    const indent = prev === 'paragraph';
    const label = numbering.byBlock.get(`${section.id}/${i}`);
    // what styling reads besides the block and the section's scope: its chart (box, size) or image
    const asset = b.type === 'chart' ? [ctx.charts.get(b.chartId) ?? null, ctx.chartSpecs.find((s) => s.id === b.chartId)?.size ?? null] : b.type === 'image' ? ctx.images.get(b.src) ?? null : null;
    const content = contentJson([indent, label ?? null, anchor ?? null, asset]);
    const block = styler(b, content, ctx.footnote, (footnote) => numberAndAnchor(styleBlock(b, indent, { ...ctx, footnote }), label, anchor, ctx));
    blocks.push(block);
    prev = block.kind;
  }
  const footnotes = new Map<string, ParagraphSpec>();
  for (const [id, n] of [...numbers].sort((a, b) => a[1] - b[1])) {
    footnotes.set(id, footnotePara(n, section.footnotes.get(id) as BoundText, ctx));
  }
  return {
    id: section.id,
    kind: section.kind,
    title: plainOf(section.title, theme.language),
    shortTitle: plainOf(section.shortTitle, theme.language),
    ...(section.label ? { label: section.label } : {}),
    opener,
    blocks,
    footnotes,
    columns,
    ...(section.lang && { lang: section.lang }),
    source: section.source,
  };
}

/**
 * A numbered chart, image or table gets its label in front of its caption or title in the bold face
 * ("Figuur 3 Aanvragen …", an en space between); every target gets its anchor.
 */
function numberAndAnchor(block: Block, label: string | undefined, anchor: string | undefined, ctx: BlockContext): Block {
  const withAnchor = anchor && (block.kind === 'heading' || block.kind === 'chart' || block.kind === 'image' || block.kind === 'table') ? { ...block, anchor } : block;
  if (!label) return withAnchor;
  const lead = (para: ParagraphSpec | undefined, styleName: string): ParagraphSpec => {
    const st = textStyle(ctx.theme, styleName);
    const run = { text: `${label}${para ? '\u2002' : ''}`, font: st.bold ?? st.font, sizePt: st.size, color: st.color, features: styleFeatures(st) };
    return para ? { ...para, runs: [run, ...para.runs] } : paragraph([run], st);
  };
  if (withAnchor.kind === 'chart' || withAnchor.kind === 'image') return { ...withAnchor, caption: lead(withAnchor.caption, 'caption') };
  if (withAnchor.kind === 'table') return { ...withAnchor, title: lead(withAnchor.title, 'boxTitle') };
  return withAnchor;
}

/** "1 Footnote text": the number in the footnote style's regular face, then the text. */
function footnotePara(n: number, text: BoundText, ctx: BlockContext): ParagraphSpec {
  const st = textStyle(ctx.theme, 'footnote');
  const marker = { text: `${n} `, font: st.font, sizePt: st.size, color: st.color, features: styleFeatures(st) };
  return paragraph([marker, ...parseInline(text.text, st, { typography: ctx.typography })], st, { source: text.source });
}

/** Title text for TOC and running heads: typography applied, markup removed. */
function plain(text: string, lang: string, typography?: Typography): string {
  return parseInline(text, { ...PLAIN_STYLE, lang }, { typography }).map((r) => r.text).join('');
}

const PLAIN_STYLE = {
  font: 'plain', size: 10, leading: 12, align: 'left', hyphenate: false, color: '#000000',
  features: [], tracking: 0, uppercase: false, spaceBefore: 0, spaceAfter: 0,
} as const;

/** Width of one text column of the body, for table column widths. */
export function columnWidthPt(theme: ResolvedTheme, columns: 1 | 2): Pt {
  const { width, margin, gutter } = theme.page;
  const measure = width - margin.inner - margin.outer;
  return columns === 2 ? (measure - gutter) / 2 : measure;
}

/** The decimal mark of a BCP 47 language ("," for nl-NL, "." for en-GB), from the platform's CLDR data. */
export function decimalMarkOf(language: string): string {
  try {
    return new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
  } catch {
    return ',';
  }
}
