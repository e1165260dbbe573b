/** Test fixture: the rijksoverheid template resolved to a ResolvedTheme without depending on loadTheme. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BoxSpec, ResolvedTheme, TextStyleSpec } from '../../src/spec/theme.ts';
import { nl } from '../../src/locale/nl.ts';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

const TEMPLATE = fileURLToPath(new URL('../../templates/rijksoverheid/template.yaml', import.meta.url));

/** Repo-relative fonts folder, for createFontStore in tests. */
export const FONTS_DIR = fileURLToPath(new URL('../../fonts', import.meta.url));

/** Loads templates/rijksoverheid/template.yaml, resolving colour names and filling style defaults. */
export function loadTestTheme(): ResolvedTheme {
  const raw = parse(readFileSync(TEMPLATE, 'utf8'));
  const colors: Record<string, string> = raw.colors;
  const color = (c: string | undefined): string | undefined => (c === undefined ? undefined : (colors[c] ?? c));
  const text: Record<string, TextStyleSpec> = {};
  for (const [k, v] of Object.entries<any>(raw.text)) {
    text[k] = {
      font: v.font, italic: v.italic, bold: v.bold, size: v.size, leading: v.leading, align: v.align ?? 'left',
      hyphenate: v.hyphenate ?? false, color: color(v.color) ?? '#000000', features: v.features ?? [],
      tracking: v.tracking ?? 0, uppercase: v.uppercase ?? false, spaceBefore: v.spaceBefore ?? 0, spaceAfter: v.spaceAfter ?? 0,
      lang: 'nl-NL',
    };
  }
  const boxes: Record<string, BoxSpec> = {};
  for (const [k, v] of Object.entries<any>(raw.boxes)) {
    boxes[k] = { ...v, fill: color(v.fill), stroke: color(v.stroke), barColor: color(v.barColor) };
  }
  return {
    name: raw.name, page: raw.page, fonts: raw.fonts, colors, text, boxes,
    table: { headerFill: color(raw.table.headerFill)!, rule: color(raw.table.rule)!, rowPadding: raw.table.rowPadding },
    paragraph: raw.paragraph,
    language: 'nl-NL',
    words: { ...nl.words, ...raw.words.nl },
    cover: raw.cover.map(element),
    furniture: raw.furniture.map(element),
    opener: { ...raw.opener, rule: { ...raw.opener.rule, color: color(raw.opener.rule.color) } },
    contents: raw.contents,
    chart: { ...raw.chart, locale: vegaLocale('nl-NL'), language: 'nl-NL', words: { ...nl.words, ...raw.words.nl } },
  };
  function element(e: any) {
    return { ...e, ...(e.fill && { fill: color(e.fill) }), ...(e.color && { color: color(e.color) }) };
  }
}
