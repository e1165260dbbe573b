/**
 * pages: StyledSection[] → PagedDocument. Runs flow for the body and adds the page masters around it:
 * the cover (page 1, unnumbered), the table of contents (page 2 on, numbers from the previous pass's anchors),
 * running heads, folios and foot text on every other page, the outline and the metadata.
 * Invariant: page numbers equal PDF page index + 1. Never draws (pdf/ does), never loads fonts.
 * layoutDocument is the only loop: it reruns until the TOC numbers are stable (max 4 passes).
 */
export { layoutDocument, paginate, paginatePass, MAX_PASSES, type PaginateResult } from './paginate.ts';
export { finalizePages, anchorPages, type PageParts } from './finalize.ts';
export { coverPage } from './cover.ts';
export { tocPages, TOC_ANCHOR } from './toc.ts';
