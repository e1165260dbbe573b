import { headingAnchor } from '../flow/index.ts';
import type { FlowEnv, PageFrame } from '../flow/types.ts';
import { frameToPage } from './masters.ts';
import { pageFurniture } from './runningHeads.ts';
import { metaSlots } from './cover.ts';
import { TOC_ANCHOR } from './toc.ts';
import type { ReportInfo } from './types.ts';
import type { FrameItem, OutlineEntry, Page, PagedDocument } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';

/** What finalizePages assembles: the cover, the TOC pages and the flowed body frames, in page order. */
export interface PageParts {
  readonly cover: Page;
  readonly toc: readonly Page[];
  readonly frames: readonly PageFrame[];
}

/**
 * Assembles the PagedDocument: adds running heads, rules, folios and foot text to every numbered page,
 * builds the outline (contents, then one entry per section) and the document metadata.
 */
export function finalizePages(parts: PageParts, sections: readonly StyledSection[], theme: ResolvedTheme, env: FlowEnv, meta: ReportInfo): PagedDocument {
  const contents = theme.words.contents;
  // In reading order: what starts above the foot of the text area (running heads, sidebars and other backgrounds)
  // before the page's content, what lies below it (foot text, folio) after.
  const slots = metaSlots(meta);
  const withFurniture = (page: Page, title: string, bodyKey: string | undefined): Page => {
    // kept by what it is drawn from: the page's geometry and number, the running title and the report's metadata
    const geometry = [page.widthPt, page.heightPt, page.number, page.master, page.textArea];
    const furniture = kept(env, 'furniture', [geometry, title, slots], () => pageFurniture(page, title, theme, env, meta));
    const foot = page.textArea.y + page.textArea.height;
    const below = (i: FrameItem) => (i.kind === 'rule' ? Math.min(i.y1, i.y2) : 'y' in i ? i.y : 0) > foot;
    const above = furniture.filter((i) => !below(i));
    const under = furniture.filter(below);
    const out: Page = { ...page, items: [...above, ...page.items, ...under], furniture: { head: above.length, foot: under.length } };
    // the parts' content keys (pdf/partKeys.ts hashes no items for them): head and foot are split from the kept
    // furniture by the text area, which its key holds; the content is the items `bodyKey` names
    const fk = env.sections?.keyOf(furniture);
    env.sections?.notePage(out, [fk && `${fk}\u0000head`, bodyKey, fk && `${fk}\u0000foot`]);
    return out;
  };
  // a frame or TOC page kept from an earlier layout becomes the same finished page object again (kept with it)
  const slotsJson = JSON.stringify(slots);
  const finished = <T extends object>(o: T, make: () => Page): Page => (env.sections ? env.sections.ofObject('page', o, slotsJson, make) : make());
  // a TOC page's items are those of the kept TOC (its key) at its index; a frame's those its key names
  const tocKey = env.sections?.keyOf(parts.toc);
  const coverKey = env.sections?.keyOf(parts.cover);
  if (coverKey !== undefined) env.sections?.notePage(parts.cover, [undefined, coverKey, undefined]);
  const pages: Page[] = [
    parts.cover,
    ...parts.toc.map((p, i) => finished(p, () => withFurniture(p, contents, tocKey && `${tocKey}\u0000page ${i}`))),
    ...parts.frames.map((f) => finished(f, () => withFurniture(frameToPage(theme, f), f.runningTitle, env.sections?.keyOf(f)))),
  ];
  const outline: OutlineEntry[] = [
    { title: contents, dest: TOC_ANCHOR, children: [] },
    // one entry per section (H2), with its headings (H3) under it unless the template's outline depth is 1
    ...sections.map((s) => ({ title: s.title, dest: s.id, children: (theme.outlineDepth ?? 2) >= 2 ? (env.sections ? env.sections.ofSection('headings', s, () => headingEntries(s)) : headingEntries(s)) : [] })),
  ];
  return {
    pages,
    outline,
    meta: { title: meta.title, author: meta.author, subject: meta.subject, keywords: meta.keywords, language: meta.language, date: meta.date },
    fonts: theme.fonts,
  };
}

/**
 * `make()`, kept by `content` (everything it reads besides the template, fonts and hyphenation, which are the
 * section cache's scope) when flow has a section cache; else made every time.
 */
export function kept<T>(env: FlowEnv, kind: string, content: unknown, make: () => T): T {
  return env.sections ? env.sections.part(kind, content, make) : make();
}

/** Outline entries of a section's heading blocks, at the anchors flow set on their first lines (an editor's id, else the block's own). */
function headingEntries(s: StyledSection): OutlineEntry[] {
  return s.blocks.flatMap((b, i) => (b.kind === 'heading' ? [{ title: b.para.runs.map((r) => r.text).join('').trim(), dest: b.anchor ?? headingAnchor(s.id, i), children: [] }] : []));
}

/** Reads something off one page, kept with the page when a memo is given (a page object is readonly). */
export type PageMemo = <T>(page: Page, what: string, read: () => T) => T;

/** Page number of every anchor (first occurrence), read back for the next pass's TOC; each page read once with `memo`. */
export function anchorPages(doc: PagedDocument, memo: PageMemo = (_p, _w, read) => read()): Map<string, number> {
  const out = new Map<string, number>();
  doc.pages.forEach((p, i) => {
    const names = memo(p, 'anchors', () => p.items.flatMap((it) => (it.kind === 'anchor' ? [it.name] : [])));
    for (const name of names) if (!out.has(name)) out.set(name, p.number ?? i + 1);
  });
  return out;
}
