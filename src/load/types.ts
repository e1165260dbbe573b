import type { Limits } from '../spec/limits.ts';
import type { SourceSpan } from '../diag/types.ts';

/** A string from the YAML with the span of its scalar node (offsets let later stages point inside it). */
export interface Text {
  readonly value: string;
  readonly span: SourceSpan;
}

/** A file read from inside the content folder, kept so diagnostics can quote it. */
export interface SourceFile {
  /** Path relative to the current working directory, as printed in diagnostics. */
  readonly path: string;
  readonly text: string;
}

/** Report metadata from report.yaml. */
export interface ReportMeta {
  readonly title: Text;
  readonly subtitle?: Text;
  readonly organisation: Text;
  readonly author: Text;
  readonly subject: Text;
  readonly keywords: readonly string[];
  /** BCP 47 tag, e.g. nl-NL. */
  readonly language: string;
  /** Publication date, ISO yyyy-mm-dd. */
  readonly date: string;
  /** The report's own dates as figures: report.date, report.period.start / .end (when report.yaml has a period). */
  readonly dates?: readonly { readonly path: string; readonly value: string; readonly span: SourceSpan }[];
  /** Numbered figures (charts, images) and tables. */
  readonly numbering?: readonly ('figures' | 'tables')[];
  /** Where `language:` is written (for its warnings); absent when defaulted. */
  readonly languageSpan?: SourceSpan;
  /** A bundled template's name or a folder path relative to the content folder. */
  readonly template: string;
  readonly templateSpan?: SourceSpan;
  /** Single template words replaced for this report, with where each is written. */
  readonly words?: Readonly<Record<string, string>>;
  readonly wordSpans?: Readonly<Record<string, SourceSpan>>;
  /** ISO 4217 currency of the report's amounts (default EUR). */
  readonly currency: string;
  /** Extra hyphenation exceptions from report.yaml ("co-ro-na-maat-re-ge-len", prefix rules end in "-"). */
  readonly hyphenation?: { readonly exceptions: readonly string[]; readonly languages?: Readonly<Record<string, readonly string[]>> };
  /** Input limits in force (report.yaml `limits`, defaults filled in). */
  readonly limits: Limits;
  /** Where the page limit is written (report.yaml's limits.pages), or report.yaml's start when it is the default. */
  readonly pagesLimitSpan?: SourceSpan;
}

/** Parsed JSON-like value (a Vega-Lite spec) with the span of every node, keyed by JSON pointer ("/data/name"). */
export interface LocatedJson {
  readonly value: unknown;
  readonly file: string;
  readonly spans: ReadonlyMap<string, SourceSpan>;
}

export type SectionKind = 'foreword' | 'article' | 'appendix' | 'colophon';

/** How a table column aligns its cells; `decimal` lines numbers up on their decimal mark. */
export type ColumnAlign = 'left' | 'right' | 'center' | 'decimal';

/** A table column as written; no `align` means decimal for a column of numbers, else left. */
export interface TableColumnSource {
  readonly label: Text;
  readonly align?: ColumnAlign;
  /** Fixed width: points, or a fraction of the table's width ("30%" → 0.3). */
  readonly width?: { readonly pt: number } | { readonly fraction: number };
}

/** Kind of a table row: an ordinary row, a group row spanning all columns, or a totals row. */
export type TableRowKind = 'body' | 'group' | 'total';

/** A table row as written: `group` rows have one cell; `indent` counts levels for sub-rows. */
export interface TableRowSource {
  readonly kind: TableRowKind;
  readonly cells: readonly Text[];
  readonly indent: number;
  readonly span: SourceSpan;
}

/**
 * One content block as written by the editor; strings may still hold {figure} references. `lang` marks a passage
 * in another language than the report's (BCP 47).
 */
export type ContentBlock = { readonly lang?: string } & (
  | { readonly type: 'paragraph'; readonly text: Text; readonly span: SourceSpan }
  | { readonly type: 'heading'; readonly text: Text; readonly id?: string; readonly span: SourceSpan }
  | { readonly type: 'quote'; readonly text: Text; readonly by?: Text; readonly span: SourceSpan }
  | {
      readonly type: 'facts';
      readonly title: Text;
      readonly items: readonly { readonly label: Text; readonly value: Text }[];
      readonly span: SourceSpan;
    }
  | { readonly type: 'keyFigure'; readonly value: Text; readonly text: Text; readonly span: SourceSpan }
  | {
      readonly type: 'list';
      readonly title?: Text;
      readonly ordered: boolean;
      readonly items: readonly Text[];
      readonly span: SourceSpan;
    }
  | { readonly type: 'video'; readonly title: Text; readonly url: Text; readonly span: SourceSpan }
  | {
      readonly type: 'image';
      /** Path relative to the content folder (already checked to stay inside it). */
      readonly src: string;
      readonly alt: Text;
      readonly caption?: Text;
      readonly id?: string;
      readonly span: SourceSpan;
    }
  | {
      readonly type: 'chart';
      readonly spec: LocatedJson;
      readonly caption?: Text;
      readonly alt?: Text;
      readonly size: 'column' | 'full';
      readonly id?: string;
      readonly span: SourceSpan;
    }
  | {
      readonly type: 'table';
      readonly title?: Text;
      readonly columns: readonly TableColumnSource[];
      /** Every row has exactly one cell per column, except group rows (one cell spanning all). */
      readonly rows: readonly TableRowSource[];
      readonly source?: Text;
      readonly note?: Text;
      readonly id?: string;
      readonly span: SourceSpan;
    }
  | { readonly type: 'signature'; readonly name: Text; readonly role?: Text; readonly span: SourceSpan }
);

/** One section file (foreword, article, appendix or colophon). */
export interface SectionSource {
  readonly id: string;
  readonly kind: SectionKind;
  /** Kicker above the title, e.g. "Eerste artikel"; continuation heads are derived from it. */
  readonly label?: Text;
  readonly title: Text;
  /** Short title for running heads; defaults to the title (bookmarks use the full title). */
  readonly shortTitle?: Text;
  readonly lead?: Text;
  readonly blocks: readonly ContentBlock[];
  /**
   * The ids its blocks declare, in order, with each block's span: bind checks page-reference targets from these
   * without reading the blocks (which a load record read back from disk decodes only when used, lazyRecords.ts).
   */
  readonly targets: readonly { readonly id: string; readonly span: SourceSpan }[];
  /** Footnote texts by id, referenced in text as [^id]. */
  readonly footnotes: ReadonlyMap<string, Text>;
  /** The whole section's language when it differs from the report's (BCP 47). */
  readonly lang?: string;
  readonly span: SourceSpan;
}

/** Everything loaded and validated from a content folder; figures stay unparsed until bind. */
export interface ReportSource {
  readonly meta: ReportMeta;
  readonly sections: readonly SectionSource[];
  readonly figures: LocatedJson;
  /** Image files referenced by image blocks, keyed by their src. */
  readonly images: ReadonlyMap<string, Uint8Array>;
  /** Where each image is first referenced (its src in the section YAML). */
  readonly imageSpans?: ReadonlyMap<string, SourceSpan>;
  readonly files: readonly SourceFile[];
}
