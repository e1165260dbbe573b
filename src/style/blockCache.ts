/**
 * Styled blocks kept per session: an edit to one paragraph restyles its section, and with this only that
 * paragraph's block is styled again; the others are the kept objects (so flow, which keys composed boxes by the
 * key noted here, finds them without serialising them). A block's entry is keyed by what styling it reads besides
 * the footnote numbers: the section's scope (template, fonts, language; the section's kind, language and columns),
 * the bound block, whether it is indented, its label and anchor, and the chart or image it places. Footnote numbers
 * depend on the blocks before it, so the entry lists the notes its styling numbered with the numbers they got, and is
 * a hit only when numbering them again (in the same order, with the same effects) gives the same numbers.
 */
import type { BoundBlock } from '../bind/types.ts';
import { keyOf, type ContentKeys } from '../util/contentKeys.ts';
import type { FootnoteNumberer } from './inline.ts';
import type { Block } from './types.ts';

/** A styled block and the footnotes its styling numbered, in order, with their numbers. */
export interface StyledBlockEntry {
  readonly block: Block;
  readonly notes: readonly (readonly [string, number | null])[];
  /** The block's content key (noted for flow on every hit). */
  readonly key: string;
}

/** Most blocks a session keeps: every block of a few versions of a 10× report. */
const MAX_ENTRIES = 20_000;

/** Styles a block through the session's entries; `content` is the JSON of everything but the bound block it reads. */
export type BlockStyler = (b: BoundBlock, content: string, footnote: FootnoteNumberer, style: (footnote: FootnoteNumberer) => Block) => Block;

/** A styler for one section: `scope` keys the section's shared inputs; without entries every block is styled. */
export function blockStyler(entries: Map<string, StyledBlockEntry> | undefined, scope: string | undefined, keys?: ContentKeys): BlockStyler {
  return (b, content, footnote, style) => {
    if (!entries || scope === undefined) return style(footnote);
    const key = keyOf('block', scope, JSON.stringify(b), content);
    const hit = entries.get(key);
    if (hit && hit.notes.every(([id, n]) => (footnote(id) ?? null) === n)) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      keys?.set(hit.block, hit.key);
      return hit.block;
    }
    const notes: [string, number | null][] = [];
    const block = style((id) => {
      const n = footnote(id);
      notes.push([id, n ?? null]);
      return n;
    });
    // the block's content key: its entry's key and the numbers its notes got
    const entry = { block, notes, key: keyOf(key, JSON.stringify(notes)) };
    entries.set(key, entry);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    keys?.set(block, entry.key);
    return block;
  };
}
