/**
 * flow: StyledSection[] → PageFrame[] (body pages in page coordinates, before running heads and folios).
 * Paragraphs are broken with env.breakLines at the column width and flowed top to bottom, left column first;
 * boxes never split (they float to the next column top), tables split between rows with a repeated header,
 * footnotes sit at the bottom of the referencing column, the last page of a multi-column section is balanced
 * (text under a carried float rather than the float alone in a column; no hyphen at a column foot when a line
 * more or less also works), and a last page under 35 % full is filled by the tail search (flow/tailPages.ts):
 * the page before is shortened (at most two lines) and/or its last floats move to the last page, best-scoring
 * layout wins. A paragraph's first-line indent is then checked against what precedes it on the page (a float that
 * moved away or in) and the section laid out again with the indents corrected (flow/indents.ts).
 * Invariants: every item lies inside the text area; lines sit on the body-leading grid. Never draws furniture.
 */
import { composeBlock, composeTable } from './boxes/index.ts';
import { runFlowWith, type FlowOptions } from './runFlow.ts';
import type { FlowEnv, FlowResult } from './types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';

export { textAreaFor, columnWidth, gridOf } from './geometry.ts';
export { styledPara } from './styledPara.ts';
export { trackLines } from './tracking.ts';
export { lineItems, stackLines, translateItem } from './translate.ts';
export { runFlowWith, type FlowOptions } from './runFlow.ts';
export { headingAnchor } from './structure.ts';
export { createSectionCache, type CachedPart, type PagePartKeys, type SectionFlow, type SectionFlowCache } from './sectionCache.ts';

/** Runs the flow stage with env.compose or, by default, the composers of flow/boxes. */
export function runFlow(sections: readonly StyledSection[], theme: ResolvedTheme, env: FlowEnv, opts: FlowOptions): FlowResult {
  return runFlowWith(env.compose ?? { composeBlock, composeTable }, sections, theme, env, opts);
}
