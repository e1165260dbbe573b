/**
 * diff: a stage-independent tool comparing two built PDFs (not a pipeline stage; `build` never loads it).
 * In: two PDFs' bytes. Out: PdfDiff (aligned pages, changed regions, changed words) and the reviewer's report.
 */
export { diffPdfs, isEqual, type PdfDiff, type PageChange } from './diffPdfs.ts';
export { writeDiffReport, formatSummary } from './diffReport.ts';
