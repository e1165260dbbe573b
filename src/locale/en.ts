/** English (British and American): the built-in words and typographic conventions. */
import type { LocaleData } from './types.ts';

const SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const plural = new Intl.PluralRules('en', { type: 'ordinal' });

export const en: LocaleData = {
  words: {
    contents: 'Contents',
    continued: '{label}, continued',
    continuedDefault: '{title}, continued',
    tableContinued: '{title} (continued)',
    tableSource: 'Source: {source}',
    pageRef: 'page {page}',
    figureLabel: 'Figure {n}',
    tableLabel: 'Table {n}',
    noteLabel: 'note {n}',
    video: 'Watch the video',
    page: 'page',
    'chart.bar': 'Bar chart',
    'chart.groupedBar': 'Grouped bar chart',
    'chart.stackedBar': 'Stacked bar chart',
    'chart.line': 'Line chart',
    'chart.area': 'Area chart',
    'chart.pie': 'Pie chart',
    'chart.donut': 'Donut chart',
    'chart.scatter': 'Scatter plot',
    'chart.tick': 'Strip plot',
    'chart.heatmap': 'Heat map',
    'chart.boxplot': 'Box plot',
    'chart.map': 'Map',
    'chart.table': 'Table',
    'chart.other': 'Chart',
    'chart.per': '{value} by {key}',
    'chart.more': ' and {n} more values',
  },
  quotes: { primary: ['\u201C', '\u201D'], secondary: ['\u2018', '\u2019'] },
  quoteSpace: '',
  abbreviations: ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'No', 'p', 'pp', 'approx', 'cf', 'vs'],
  units: ['m', 'bn', 'hrs', 'min', 'sec', 'ha'],
  elisions: ['tis', 'twas', 'em', 's-', 'n'],
  hyphenation: [],
  ordinal: (f, n) => `${f}${SUFFIX[plural.select(n)] ?? 'th'}`,
};
