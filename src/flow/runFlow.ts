import { collect } from './collect.ts';
import { fillItems, type FlowSpec } from './distribute.ts';
import { columnWidth, gridOf, textAreaFor } from './geometry.ts';
import { misIndented, withIndents } from './indents.ts';
import { DEFAULT_MAX_PAGES, sectionPages, type PagePlan } from './sectionPages.ts';
import { sectionTag } from './structure.ts';
import { withinOne } from '../model/tags.ts';
import type { ComposeFns, FlowResult, LayoutEnv, PageFrame, PlacedItem } from './types.ts';
import type { Diagnostic } from '../diag/types.ts';
import { sectionTheme, type ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';

/**
 * Layouts of a section at most, while paragraphs' first-line indents are corrected (an indent can change a
 * paragraph's line count, and with it where later floats land; in practice one correction settles).
 */
const MAX_INDENT_PASSES = 3;

/** Where body pages start: the printed number of the first opener (after cover and TOC). */
export interface FlowOptions {
  readonly firstPageNumber: number;
}

/** Lays out every section from a new page: opener, then the body in the section's columns; PageFrame per page. */
export function runFlowWith(
  compose: ComposeFns,
  sections: readonly StyledSection[],
  sharedTheme: ResolvedTheme,
  env: LayoutEnv,
  opts: FlowOptions,
): FlowResult {
  const frames: PageFrame[] = [];
  const warnings: Diagnostic[] = [];
  let page = opts.firstPageNumber;
  for (const [index, section] of sections.entries()) {
    // An unchanged section at the same place (index, left or right page) is taken from the cache (sectionCache.ts),
    // unless it would now run past the page limit: flowed again, it says so.
    const cache = env.sections;
    const key = cache?.key(section, index, page);
    const hit = key !== undefined ? cache!.get(key, page) : undefined;
    const first = page;
    const flow = () => ({ first, ...flowSection(compose, section, index, sharedTheme, env, first) });
    const flowed =
      (hit && page + hit.frames.length - 1 <= (env.maxPages ?? DEFAULT_MAX_PAGES) && hit) || (key !== undefined ? cache!.flow(key, flow) : flow());
    frames.push(...flowed.frames);
    warnings.push(...flowed.warnings);
    page += flowed.frames.length;
  }
  return { frames, warnings };
}

/** One section from page `page` on: its frames and warnings. */
function flowSection(compose: ComposeFns, section: StyledSection, index: number, sharedTheme: ResolvedTheme, env: LayoutEnv, page: number): FlowResult {
  const frames: PageFrame[] = [];
  const warnings: Diagnostic[] = [];
  // A section kind may have its own text styles, and with them its own baseline grid.
  const theme = sectionTheme(sharedTheme, section.kind);
  const gridPt = gridOf(theme);
  const columns = section.columns ?? theme.page.columns;
  const width = textAreaFor(theme, page).width;
  const collectContext = {
    env: { ...env, gridPt },
    compose,
    columnWidthPt: columnWidth(width, columns, theme.page.gutter),
    fullWidthPt: width,
    columns,
    gridPt,
    tableContinued: theme.words.tableContinued,
  };
  let blocks = section.blocks;
  let spec: FlowSpec;
  let plans: PagePlan[];
  for (let pass = 1; ; pass++) {
    // 1. lines and boxes at the column width
    const { items, notes } = collect({ ...section, blocks }, collectContext);
    spec = { items, notes, gridPt, footnoteGapPt: theme.page.footnoteGap };
    // 2. pages: opener, continuation pages, balanced last page
    plans = sectionPages({ section, spec, theme, env, columns }, page);
    // 3. first-line indents by what precedes each paragraph on the page (a float may have moved away or in)
    const fix = misIndented(blocks, items, plans);
    if (fix.size === 0 || pass >= MAX_INDENT_PASSES) break;
    blocks = withIndents(blocks, fix);
  }
  for (const plan of plans) {
    warnings.push(...plan.fill.warnings);
    const placed: PlacedItem[] = [...plan.head.items.map((item) => ({ item, order: -1 })), ...fillItems(spec, plan.region, plan.fill, theme.colors.rule ?? '#999999')];
    placed.sort((a, b) => a.order - b.order);
    const struct = sectionTag(section.id, index, section.lang);
    const tagged = placed.map((p) => ({ ...p, item: withinOne(p.item, struct) }));
    const first = plan.number === page;
    const master = section.kind === 'article' ? (first ? 'opener' : 'body') : section.kind;
    frames.push({ number: plan.number, master, sectionId: section.id, runningTitle: section.shortTitle, textArea: textAreaFor(theme, plan.number), items: tagged });
  }
  return { frames, warnings };
}
