import { textAreaFor } from '../flow/index.ts';
import type { LayoutEnv } from '../flow/types.ts';
import { drawElements, type SlotValues, type TagElement } from './elements.ts';
import { MASTER_COVER } from './masters.ts';
import type { ReportInfo } from './types.ts';
import { asArtifact, content, node, within } from '../model/tags.ts';
import type { Page } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** The cover's structure element, before the contents (-1) and the sections (0…). */
const COVER = node('Sect', 'cover');
const COVER_ORDER = -2;

/** The report's metadata as text-element slots: {title}, {subtitle}, {organisation}, {author}, {date}, {year}. */
export function metaSlots(meta: ReportInfo): SlotValues {
  return { title: meta.title, subtitle: meta.subtitle, organisation: meta.organisation, author: meta.author, date: meta.dateText, year: meta.date.slice(0, 4) };
}

/**
 * Structure of the cover: the element that shows the report title ("{title}") is the document's only H1, other
 * texts are paragraphs in the template's order, rectangles, rules and images are background artifacts.
 */
const tagCover: TagElement = (e, i, items) => {
  if (e.type !== 'text') return asArtifact(items, 'Background');
  const role = e.text.trim() === '{title}' ? 'H1' : 'P';
  return within(items, content([COVER, node(role, `e${i}`)], [COVER_ORDER, i]));
};

/** Page 1 (unnumbered): the template's `cover` elements, laid out on a right-hand page's text area. */
export function coverPage(theme: ResolvedTheme, env: LayoutEnv, meta: ReportInfo): Page {
  const geometry = { widthPt: theme.page.width, heightPt: theme.page.height, number: null, master: MASTER_COVER, textArea: textAreaFor(theme, 1) };
  return { ...geometry, items: drawElements(theme.cover, geometry, theme, env, metaSlots(meta), tagCover) };
}
