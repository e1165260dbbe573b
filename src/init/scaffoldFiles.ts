/**
 * The files of a new report folder (`reportpress init`): report.yaml, one section, figures.yaml and one chart,
 * each explaining itself in comments and naming its JSON Schema (written to schemas/ beside them) on a
 * yaml-language-server line, so an editor completes and checks keys from the first keystroke. It builds at once
 * with the bundled rijksoverheid template (Dutch, like the bundled report).
 */
import { schemaLine, type SchemaKind } from '../schema/jsonSchemas.ts';

/** Relative path → file text. */
export type Scaffold = Readonly<Record<string, string>>;

const head = (kind: SchemaKind, schemaDir: string, comment: string) => `${schemaLine(kind, schemaDir)}\n${comment.trim()}\n`;

/** The files for a report titled `title`, dated `date` (yyyy-mm-dd). */
export function scaffoldFiles(title: string, date: string): Scaffold {
  const quoted = JSON.stringify(title);
  return {
    'report.yaml': `${head('report', 'schemas', `
# The report: its metadata, the template that gives it its look, and the section files in reading order.
# Build it with:   npx reportpress build .        (writes out/<folder name>.pdf)
# Watch it with:   npx reportpress preview .      (a local page that shows the pages as you save)
`)}title: ${quoted}
subtitle: Een eerste opzet
organisation: Mijn organisatie
author: Mijn organisatie
subject: Jaarverslag
keywords: [jaarverslag]
# Numbers and dates are written for this language (13.670 · 30 april 2021).
language: nl-NL
date: ${date}
# A folder under the templates: page size, fonts, colours and every paragraph style live there, never here.
template: rijksoverheid
figures: figures.yaml
sections:
  - sections/01-inleiding.yaml
`,
    'sections/01-inleiding.yaml': `${head('section', '../schemas', `
# One section. kind picks the page master (foreword, article, appendix, colophon); blocks are the content in
# reading order, each a map with one key: its type (p, heading, quote, facts, key-figure, list, table, chart …).
# {name} inserts a figure from figures.yaml, formatted for the report's language; [^id] places a footnote.
`)}kind: article
label: Eerste artikel
title: Een eerste artikel
short: Inleiding
lead: >-
  Een korte inleiding onder de titel. Vervang deze tekst door die van uw verslag.
blocks:
  - heading: Aanvragen
  - p: >-
      In ${date.slice(0, 4)} kwamen er {aanvragen.dit-jaar} aanvragen binnen, tegenover {aanvragen.vorig-jaar} een
      jaar eerder: een verandering van {aanvragen.verandering}[^bron].
  - facts:
      title: Cijfers in het kort
      items:
        - { label: Aanvragen, value: "{aanvragen.dit-jaar}" }
        - { label: Vorig jaar, value: "{aanvragen.vorig-jaar}" }
  - chart: { spec: charts/aanvragen.vl.yaml, caption: Aanvragen per jaar }
footnotes:
  bron: Bron van deze cijfers is de eigen registratie.
`,
    'figures.yaml': `${head('figures', 'schemas', `
# Every number of the report, once. Prose, fact boxes, tables and charts refer to these by name, so a changed
# figure changes everywhere. figures: named values (and derived ones: sum, difference, ratio, change);
# datasets: tables for charts; checks: statements that must hold, or the build stops.
`)}figures:
  aanvragen:
    dit-jaar: { value: 1250, label: Aanvragen dit jaar, unit: aanvragen }
    vorig-jaar: { value: 1100, label: Aanvragen vorig jaar, unit: aanvragen }
    verandering:
      change: [aanvragen.vorig-jaar, aanvragen.dit-jaar]
      label: Verandering van het aantal aanvragen
      format: percent
datasets:
  aanvragen-per-jaar:
    rows:
      - [${Number(date.slice(0, 4)) - 1}, 1100]
      - [${date.slice(0, 4)}, 1250]
    columns: [jaar, aanvragen]
checks:
  - expect: aanvragen.dit-jaar > 0
    message: er moet ten minste één aanvraag zijn
`,
    'charts/aanvragen.vl.yaml': `${head('chart', '../schemas', `
# A Vega-Lite chart. Its data comes only from a dataset of figures.yaml, by name (never a file or URL);
# fonts, colours and sizes come from the template.
`)}data: { name: aanvragen-per-jaar }
height: 120
mark: { type: bar }
encoding:
  x: { field: jaar, type: ordinal, axis: { title: Jaar, labelAngle: 0 } }
  y: { field: aanvragen, type: quantitative, axis: { title: Aanvragen, tickCount: 4 } }
`,
  };
}
