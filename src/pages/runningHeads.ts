import type { LayoutEnv } from '../flow/types.ts';
import { metaSlots } from './cover.ts';
import { drawElements, type TagElement } from './elements.ts';
import type { ReportInfo } from './types.ts';
import { asArtifact } from '../model/tags.ts';
import type { FrameItem, Page } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/**
 * The template's `furniture` elements of a numbered page (running heads, rules, folio, foot text, decoration),
 * with the section's title in {sectionTitle} and the page number in {page}. Nothing for unnumbered pages.
 * All of it is artifact: pagination header above the text area, footer below it, background otherwise.
 */
export function pageFurniture(page: Page, sectionTitle: string, theme: ResolvedTheme, env: LayoutEnv, meta: ReportInfo): FrameItem[] {
  if (page.number === null) return [];
  const a = page.textArea;
  const tag: TagElement = (_e, _i, items) =>
    items.map((it) => {
      const y = it.kind === 'rule' ? Math.min(it.y1, it.y2) : 'y' in it ? it.y : a.y;
      const h = it.kind === 'rect' || it.kind === 'image' || it.kind === 'svg' ? it.height : 0;
      if (y + h <= a.y) return asArtifact([it], 'Pagination', 'Header')[0]!;
      if (y >= a.y + a.height) return asArtifact([it], 'Pagination', 'Footer')[0]!;
      return asArtifact([it], 'Background')[0]!;
    });
  return drawElements(theme.furniture, page, theme, env, { ...metaSlots(meta), sectionTitle, page: String(page.number) }, tag);
}
