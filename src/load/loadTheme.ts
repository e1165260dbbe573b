/** Loads templates/<name>/template.yaml into a ResolvedTheme: validated with positions, colour names resolved to hex. */
import type { Diagnostic } from '../diag/types.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import type { BoxSpec, ResolvedTheme, SectionKind, TextStyleSpec } from '../spec/theme.ts';
import { TemplateFileSchema, type TemplateFile } from '../spec/template.ts';

type TextFileStyle = TemplateFile['text'][string];
import { keyNodeAt, nodeAt, parseYaml, spanOf, type NodePath, type ParsedYaml } from './parseYaml.ts';
import { displayPath, readTextInside } from './readSources.ts';
import { validate } from './validate.ts';

/** OpenType features every style gets; a style's own `features` are added to these. */
const BASE_FEATURES = ['kern', 'liga'] as const;
const ZERO_INSETS = { top: 0, right: 0, bottom: 0, left: 0 } as const;

/** Reads, validates and resolves a template; throws ReportError listing every problem. */
export async function loadTheme(templatesDir: string, name: string): Promise<ResolvedTheme> {
  if (!/^[\w-]+$/.test(name)) throw new ReportError(messages.badTemplateName(name));
  const read = await readTextInside(templatesDir, `${name}/template.yaml`);
  if (read.text === undefined) throw new ReportError(read.error ?? messages.fileNotFound(displayPath(read.abs)));
  const { parsed, errors } = parseYaml(displayPath(read.abs), read.text);
  if (errors.length) throw new ReportError(errors);
  const { data, errors: schemaErrors } = validate(TemplateFileSchema, parsed.doc.toJS(), parsed);
  if (!data) throw new ReportError(schemaErrors);
  const problems: Diagnostic[] = [];
  const theme = resolveTheme(data, parsed, problems);
  if (problems.length) throw new ReportError(problems);
  return theme;
}

/** Builds the ResolvedTheme, pushing unknown colour names and font keys to `problems`. */
function resolveTheme(t: TemplateFile, p: ParsedYaml, problems: Diagnostic[]): ResolvedTheme {
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
  const style = (s: TextFileStyle, at: (f: string) => NodePath): TextStyleSpec => ({
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
    spaceBefore: s.spaceBefore ?? 0,
    spaceAfter: s.spaceAfter ?? 0,
  });
  const text: Record<string, TextStyleSpec> = {};
  for (const [k, s] of Object.entries(t.text)) text[k] = style(s, (f) => ['text', k, f]);
  // A section kind's changes apply over the shared style of the same name, which must exist.
  const sectionText: Partial<Record<SectionKind, Record<string, TextStyleSpec>>> = {};
  for (const [kind, styles] of Object.entries(t.sectionText ?? {}) as [SectionKind, Record<string, Partial<TextFileStyle>>][]) {
    const out: Record<string, TextStyleSpec> = {};
    for (const [k, s] of Object.entries(styles)) {
      const base = t.text[k];
      if (!base) problems.push(messages.unknownTextStyle(k, Object.keys(t.text), spanOf(p, keyNodeAt(p, ['sectionText', kind, k]))));
      else out[k] = style({ ...base, ...s }, (f) => (f in s ? ['sectionText', kind, k, f] : ['text', k, f]));
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
  const chart = {
    ...t.chart,
    labelColor: color(t.chart.labelColor, ['chart', 'labelColor']),
    gridColor: color(t.chart.gridColor, ['chart', 'gridColor']),
    domainColor: color(t.chart.domainColor, ['chart', 'domainColor']),
    palette: t.chart.palette.map((c, i) => color(c, ['chart', 'palette', i])),
  };
  const table = { headerFill: color(t.table.headerFill, ['table', 'headerFill']), rule: color(t.table.rule, ['table', 'rule']), rowPadding: t.table.rowPadding };
  const { cmyk, cmykProblems } = cmykTable(t, p, uses, problems);
  return {
    name: t.name,
    page: t.page,
    fonts: t.fonts,
    ...(t.fallback && { fallback: t.fallback }),
    colors,
    text,
    sectionText,
    boxes,
    table: { headerFill: color(t.table.headerFill, ['table', 'headerFill']), rule: color(t.table.rule, ['table', 'rule']), rowPadding: t.table.rowPadding, ...(t.table.indent !== undefined ? { indent: t.table.indent } : {}), ...(t.table.keepWhole !== undefined ? { keepWhole: t.table.keepWhole } : {}) },
    paragraph: t.paragraph,
    strings: t.strings,
    ...(t.outline ? { outlineDepth: t.outline.depth } : {}),
    runningHead: t.runningHead,
    chart,
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
