import { runFlow } from '../flow/index.ts';
import type { FlowEnv, FlowResult } from '../flow/types.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { DiagnosticSink } from '../diag/sink.ts';
import { looseLine, tocUnstable } from './messages.ts';
import { coverPage, metaSlots } from './cover.ts';
import { anchorPages, finalizePages, kept, type PageMemo } from './finalize.ts';
import { tocPages } from './toc.ts';
import type { PaginateOptions, ReportInfo } from './types.ts';
import type { PagedDocument } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';

/** House-style rule 4: at most this many flow → pages passes before giving up on a stable TOC. */
export const MAX_PASSES = 4;

/** One pass with its warnings (pushed by the caller for the final pass only, so passes do not repeat them). */
export interface PaginateResult {
  readonly document: PagedDocument;
  readonly warnings: readonly Diagnostic[];
}

/** The body pages for a first page number (layoutDocument passes a memo: the body does not depend on the TOC's numbers). */
type FlowFor = (firstPageNumber: number) => FlowResult;

/** One layout pass: cover (page 1), TOC (numbers from opts.tocPages), then every section's flowed pages. */
export function paginatePass(
  sections: readonly StyledSection[],
  theme: ResolvedTheme,
  env: FlowEnv,
  meta: ReportInfo,
  opts: PaginateOptions = {},
  flowFor: FlowFor = (first) => runFlow(sections, theme, env, { firstPageNumber: first }),
): PaginateResult {
  // 1. cover and TOC: the TOC's page count does not depend on the numbers it prints; both kept by what they show
  // when flow keeps layout parts (a rebuild whose titles and page numbers did not change sets neither again)
  const cover = kept(env, 'cover', metaSlots(meta), () => coverPage(theme, env, meta));
  const pages = opts.tocPages ?? new Map<string, number>();
  const shown = sections.map((s) => [s.id, s.title, s.label ?? null, s.lang ?? null, pages.get(s.id) ?? null]);
  const toc = kept(env, 'toc', shown, () => tocPages(sections, theme, env, pages, 2));
  // 2. body pages start after them
  const flow = flowFor(2 + toc.length);
  // 3. page furniture, outline, metadata
  return { document: finalizePages({ cover, toc, frames: flow.frames }, sections, theme, env, meta), warnings: flow.warnings };
}

/** One layout pass, returning the document only (see layoutDocument for the stabilised result). */
export function paginate(sections: readonly StyledSection[], theme: ResolvedTheme, env: FlowEnv, meta: ReportInfo, opts: PaginateOptions = {}): PagedDocument {
  return paginatePass(sections, theme, env, meta, opts).document;
}

/** Reruns pagination until the anchors' page numbers (the TOC's input) stop changing; max 4 passes, then a warning. */
export function layoutDocument(
  sections: readonly StyledSection[],
  theme: ResolvedTheme,
  env: FlowEnv,
  meta: ReportInfo,
  ctx: { readonly diag: DiagnosticSink },
): PagedDocument {
  let known = new Map<string, number>();
  let pass: PaginateResult | null = null;
  // The body is flowed again only if the TOC's length (and so the first body page) changed: a pass that only
  // fills in the TOC's numbers reuses it.
  const flows = new Map<number, FlowResult>();
  const flowFor: FlowFor = (first) => {
    let f = flows.get(first);
    if (!f) flows.set(first, (f = runFlow(sections, theme, env, { firstPageNumber: first })));
    return f;
  };
  for (let i = 1; i <= MAX_PASSES; i++) {
    pass = paginatePass(sections, theme, env, meta, { tocPages: known }, flowFor);
    const found = anchorPages(pass.document, pageMemo(env));
    if (sameNumbers(found, known, sections)) return report(pass, ctx, theme.paragraph.maxWordSpace, pageMemo(env));
    known = found;
  }
  ctx.diag.push(tocUnstable(MAX_PASSES));
  return report(pass!, ctx, theme.paragraph.maxWordSpace, pageMemo(env));
}

/** Reads kept with a page object when flow keeps layout parts (a page taken from an earlier layout is read once). */
function pageMemo(env: FlowEnv): PageMemo | undefined {
  const cache = env.sections;
  return cache && ((page, what, read) => cache.ofObject(what, page, '', read));
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, sections: readonly StyledSection[]): boolean {
  return sections.every((s) => a.get(s.id) === b.get(s.id));
}

function report(pass: PaginateResult, ctx: { readonly diag: DiagnosticSink }, maxSpace = DEFAULT_MAX_WORD_SPACE, memo?: PageMemo): PagedDocument {
  for (const w of pass.warnings) ctx.diag.push(w);
  for (const w of looseLines(pass.document, maxSpace, memo)) ctx.diag.push(w);
  return pass.document;
}

/** Word spaces a justified line may reach before it is reported, in normal spaces, unless the template says. */
const DEFAULT_MAX_WORD_SPACE = 2.5;

/** One warning per justified line whose word spaces exceed `max` × the normal space, at its paragraph's source. */
export function looseLines(doc: PagedDocument, max: number, memo: PageMemo = (_p, _w, read) => read()): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of doc.pages) {
    out.push(...memo(p, `loose ${max}`, () => p.items.flatMap((it) => (it.kind === 'glyphs' && it.line?.spaceRatio !== undefined && it.line.spaceRatio > max ? [looseLine(it.line.spaceRatio, max, it.source)] : []))));
  }
  return out;
}
