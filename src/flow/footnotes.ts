import { within } from '../model/tags.ts';
import { stackLines } from './translate.ts';
import type { FootnoteBody } from './types.ts';
import type { FrameItem } from '../model/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Length of the short rule above a column's notes (a classic 1/3-column-ish separator, kept short). */
export const FOOTNOTE_RULE_LENGTH = 42;
/** Space between the rule and the first note. */
export const FOOTNOTE_RULE_GAP = 4;
/** Rule weight: hairline, as in most book typography. */
export const FOOTNOTE_RULE_WIDTH = 0.5;

/** Height the notes with these ids take at a column's bottom, including the gap and rule; 0 without notes. */
export function notesHeight(ids: readonly string[], notes: ReadonlyMap<string, FootnoteBody>, gapPt: Pt): Pt {
  if (ids.length === 0) return 0;
  let h = gapPt + FOOTNOTE_RULE_GAP;
  for (const id of ids) h += notes.get(id)?.heightPt ?? 0;
  return h;
}

/** Frame items of a column's notes, stacked so the last line ends at `bottom`; a short rule above them. */
export function footnoteItems(
  ids: readonly string[],
  notes: ReadonlyMap<string, FootnoteBody>,
  x: Pt,
  bottom: Pt,
  gapPt: Pt,
  ruleColor: string,
): FrameItem[] {
  if (ids.length === 0) return [];
  const top = bottom - notesHeight(ids, notes, gapPt) + gapPt;
  const out: FrameItem[] = [{ kind: 'rule', x1: x, y1: top, x2: x + FOOTNOTE_RULE_LENGTH, y2: top, color: ruleColor, widthPt: FOOTNOTE_RULE_WIDTH }];
  let y = top + FOOTNOTE_RULE_GAP;
  for (const id of ids) {
    const body = notes.get(id);
    if (!body) continue;
    if (body.anchor) out.push({ kind: 'anchor', name: body.anchor, y });
    const set = stackLines(body.lines, x, y);
    out.push(...(body.struct ? within(set.items, body.struct) : set.items));
    y += set.heightPt;
  }
  return out;
}
