/**
 * Loads a template into a ResolvedTheme for one report: validated with positions (over its `extends:` bases),
 * colour names resolved to hex, words in the report's language, page elements and their images read.
 */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import { localeOrDefault, vegaLocale, type Words } from '../locale/index.ts';
import type { BoxSpec, ResolvedTheme, SectionKind, TextStyleSpec } from '../spec/theme.ts';
import { CONTENTS_PARTS, OPENER_PARTS, TemplateFileSchema, type TemplateFile } from '../spec/template.ts';
import { keyNodeAt, nodeAt, spanOf, type NodePath, type ParsedYaml } from './parseYaml.ts';
import { readTemplate, type TemplateSource } from './templateFiles.ts';
import { resolveElements } from './themeElements.ts';
import { templateFontFiles } from './templateFonts.ts';
import { validate } from './validate.ts';
import type { ReportMeta } from './types.ts';
import type { DepLog } from './fileDeps.ts';
import { cachedTheme, type ThemeCache } from './themeCache.ts';
import { resolve } from 'node:path';

/** Styles balanced unless the template says otherwise: display lines a reader takes in at a glance (titles, headings, box titles, captions, pull quotes). */
const BALANCED_STYLES: ReadonlySet<string> = new Set(['title', 'heading', 'boxTitle', 'caption', 'quote']);

type TextFileStyle = TemplateFile['text'][string];

/** OpenType features every style gets; a style's own `features` are added to these. */
const BASE_FEATURES = ['kern', 'liga'] as const;
const ZERO_INSETS = { top: 0, right: 0, bottom: 0, left: 0 } as const;
const DEFAULT_OPENER = { kickerGap: 4, titleGap: 8 } as const;
const DEFAULT_CONTENTS = { numberColumn: 36, entryGap: 1, labelGap: 2, leaders: true } as const;

/** What a report asks of its template. */
export interface ThemeRequest {
  /** A bundled template's name or a folder path relative to the content folder. */
  readonly template: string;
  /** The report's BCP 47 language (default nl-NL). */
  readonly language?: string;
  /** The content folder (templates given as paths are read from it, never from outside it). */
  readonly contentDir?: string;
  /** report.yaml's `words`: single words replaced for this report. */
  readonly words?: Readonly<Record<string, string>>;
  /** ISO 4217 currency of the report's amounts (charts' "$" format). */
  readonly currency?: string;
  /** The tool's fonts/ folder: a content-folder template may name its files by bare name. */
  readonly fontsDir?: string;
  /** Where report.yaml names the template and its words, for diagnostics. */
  readonly span?: SourceSpan;
  readonly wordSpan?: (word: string) => SourceSpan | undefined;
}

/** The template request of a loaded report: its template, language, words and currency, with their positions. */
export function themeRequestFor(meta: ReportMeta, contentDir: string): ThemeRequest {
  return {
    template: meta.template,
    language: meta.language,
    contentDir,
    currency: meta.currency,
    span: meta.templateSpan,
    ...(meta.words && { words: meta.words, wordSpan: (w: string) => meta.wordSpans?.[w] }),
  };
}

/** Reads, validates and resolves a template; throws ReportError listing every problem. */
export async function loadTheme(templatesDir: string, request: ThemeRequest | string, cache?: ThemeCache): Promise<ResolvedTheme> {
  const req: ThemeRequest = typeof request === 'string' ? { template: request } : request;
  if (!cache) return makeTheme(templatesDir, req);
  // wordSpan is only called for a problem, and a template with problems is not cached
  const { template, language, contentDir, words, currency, fontsDir, span } = req;
  const key = JSON.stringify([resolve(templatesDir), contentDir && resolve(contentDir), process.cwd(), template, language, words, currency, fontsDir && resolve(fontsDir), span]);
  return cachedTheme(key, cache, (log) => makeTheme(templatesDir, req, log));
}

async function makeTheme(templatesDir: string, req: ThemeRequest, log?: DepLog): Promise<ResolvedTheme> {
  const src = await readTemplate(req.template, { templatesDir, contentDir: req.contentDir, span: req.span, log });
  const { data, errors: schemaErrors } = validate(TemplateFileSchema, src.raw, src.parsed);
  if (!data) throw new ReportError(schemaErrors);
  const problems: Diagnostic[] = [];
  const theme = await resolveTheme(data, src, req, problems, log);
  if (problems.length) throw new ReportError(problems);
  return theme;
}

/** The words for `language`: built-in, then the template's (primary language, then the exact tag), then the report's. */
function resolveWords(t: TemplateFile, p: ParsedYaml, req: ThemeRequest, language: string, problems: Diagnostic[]): Words {
  const builtIn = localeOrDefault(language).words;
  const known = Object.keys(builtIn);
  const out: Record<string, string> = { ...builtIn };
  const lower = language.toLowerCase();
  const langs = Object.keys(t.words ?? {}).filter((k) => k.toLowerCase() === lower.split('-')[0] || k.toLowerCase() === lower);
  langs.sort((a, b) => a.length - b.length);
  for (const lang of Object.keys(t.words ?? {})) {
    for (const [k, v] of Object.entries(t.words![lang]!)) {
      if (!known.includes(k)) problems.push(messages.unknownWord(k, known, spanOf(p, keyNodeAt(p, ['words', lang, k]))));
      else if (langs.includes(lang)) out[k] = v;
    }
  }
  for (const lang of langs.slice(1)) Object.assign(out, pick(t.words![lang]!, known));
  for (const [k, v] of Object.entries(req.words ?? {})) {
    if (!known.includes(k)) problems.push(messages.unknownWord(k, known, req.wordSpan?.(k)));
    else out[k] = v;
  }
  return out as unknown as Words;
}

const pick = (o: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));

/** Builds the ResolvedTheme, pushing unknown colour names and font keys to `problems`. */
async function resolveTheme(t: TemplateFile, src: TemplateSource, req: ThemeRequest, problems: Diagnostic[], log?: DepLog): Promise<ResolvedTheme> {
  const p = src.parsed;
  const language = req.language ?? 'nl-NL';
  const colorNames = Object.keys(t.colors);
  // Every colour use, first position per hex: the print variant needs a CMYK value for each (see cmykTable).
  const uses = new Map<string, { what: string; path: NodePath }>();
  for (const [k, v] of Object.entries(t.colors)) uses.set(v.toLowerCase(), { what: `"${k}"`, path: ['colors', k] });
  const color = (value: string, path: NodePath): string => {
    if (/^#[0-9a-fA-F]{6}$/.test(value)) {
      if (!uses.has(value.toLowerCase())) uses.set(value.toLowerCase(), { what: `"${value}"`, path });
      return value.toLowerCase();
    }
    const hex = t.colors[value];
    if (hex === undefined) problems.push(messages.unknownColor(value, colorNames, spanOf(p, nodeAt(p, path))));
    return (hex ?? '#000000').toLowerCase();
  };
  const fontKeys = Object.keys(t.fonts);
  const font = (key: string | undefined, path: NodePath): string | undefined => {
    if (key !== undefined && !(key in t.fonts)) problems.push(messages.unknownFontKey(key, fontKeys, spanOf(p, nodeAt(p, path))));
    return key;
  };
  const style = (s: TextFileStyle, at: (f: string) => NodePath, name: string): TextStyleSpec => ({
    font: font(s.font, at('font'))!,
    italic: font(s.italic, at('italic')),
    bold: font(s.bold, at('bold')),
    size: s.size,
    leading: s.leading,
    align: s.align,
    hyphenate: s.hyphenate,
    color: color(s.color, at('color')),
    features: [...new Set([...BASE_FEATURES, ...(s.features ?? [])])],
    tracking: s.tracking ?? 0,
    uppercase: s.uppercase ?? false,
    balance: s.balance ?? BALANCED_STYLES.has(name),
    spaceBefore: s.spaceBefore ?? 0,
    spaceAfter: s.spaceAfter ?? 0,
    lang: language,
  });
  const text: Record<string, TextStyleSpec> = {};
  for (const [k, s] of Object.entries(t.text)) text[k] = style(s, (f) => ['text', k, f], k);
  // A section kind's changes apply over the shared style of the same name, which must exist.
  const sectionText: Partial<Record<SectionKind, Record<string, TextStyleSpec>>> = {};
  for (const [kind, styles] of Object.entries(t.sectionText ?? {}) as [SectionKind, Record<string, Partial<TextFileStyle>>][]) {
    const out: Record<string, TextStyleSpec> = {};
    for (const [k, s] of Object.entries(styles)) {
      const base = t.text[k];
      if (!base) problems.push(messages.unknownTextStyle(k, Object.keys(t.text), spanOf(p, keyNodeAt(p, ['sectionText', kind, k]))));
      else out[k] = style({ ...base, ...s }, (f) => (f in s ? ['sectionText', kind, k, f] : ['text', k, f]), k);
    }
    sectionText[kind] = out;
  }
  const boxes: Record<string, BoxSpec> = {};
  for (const [k, b] of Object.entries(t.boxes)) {
    const opt = (v: string | undefined, f: string) => (v === undefined ? undefined : color(v, ['boxes', k, f]));
    boxes[k] = {
      fill: opt(b.fill, 'fill'),
      stroke: opt(b.stroke, 'stroke'),
      strokeWidth: b.strokeWidth,
      barColor: opt(b.barColor, 'barColor'),
      barWidth: b.barWidth,
      padding: b.padding ?? ZERO_INSETS,
      spaceBefore: b.spaceBefore ?? 0,
      spaceAfter: b.spaceAfter ?? 0,
    };
  }
  for (const [k, f] of Object.entries(t.chart.fontKeys)) font(f, ['chart', 'fontKeys', k]);
  for (const [k, list] of Object.entries(t.fallback ?? {})) {
    if (k !== 'default') font(k, ['fallback', k]);
    list.forEach((f, i) => font(f, ['fallback', k, i]));
  }
  const colors = Object.fromEntries(Object.entries(t.colors).map(([k, v]) => [k, v.toLowerCase()]));
  const words = resolveWords(t, p, req, language, problems);
  const ec = { color, styles: Object.keys(t.text), parsed: p, problems, log };
  const cover = await resolveElements(t.cover, 'cover', src.originOf('cover'), ec);
  const furniture = await resolveElements(t.furniture, 'furniture', src.originOf('furniture'), ec);
  const rule = t.opener?.rule;
  const chart = {
    ...t.chart,
    labelColor: color(t.chart.labelColor, ['chart', 'labelColor']),
    gridColor: color(t.chart.gridColor, ['chart', 'gridColor']),
    domainColor: color(t.chart.domainColor, ['chart', 'domainColor']),
    palette: t.chart.palette.map((c, i) => color(c, ['chart', 'palette', i])),
  };
  const table = { headerFill: color(t.table.headerFill, ['table', 'headerFill']), rule: color(t.table.rule, ['table', 'rule']), rowPadding: t.table.rowPadding };
  const { cmyk, cmykProblems } = cmykTable(t, p, uses, problems);
  const fontFiles = await templateFontFiles(t.fonts, src, req.fontsDir, problems, log);
  return {
    name: t.name,
    language,
    page: t.page,
    fonts: t.fonts,
    ...(Object.keys(fontFiles).length > 0 && { fontFiles }),
    fontSpans: Object.fromEntries(Object.keys(t.fonts).flatMap((k) => {
      const node = nodeAt(p, ['fonts', k]);
      const span = node ? spanOf(p, node) : req.span;
      return span ? [[k, span]] : [];
    })),
    ...(t.fallback && { fallback: t.fallback }),
    colors,
    text,
    sectionText,
    boxes,
    table: { headerFill: color(t.table.headerFill, ['table', 'headerFill']), rule: color(t.table.rule, ['table', 'rule']), rowPadding: t.table.rowPadding, ...(t.table.indent !== undefined ? { indent: t.table.indent } : {}), ...(t.table.keepWhole !== undefined ? { keepWhole: t.table.keepWhole } : {}), ...(t.table.minSize !== undefined ? { minSize: t.table.minSize } : {}) },
    paragraph: t.paragraph,
    ...(t.outline ? { outlineDepth: t.outline.depth } : {}),
    words,
    cover,
    furniture,
    opener: {
      order: t.opener?.order ?? OPENER_PARTS,
      kickerGap: t.opener?.kickerGap ?? DEFAULT_OPENER.kickerGap,
      titleGap: t.opener?.titleGap ?? DEFAULT_OPENER.titleGap,
      ...(rule && { rule: { ...rule, color: color(rule.color, ['opener', 'rule', 'color']) } }),
    },
    contents: { ...(t.contents ?? DEFAULT_CONTENTS), entry: t.contents?.entry ?? CONTENTS_PARTS },
    chart: { ...chart, locale: vegaLocale(language, req.currency), language, words },
    cmyk,
    cmykProblems,
  };
}

/**
 * The print variant's CMYK table by hex, from `cmyk` (keys: colour names or hex colours; an unknown key is an
 * error in every variant), and a PRINT001 problem at the first use of each colour that has no value.
 */
function cmykTable(t: TemplateFile, p: ParsedYaml, uses: ReadonlyMap<string, { what: string; path: NodePath }>, problems: Diagnostic[]) {
  const cmyk = new Map<string, readonly [number, number, number, number]>();
  for (const [key, value] of Object.entries(t.cmyk ?? {})) {
    const hex = /^#[0-9a-fA-F]{6}$/.test(key) ? key.toLowerCase() : t.colors[key]?.toLowerCase();
    if (hex === undefined) problems.push(messages.unknownCmykKey(key, Object.keys(t.colors), spanOf(p, keyNodeAt(p, ['cmyk', key]))));
    else cmyk.set(hex, value);
  }
  const cmykProblems: Diagnostic[] = [];
  for (const [hex, use] of uses) {
    if (!cmyk.has(hex)) cmykProblems.push(messages.missingCmyk(use.what, hex, spanOf(p, nodeAt(p, use.path))));
  }
  return { cmyk, cmykProblems };
}
