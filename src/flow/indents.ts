import type { FlowItem } from './types.ts';
import type { PagePlan } from './sectionPages.ts';
import type { Block } from '../style/types.ts';

/**
 * The first-line indent rule on the page, not in the source: a paragraph is indented when the item set just
 * before it in reading order (the column above it, or the foot of the previous column) is a line of another
 * paragraph, and not after a heading, a float, a table or the opener. Style guesses from content order; a float
 * that moved to a later column, or one carried in above a paragraph, changes what precedes it.
 * Returns, per paragraph block whose indent is wrong, whether it should be indented (empty when all are right).
 */
export function misIndented(blocks: readonly Block[], items: readonly FlowItem[], plans: readonly PagePlan[]): Map<number, boolean> {
  const wrong = new Map<number, boolean>();
  let prev: FlowItem | undefined;
  const visit = (it: FlowItem | undefined) => {
    if (it?.kind === 'line' && it.index === 0 && it.paragraphBlock !== undefined) {
      const block = blocks[it.paragraphBlock];
      if (block?.kind === 'paragraph' && block.indentPt !== undefined) {
        const want = prev?.kind === 'line' && prev.paragraphBlock !== undefined && prev.paragraphBlock !== it.paragraphBlock;
        if (want !== block.para.firstLineIndentPt > 0) wrong.set(it.paragraphBlock, want);
      }
    }
    prev = it;
  };
  for (const plan of plans) {
    for (const s of plan.fill.spanning) visit(items[s.index]);
    for (const col of plan.fill.columns) {
      // a repeated table header is a table part: no paragraph is indented under it
      for (const p of col.placements) visit(p.box ? undefined : items[p.index]);
    }
  }
  return wrong;
}

/** The blocks with the indents `misIndented` asked for; unchanged blocks keep their identity (line caches). */
export function withIndents(blocks: readonly Block[], fix: ReadonlyMap<number, boolean>): Block[] {
  return blocks.map((b, i) => {
    const want = fix.get(i);
    if (want === undefined || b.kind !== 'paragraph') return b;
    return { ...b, para: { ...b.para, firstLineIndentPt: want ? (b.indentPt ?? 0) : 0 } };
  });
}
