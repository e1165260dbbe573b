/** Dutch: the built-in words and typographic conventions (Woordenlijst, Taalunie). */
import type { LocaleData } from './types.ts';

export const nl: LocaleData = {
  words: {
    contents: 'Inhoud',
    continued: 'Vervolg {label}',
    continuedDefault: 'Vervolg {title}',
    tableContinued: '{title} (vervolg)',
    tableSource: 'Bron: {source}',
    pageRef: 'pagina {page}',
    figureLabel: 'Figuur {n}',
    tableLabel: 'Tabel {n}',
    noteLabel: 'noot {n}',
    video: 'Kijk de video',
    page: 'pagina',
    'chart.bar': 'Staafdiagram',
    'chart.groupedBar': 'Gegroepeerd staafdiagram',
    'chart.stackedBar': 'Gestapeld staafdiagram',
    'chart.line': 'Lijndiagram',
    'chart.area': 'Vlakdiagram',
    'chart.pie': 'Cirkeldiagram',
    'chart.donut': 'Ringdiagram',
    'chart.scatter': 'Spreidingsdiagram',
    'chart.tick': 'Streepjesdiagram',
    'chart.heatmap': 'Warmtekaart',
    'chart.boxplot': 'Boxplot',
    'chart.map': 'Kaart',
    'chart.table': 'Tabel',
    'chart.other': 'Grafiek',
    'chart.per': '{value} per {key}',
    'chart.more': ' en {n} waarden meer',
  },
  quotes: { primary: ['\u201C', '\u201D'], secondary: ['\u2018', '\u2019'] },
  quoteSpace: '',
  // From the Woordenlijst's list of common abbreviations: titles and short forms that never end a line.
  abbreviations: ['dhr', 'mevr', 'dr', 'mr', 'drs', 'ir', 'ing', 'prof', 'nr', 'art', 'ca', 'blz', 'bijv', 'vgl', 'zgn'],
  units: ['mln', 'mld', 'uur', 'min', 'sec', 'ha'],
  elisions: ['s', 't', 'n', 'k', 'm', 'r', 's-'],
  // Compound prefixes the 1996 patterns split wrongly in every Dutch text (test/locale/hyphenation.test.ts):
  // "corona" postdates them (co-ron-a-maat-re-ge-len), "asiel" and "digitaliserings" glue onto the next word's
  // first syllable (asielme-de-wer-kers, di-gi-ta-li-se-ringstra-ject).
  hyphenation: ['co-ro-na-', 'asiel-', 'di-gi-ta-li-se-rings-'],
  ordinal: (f) => `${f}e`,
};
