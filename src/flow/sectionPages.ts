import { balanceLastPage } from './balance.ts';
import { ReportError } from '../diag/errors.ts';
import * as messages from '../diag/messages.ts';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';
import { fillPage, isFinished, type FillOptions, type FlowSpec, type FlowState, type PageFill, type Region } from './distribute.ts';
import { textAreaFor } from './geometry.ts';
import { fillsGeometry, fillsKey, keptPrefix, latestKey, refill, type KeptPage, type LatestFills } from './keptFills.ts';
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
  // fills kept by the section's geometry (keptFills.ts): used when every page's head is still the same size
  const cache = ctx.env.sections;
  const geometry = cache && fillsGeometry(ctx.spec, first, ctx.section.kind, ctx.columns, ctx.env.maxPages ?? DEFAULT_MAX_PAGES);
  const key = geometry && fillsKey(geometry);
  const kept = key !== undefined ? (cache!.fills(key) as readonly KeptPage[] | undefined) : undefined;
  const replayed = kept && replay(planning, first, kept);
  if (replayed) return replayed;
  // else the section's latest fills, as far as they read only items that kept their geometry: the flow resumes after them
  const latestAt = geometry && latestKey(ctx.section.id, geometry);
  const latest = latestAt !== undefined ? (cache!.fills(latestAt) as LatestFills | undefined) : undefined;
  const prefix = (latest && geometry && replay(planning, first, latest.pages.slice(0, keptPrefix(latest, geometry.items)))) || [];
  const start: FlowState = prefix.length > 0 ? prefix[prefix.length - 1]!.fill.state : { next: 0, deferred: [], pageDeferred: [] };
  const from = prefix.length > 0 ? prefix[prefix.length - 1]!.number + 1 : first;
  const reflow = (number: number, start: FlowState, tweak: FirstPageTweak, index: number) => reflowUnsettled(planning, number, start, tweak, index);
  const plans = improveTail(ctx, [...prefix, ...flowFrom(planning, from, start, {}, prefix.length)], reflow);
  if (key !== undefined && plans.every((p) => p.fill.warnings.length === 0)) {
    const pages = plans.map((p): KeptPage => ({ number: p.number, headHeightPt: p.head.heightPt, headNotes: p.head.notes, fill: p.fill }));
    cache!.keepFills(key, pages);
    cache!.keepFills(latestAt!, { items: geometry!.items, pages } satisfies LatestFills);
  }
  return plans;
}

/** The kept pages planned again with the section's heads as they are now; undefined when a head changed size or notes. */
function replay(ctx: Planning, first: number, kept: readonly KeptPage[]): PagePlan[] | undefined {
  const plans: PagePlan[] = [];
  for (const page of kept) {
    const { head, region } = headAndRegion(ctx, page.number, page.number === first);
    if (head.heightPt !== page.headHeightPt || head.notes.join('\u0000') !== page.headNotes.join('\u0000')) return undefined;
    plans.push({ number: page.number, head, region, fill: refill(ctx.spec, page.fill) });
  }
  return plans;
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

/**
 * A re-flow for the tail search with its last page not balanced yet: balancing is a binary search of page fills,
 * and most candidates are rejected or outscored by what is known without it (tailPages.ts), so only the others
 * pay for it. `settled()` gives the pages as flowFrom would have planned them.
 */
export interface Reflowed {
  readonly pages: readonly PagePlan[];
  readonly settled: () => PagePlan[];
}

function reflowUnsettled(ctx: Planning, number: number, start: FlowState, tweak: FirstPageTweak, index: number): Reflowed {
  const pages = flowFrom(ctx, number, start, tweak, index, false);
  let settled: PagePlan[] | undefined;
  return { pages, settled: () => (settled ??= settleLast(ctx, pages, start, tweak)) };
}

/** The pages with the last one balanced as planPage balances it (only a section's last page can be finished). */
function settleLast(ctx: Planning, pages: readonly PagePlan[], start: FlowState, tweak: FirstPageTweak): PagePlan[] {
  const last = pages[pages.length - 1]!;
  // the page's own start state and options, as planPage had them: the tweak belongs to the re-flow's first page
  const state = pages.length > 1 ? pages[pages.length - 2]!.fill.state : start;
  const fill = settle(ctx.spec, last.region, state, last.fill, { ...(pages.length > 1 ? {} : tweak), headNotes: last.head.notes });
  return [...pages.slice(0, -1), { ...last, fill }];
}

/** A page's fill, balanced when it ends the section. */
function settle(spec: FlowSpec, region: Region, state: FlowState, fill: PageFill, opts: FillOptions): PageFill {
  return isFinished(spec, fill.state) ? balanceLastPage(spec, region, state, fill, opts) : fill;
}

/** Flows pages from a state to the end of the section; the first of them (section page `index`) gets `tweak`. */
function flowFrom(ctx: Planning, number: number, start: FlowState, tweak: FirstPageTweak = {}, index = 0, balance = true): PagePlan[] {
  const out: PagePlan[] = [];
  let state = start;
  const max = ctx.env.maxPages ?? DEFAULT_MAX_PAGES;
  for (let i = index; i === index || !isFinished(ctx.spec, state); i++) {
    // A limit, never a silent cut: the section stops the build instead of losing its end.
    if (number > max) throw new ReportError(messages.limitExceeded('pages', `more than ${max}`, max, ctx.env.maxPagesSpan, `pages (section "${ctx.section.id}" is still going at page ${number})`));
    const plan = planPage(ctx, number++, i === 0, state, i === index ? tweak : {}, balance);
    out.push(plan);
    state = plan.fill.state;
  }
  return out;
}

function planPage(ctx: Planning, number: number, opener: boolean, state: FlowState, tweak: FirstPageTweak, balance: boolean): PagePlan {
  const { spec } = ctx;
  const { head, region } = headAndRegion(ctx, number, opener);
  const opts = { ...tweak, headNotes: head.notes };
  const fill = fillPage(spec, region, state, opts);
  return { number, head, region, fill: balance ? settle(spec, region, state, fill, opts) : fill };
}

/** A page's head (set once per page number) and the body region under it. */
function headAndRegion(ctx: Planning, number: number, opener: boolean): { head: PageHead; region: Region } {
  const { theme, env, spec, section } = ctx;
  const area = textAreaFor(theme, number);
  let head = ctx.heads.get(number);
  if (!head) ctx.heads.set(number, (head = (opener ? openerHead : continuationHead)(section, area, theme, env, spec.gridPt)));
  return { head, region: { x: area.x, y: area.y + head.heightPt, width: area.width, height: area.height - head.heightPt, columns: ctx.columns, gutter: theme.page.gutter } };
}
