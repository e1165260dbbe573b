/**
 * What a language brings to a report besides its text: the built-in words (template words and chart alt-text
 * phrases, overridable by the template and report.yaml), quotation marks and the conventions of typography.ts.
 * Number and date formats come from Intl for the report's BCP 47 tag (locale/vegaLocale.ts), not from here.
 */

/** Every built-in word; a template's `words` and report.yaml's `words` may replace any of them. */
export interface Words {
  /** Title of the table of contents and its bookmark. */
  readonly contents: string;
  /** Head of an article's continuation pages; {label} = the article's kicker, lower-cased. */
  readonly continued: string;
  /** The same for sections without a label; {title} = the short title, lower-cased. */
  readonly continuedDefault: string;
  /** Caption of a table continued on the next column; {title} = the table's title. */
  readonly tableContinued: string;
  /** The line under a table with a source; {source} = the source. */
  readonly tableSource: string;
  /** A page reference in text: {page:id} → "pagina 12". */
  readonly pageRef: string;
  /** Numbered charts and images (report.yaml numbering: [figures]). */
  readonly figureLabel: string;
  /** Numbered tables (numbering: [tables]). */
  readonly tableLabel: string;
  /** A footnote named by {ref:^id}: "noot 3"; {n} = its number. */
  readonly noteLabel: string;
  /** Lead-in of a video box. */
  readonly video: string;
  /** The word for "page". */
  readonly page: string;
  /** Chart kinds named at the start of a chart's generated text alternative. */
  readonly 'chart.bar': string;
  readonly 'chart.groupedBar': string;
  readonly 'chart.stackedBar': string;
  readonly 'chart.line': string;
  readonly 'chart.area': string;
  readonly 'chart.pie': string;
  readonly 'chart.donut': string;
  readonly 'chart.scatter': string;
  readonly 'chart.tick': string;
  readonly 'chart.heatmap': string;
  readonly 'chart.boxplot': string;
  readonly 'chart.map': string;
  readonly 'chart.table': string;
  readonly 'chart.other': string;
  /** "{value} per {key}": what a chart without a title shows. */
  readonly 'chart.per': string;
  /** Tail of a long value list: " en {n} waarden meer". */
  readonly 'chart.more': string;
}

/** The names of all words, for validating a template's or report's overrides. */
export type WordKey = keyof Words;

/** Conventions of one language. */
export interface LocaleData {
  readonly words: Words;
  /** Outer and inner quotation marks: [open, close]. */
  readonly quotes: { readonly primary: readonly [string, string]; readonly secondary: readonly [string, string] };
  /** Space between a quotation mark and the quoted text (French guillemets take a narrow no-break space). */
  readonly quoteSpace: string;
  /** Abbreviations (without the dot) after which a line never breaks: "dr." + NBSP + name. */
  readonly abbreviations: readonly string[];
  /** Unit words that stay with their number besides the SI symbols ("mln", "uur"). */
  readonly units: readonly string[];
  /** Word-initial elisions written with an apostrophe, not an opening quote ('s, 't in Dutch; 'tis …). */
  readonly elisions: readonly string[];
  /**
   * Hyphenation exceptions true for the whole language (words the patterns get wrong), written with hyphens;
   * a trailing "-" makes a prefix rule. A report's own words go in its report.yaml.
   */
  readonly hyphenation: readonly string[];
  /** Ordinal of a formatted whole number: nl "3e", en "3rd", de "3.". */
  readonly ordinal: (formatted: string, n: number) => string;
  /** The words of the starter report `reportpress init --language` writes. */
  readonly scaffold: ScaffoldWords;
}

/**
 * The starter report of `reportpress init` in one language: its metadata, one article about a number of
 * applications this year and last, a fact box, a chart and a footnote. `ids` name its figures, dataset and files
 * (identifiers the text refers to); `paragraph` has {year}, {thisYear}, {lastYear}, {change} and {note} where the
 * figure references and the footnote marker go.
 */
export interface ScaffoldWords {
  /** The BCP 47 tag a new report in this language gets when only the language is asked for ("en" → "en-GB"). */
  readonly language: string;
  /** The bundled template it starts with. */
  readonly template: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly subject: string;
  readonly keyword: string;
  readonly label: string;
  readonly title: string;
  readonly short: string;
  readonly lead: string;
  readonly heading: string;
  readonly paragraph: string;
  readonly factsTitle: string;
  readonly thisYear: string;
  readonly lastYear: string;
  readonly chartCaption: string;
  readonly footnote: string;
  /** Message of the figures check (lower case, as diagnostics are). */
  readonly check: string;
  readonly figures: { readonly thisYear: string; readonly lastYear: string; readonly change: string; readonly unit: string };
  readonly axes: { readonly year: string; readonly count: string };
  readonly ids: {
    readonly section: string;
    readonly group: string;
    readonly thisYear: string;
    readonly lastYear: string;
    readonly change: string;
    readonly dataset: string;
    readonly year: string;
    readonly count: string;
    readonly chart: string;
    readonly note: string;
  };
}
