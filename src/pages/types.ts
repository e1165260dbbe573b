import type { BoundReport } from '../bind/types.ts';

/** Report metadata the page masters print (cover, running heads, foot) and the PDF info dictionary. */
export type ReportInfo = BoundReport['meta'];

/** Options of one pagination pass. */
export interface PaginateOptions {
  /** Section id → page number from the previous pass, for the TOC; numbers are left blank when missing. */
  readonly tocPages?: ReadonlyMap<string, number>;
}
