import { balanceLastPage } from './balance.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';
import { fillPage, isFinished, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';
import { textAreaFor } from './geometry.ts';
import { improveTail } from './tailPages.ts';
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

/** Pages of the document when LayoutEnv names no limit (report.yaml limits.pages). */
export const DEFAULT_MAX_PAGES = DEFAULT_LIMITS.pages;

/** What every page of a section shares. */
export interface SectionContext {
  readonly section: StyledSection;
  readonly spec: FlowSpec;
  readonly theme: ResolvedTheme;
  readonly env: LayoutEnv;
  readonly columns: number;
}

/**
 * Pages of one section from `first` on; the last page is balanced, and a stub last page (a few lines, a float
 * alone) is filled by the tail search (floats held back, short page before).
 */
export function sectionPages(ctx: SectionContext, first: number): PagePlan[] {
  // A page's head depends only on its number (opener or continuation, and the page's text area), and the tail
  // search plans the last pages again for every candidate: each head is set once.
  const planning: Planning = { ...ctx, heads: new Map() };
  const reflow = (number: number, start: FlowState, tweak: FirstPageTweak, index: number) => flowFrom(planning, number, start, tweak, index);
  return improveTail(ctx, flowFrom(planning, first, { next: 0, deferred: [], pageDeferred: [] }), reflow);
}

/** The section's context while its pages are planned, with the heads set so far by page number. */
interface Planning extends SectionContext {
  readonly heads: Map<number, PageHead>;
}

/** How the first page of a re-flow differs from a plain fill. */
export interface FirstPageTweak {
  /** Shortens both columns of the first page (a short page). */
  readonly cutPt?: number;
  /** Floats anchored on the first page that wait for the next page. */
  readonly holdFloats?: ReadonlySet<number>;
}

/** Flows pages from a state to the end of the section; the first of them (section page `index`) gets `tweak`. */
function flowFrom(ctx: Planning, number: number, start: FlowState, tweak: FirstPageTweak = {}, index = 0): PagePlan[] {
  const out: PagePlan[] = [];
  let state = start;
  const max = ctx.env.maxPages ?? DEFAULT_MAX_PAGES;
  for (let i = index; i === index || !isFinished(ctx.spec, state); i++) {
    // A limit, never a silent cut: the section stops the build instead of losing its end.
    if (number > max) throw new ReportError(messages.limitExceeded('pages', `more than ${max}`, max, ctx.env.maxPagesSpan, `pages (section "${ctx.section.id}" is still going at page ${number})`));
    const plan = planPage(ctx, number++, i === 0, state, i === index ? tweak : {});
    out.push(plan);
    state = plan.fill.state;
  }
  return out;
}

function planPage(ctx: Planning, number: number, opener: boolean, state: FlowState, tweak: FirstPageTweak): PagePlan {
  const { theme, env, spec, section } = ctx;
  const area = textAreaFor(theme, number);
  let head = ctx.heads.get(number);
  if (!head) ctx.heads.set(number, (head = (opener ? openerHead : continuationHead)(section, area, theme, env, spec.gridPt)));
  const region: Region = { x: area.x, y: area.y + head.heightPt, width: area.width, height: area.height - head.heightPt, columns: ctx.columns, gutter: theme.page.gutter };
  const opts = { ...tweak, headNotes: head.notes };
  const fill = fillPage(spec, region, state, opts);
  return { number, head, region, fill: isFinished(spec, fill.state) ? balanceLastPage(spec, region, state, fill, opts) : fill };
}
