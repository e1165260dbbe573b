import { textAreaFor } from '../flow/index.ts';
import type { PageFrame } from '../flow/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { FrameItem, Page } from '../model/types.ts';

/** Master names: cover and toc here; opener, body, foreword, appendix, colophon come from flow. */
export const MASTER_COVER = 'cover';
/** Master of the table-of-contents pages. */
export const MASTER_TOC = 'toc';

/** An empty page of the given number and master, text area from the theme (inner margin on the binding side). */
export function blankPage(theme: ResolvedTheme, number: number, master: string, items: readonly FrameItem[] = []): Page {
  return { widthPt: theme.page.width, heightPt: theme.page.height, number, master, textArea: textAreaFor(theme, number), items };
}

/** A flowed frame as a page; items keep the frame's (content) order. */
export function frameToPage(theme: ResolvedTheme, frame: PageFrame): Page {
  return { ...blankPage(theme, frame.number, frame.master, frame.items.map((p) => p.item)), textArea: frame.textArea };
}
