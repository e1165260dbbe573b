/**
 * The files of a new report folder (`reportpress init`): report.yaml, one section, figures.yaml and one chart,
 * each explaining itself in comments and naming its JSON Schema (written to schemas/ beside them) on a
 * yaml-language-server line, so an editor completes and checks keys from the first keystroke. Its words, figure
 * names and template come from the language's locale data (src/locale/<language>.ts, `scaffold`); it builds at
 * once with that bundled template.
 */
import type { ScaffoldWords } from '../locale/types.ts';
import { schemaLine, type SchemaKind } from '../schema/jsonSchemas.ts';

/** Relative path → file text. */
export type Scaffold = Readonly<Record<string, string>>;

const head = (kind: SchemaKind, schemaDir: string, comment: string) => `${schemaLine(kind, schemaDir)}\n${comment.trim()}\n`;
/** A YAML scalar for any text: JSON strings are YAML double-quoted strings (":" or "#" in a word stays text). */
const q = (s: string) => JSON.stringify(s);

/**
 * The files for a report titled `title`, dated `date` (yyyy-mm-dd), in language `tag` with words `w`.
 * The figures (1,100 last year, 1,250 this year) and their change are the same in every language.
 */
export function scaffoldFiles(title: string, date: string, tag: string, w: ScaffoldWords): Scaffold {
  const year = date.slice(0, 4);
  const { ids } = w;
  const ref = (id: string) => `{${ids.group}.${id}}`;
  const paragraph = w.paragraph
    .replace('{year}', year)
    .replace('{thisYear}', ref(ids.thisYear))
    .replace('{lastYear}', ref(ids.lastYear))
    .replace('{change}', ref(ids.change))
    .replace('{note}', `[^${ids.note}]`);
  const section = `sections/${ids.section}.yaml`;
  const chart = `charts/${ids.chart}.vl.yaml`;
  return {
    'report.yaml': `${head('report', 'schemas', `
# The report: its metadata, the template that gives it its look, and the section files in reading order.
# Build it with:   npx reportpress build .        (writes out/<folder name>.pdf)
# Watch it with:   npx reportpress preview .      (a local page that shows the pages as you save)
`)}title: ${q(title)}
subtitle: ${q(w.subtitle)}
organisation: ${q(w.organisation)}
author: ${q(w.organisation)}
subject: ${q(w.subject)}
keywords: [${q(w.keyword)}]
# BCP 47: numbers, dates, hyphenation, quotation marks and the template's words follow it.
language: ${tag}
date: ${date}
# A bundled template (or a folder here): page size, fonts, colours and every paragraph style live there, never here.
template: ${w.template}
figures: figures.yaml
sections:
  - ${section}
`,
    [section]: `${head('section', '../schemas', `
# One section. kind picks the page master (foreword, article, appendix, colophon); blocks are the content in
# reading order, each a map with one key: its type (p, heading, quote, facts, key-figure, list, table, chart …).
# {name} inserts a figure from figures.yaml, formatted for the report's language; [^id] places a footnote.
`)}kind: article
label: ${q(w.label)}
title: ${q(w.title)}
short: ${q(w.short)}
lead: ${q(w.lead)}
blocks:
  - heading: ${q(w.heading)}
  - p: ${q(paragraph)}
  - facts:
      title: ${q(w.factsTitle)}
      items:
        - { label: ${q(w.thisYear)}, value: "${ref(ids.thisYear)}" }
        - { label: ${q(w.lastYear)}, value: "${ref(ids.lastYear)}" }
  - chart: { spec: ${chart}, caption: ${q(w.chartCaption)} }
footnotes:
  ${ids.note}: ${q(w.footnote)}
`,
    'figures.yaml': `${head('figures', 'schemas', `
# Every number of the report, once. Prose, fact boxes, tables and charts refer to these by name, so a changed
# figure changes everywhere. figures: named values (and derived ones: sum, difference, ratio, change);
# datasets: tables for charts; checks: statements that must hold, or the build stops.
`)}figures:
  ${ids.group}:
    ${ids.thisYear}: { value: 1250, label: ${q(w.figures.thisYear)}, unit: ${q(w.figures.unit)} }
    ${ids.lastYear}: { value: 1100, label: ${q(w.figures.lastYear)}, unit: ${q(w.figures.unit)} }
    ${ids.change}:
      change: [${ids.group}.${ids.lastYear}, ${ids.group}.${ids.thisYear}]
      label: ${q(w.figures.change)}
      format: percent
datasets:
  ${ids.dataset}:
    rows:
      - [${Number(year) - 1}, 1100]
      - [${year}, 1250]
    columns: [${ids.year}, ${ids.count}]
checks:
  - expect: ${ids.group}.${ids.thisYear} > 0
    message: ${q(w.check)}
`,
    [chart]: `${head('chart', '../schemas', `
# A Vega-Lite chart. Its data comes only from a dataset of figures.yaml, by name (never a file or URL);
# fonts, colours and sizes come from the template.
`)}data: { name: ${ids.dataset} }
height: 120
mark: { type: bar }
encoding:
  x: { field: ${ids.year}, type: ordinal, axis: { title: ${q(w.axes.year)}, labelAngle: 0 } }
  y: { field: ${ids.count}, type: quantitative, axis: { title: ${q(w.axes.count)}, tickCount: 4 } }
`,
  };
}
