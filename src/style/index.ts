/**
 * Style stage: BoundReport + ResolvedTheme (+ rendered charts and images) → StyledSection[].
 *
 * In: figures already bound; inline markup (**bold**, *italic*, [label](url), [^id]) still in the text.
 * Out: per section an opener, Block[] with ParagraphSpecs (runs in theme fonts, sizes, colours, features)
 * and numbered footnotes. Invariants: Dutch typography applied to every author string (see typography.ts),
 * footnotes numbered through the report in order of first reference, only http(s)/mailto links.
 * Never measures lines, breaks text or places anything: that is text/ and flow/.
 */
export { resolveStyles, columnWidthPt } from './resolveStyles.ts';
export { parseInline } from './inline.ts';
export { checkTables } from './checkTables.ts';
export { applyTypography, NBSP, themeTypography } from './typography.ts';
export { plainText } from './paragraphs.ts';
export { referencedIds, hasPageRefs, type RefState } from './pageRefs.ts';
