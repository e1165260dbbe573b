/**
 * Structure roles of a section's blocks for the tagged PDF. Every block is one element of its section, keyed and
 * ordered by its index among the section's blocks (its place in the content), so a float sits in the tree where it
 * was written, not where it landed. Composers tag the parts inside a block relative to this element.
 */
import { content, node, type ContentTag } from '../model/tags.ts';
import type { StructRole } from '../model/types.ts';
import type { Block } from '../style/types.ts';

/** Element of each block kind. Fact boxes and key figures are Divs with their own H3 (PDF 1.7 has no Aside). */
const ROLE: Readonly<Record<Block['kind'], StructRole>> = {
  paragraph: 'P',
  heading: 'H3',
  quote: 'BlockQuote',
  facts: 'Div',
  keyFigure: 'Div',
  list: 'L',
  video: 'P',
  // a Div holding the Figure and its Caption: a Figure's own children are hidden behind its /Alt
  chart: 'Div',
  image: 'Div',
  table: 'Table',
  signature: 'Div',
};

/** Content position of the opener (kicker, title, lead): before the first block. */
export const OPENER_ORDER = -1;
/** A note sorts after every part of the block that references it. */
const AFTER_BLOCK = 1e6;

/** The element of block `index` of a section; a block in another language than the report's has its /Lang. */
export function blockTag(kind: Block['kind'], index: number, lang?: string): ContentTag {
  return content([node(ROLE[kind], `b${index}`, lang ? { lang } : {})], [index]);
}

/** A footnote's Note element, with a document-wide ID, right after block `at` (OPENER_ORDER: the lead). */
export function noteTag(sectionId: string, noteId: string, at: number): ContentTag {
  return content([node('Note', `n:${noteId}`, { id: `${sectionId}-fn-${noteId}` })], [at, AFTER_BLOCK]);
}

/** Name of the destination at heading block `index` of a section (its outline entry). */
export function headingAnchor(sectionId: string | undefined, index: number): string {
  return `${sectionId ?? ''}.h${index}`;
}

/** The section element itself, in section order (the cover and contents come before 0); /Lang for one in another language. */
export function sectionTag(sectionId: string, index: number, lang?: string): ContentTag {
  return content([node('Sect', `s:${sectionId}`, lang ? { lang } : {})], [index]);
}
