import { balanceLastPage } from './balance.ts';
import { fillPage, isFinished, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';
import { textAreaFor } from './geometry.ts';
import { continuationHead, openerHead, type PageHead } from './opener.ts';
import type { LayoutEnv } from './types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';

/** One planned page of a section: its head (opener or marker), body region and fill. */
export interface PagePlan {
  readonly number: number;
  readonly head: PageHead;
  readonly region: Region;
  readonly fill: PageFill;
}

/** A last page holding floats but no text gets at least this many lines (a legal widow), taken from the page before. */
const MIN_TAIL_LINES = 2;
/** At most this many lines are taken off the columns of the page before (a "short page" in book typesetting). */
const MAX_CUT_LINES = 6;
/** Upper bound on pages per section, a guard against a layout bug looping forever. */
const MAX_PAGES_PER_SECTION = 2000;

/** What every page of a section shares. */
export interface SectionContext {
  readonly section: StyledSection;
  readonly spec: FlowSpec;
  readonly theme: ResolvedTheme;
  readonly env: LayoutEnv;
  readonly columns: number;
}

/**
 * Pages of one section from `first` on; the last page is balanced. A last page with floats but no text is
 * avoided by shortening the page before (both columns, level bottoms) until some text comes along.
 */
export function sectionPages(ctx: SectionContext, first: number): PagePlan[] {
  const pages = flowFrom(ctx, first, { next: 0, deferred: [], pageDeferred: [] }, 0);
  const n = pages.length;
  if (n < 2 || textLines(ctx, pages[n - 1]!.fill) > 0) return pages;
  const prevState = n >= 3 ? pages[n - 3]!.fill.state : { next: 0, deferred: [], pageDeferred: [] };
  for (let cut = 1; cut <= MAX_CUT_LINES; cut++) {
    const retry = flowFrom(ctx, pages[n - 2]!.number, prevState, cut * ctx.spec.gridPt, n - 2);
    if (retry.length === 2 && textLines(ctx, retry[1]!.fill) >= MIN_TAIL_LINES && !retry[0]!.fill.forced) return [...pages.slice(0, n - 2), ...retry];
  }
  return pages;
}

/** Flows pages from a state; the first of them (page index `index` in the section) gets columns cut by cutPt. */
function flowFrom(ctx: SectionContext, number: number, start: FlowState, cutPt: number, index = 0): PagePlan[] {
  const out: PagePlan[] = [];
  let state = start;
  for (let i = index; i === index || (!isFinished(ctx.spec, state) && i < MAX_PAGES_PER_SECTION); i++) {
    const plan = planPage(ctx, number++, i === 0, state, i === index ? cutPt : 0);
    out.push(plan);
    state = plan.fill.state;
  }
  return out;
}

function planPage(ctx: SectionContext, number: number, opener: boolean, state: FlowState, cutPt: number): PagePlan {
  const { theme, env, spec, section } = ctx;
  const area = textAreaFor(theme, number);
  const head = (opener ? openerHead : continuationHead)(section, area, theme, env, spec.gridPt);
  const region: Region = { x: area.x, y: area.y + head.heightPt, width: area.width, height: area.height - head.heightPt, columns: ctx.columns, gutter: theme.page.gutter };
  const opts = { cutPt, headNotes: head.notes };
  const fill = fillPage(spec, region, state, opts);
  return { number, head, region, fill: isFinished(spec, fill.state) ? balanceLastPage(spec, region, state, fill, opts) : fill };
}

function textLines(ctx: SectionContext, fill: PageFill): number {
  return fill.columns.reduce((n, c) => n + c.placements.filter((p) => ctx.spec.items[p.index]?.kind === 'line').length, 0);
}
