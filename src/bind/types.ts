import type { SourceSpan } from '../diag/types.ts';
import type { ColumnAlign, SectionKind, TableColumnSource, TableRowKind } from '../load/types.ts';

/**
 * Text after binding: figure references replaced by formatted values.
 * Inline markup is still present: **bold**, *italic*, [label](https://…), [^footnote].
 */
export interface BoundText {
  readonly text: string;
  readonly source: SourceSpan;
}

/** A row of a dataset: column name → number or string. */
export type DataRow = Readonly<Record<string, number | string>>;

/** A chart ready to compile: a Vega-Lite spec whose data names a dataset, plus those datasets. */
export interface BoundChartSpec {
  readonly id: string;
  /** Vega-Lite spec (plain JSON) with data given as { name: datasetName }. */
  readonly spec: Readonly<Record<string, unknown>>;
  readonly datasets: Readonly<Record<string, readonly DataRow[]>>;
  readonly file: string;
  /** JSON pointer → span in the spec file, for sandbox errors. */
  readonly spans: ReadonlyMap<string, SourceSpan>;
  readonly size: 'column' | 'full';
  readonly caption?: string;
  /** Author-given text alternative; generated from the data when absent. */
  readonly alt?: string;
  readonly source: SourceSpan;
}

/** A block with its texts bound; `lang`: a passage in another language than the report's (BCP 47). */
export type BoundBlock = { readonly lang?: string } & (
  | { readonly type: 'paragraph'; readonly text: BoundText }
  | { readonly type: 'heading'; readonly text: BoundText; readonly id?: string }
  | { readonly type: 'quote'; readonly text: BoundText; readonly by?: BoundText }
  | { readonly type: 'facts'; readonly title: BoundText; readonly items: readonly { readonly label: BoundText; readonly value: BoundText }[] }
  | { readonly type: 'keyFigure'; readonly value: BoundText; readonly text: BoundText }
  | { readonly type: 'list'; readonly title?: BoundText; readonly ordered: boolean; readonly items: readonly BoundText[] }
  | { readonly type: 'video'; readonly title: BoundText; readonly url: string; readonly source: SourceSpan }
  | { readonly type: 'image'; readonly src: string; readonly alt: string; readonly caption?: BoundText; readonly id?: string; readonly source: SourceSpan }
  | { readonly type: 'chart'; readonly chartId: string; readonly caption?: BoundText; readonly id?: string; readonly source: SourceSpan }
  | {
      readonly type: 'table';
      readonly title?: BoundText;
      readonly columns: readonly { readonly label: BoundText; readonly align?: ColumnAlign; readonly width?: TableColumnSource['width'] }[];
      readonly rows: readonly { readonly kind: TableRowKind; readonly cells: readonly BoundText[]; readonly indent: number }[];
      /** Source line under the table (the editor's text, without the template's "Bron:" word). */
      readonly sourceLine?: BoundText;
      readonly note?: BoundText;
      readonly id?: string;
      readonly source: SourceSpan;
    }
  | { readonly type: 'signature'; readonly name: BoundText; readonly role?: BoundText }
);

export interface BoundSection {
  readonly id: string;
  readonly kind: SectionKind;
  readonly label?: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly lead?: BoundText;
  readonly blocks: readonly BoundBlock[];
  readonly footnotes: ReadonlyMap<string, BoundText>;
  /** The whole section's language when it differs from the report's (BCP 47). */
  readonly lang?: string;
  readonly source: SourceSpan;
}

/** The report with every figure reference resolved; nothing downstream reads figures again. */
export interface BoundReport {
  readonly meta: {
    readonly title: string;
    readonly subtitle?: string;
    readonly organisation: string;
    readonly author: string;
    readonly subject: string;
    readonly keywords: readonly string[];
    readonly language: string;
    readonly date: string;
    /** The date in the report's locale, e.g. "30 april 2021". */
    readonly dateText: string;
    /** What report.yaml numbers: `figures` (charts and images: "Figuur 3"), `tables` ("Tabel 2"). */
    readonly numbering?: readonly ('figures' | 'tables')[];
  };
  readonly sections: readonly BoundSection[];
  readonly charts: readonly BoundChartSpec[];
  readonly images: ReadonlyMap<string, Uint8Array>;
  /** Where each image is first referenced, for the images stage's decoding errors. */
  readonly imageSpans?: ReadonlyMap<string, SourceSpan>;
}
