import type { FlowItem } from './types.ts';

/** Lines a paragraph keeps together at the bottom (orphans) and top (widows) of a column. */
export const MIN_LINES = 2;

/**
 * Whether a column may end just before items[i]: never after a keep-with-next item (headings, table headers),
 * never fewer than 2 lines after a heading, and never leaving fewer than 2 lines of a paragraph on either side.
 * Returns the rule a forced break would violate, or null when the break is clean.
 */
export function breakViolation(items: readonly FlowItem[], i: number, columnStart = 0): string | null {
  // a break before the column's first item repeats the previous column's break, already checked there
  if (i <= 0 || i >= items.length || i === columnStart) return null;
  const prev = items[i - 1]!;
  const cur = items[i]!;
  if (prev.keepWithNext) return 'a heading, table header or signature separated from what follows';
  const before = items[i - 2];
  if (before?.keepWithNext && before.kind === 'line' && prev.kind === 'line') return 'a heading with a single line after it';
  if (prev.kind === 'line' && cur.kind === 'line' && prev.para === cur.para) {
    // lines of this paragraph in the current column (it may have started in the previous one)
    const head = items[columnStart];
    const first = head?.kind === 'line' && head.para === cur.para ? head.index : 0;
    if (cur.index - first < MIN_LINES) return 'an orphan (one line at the bottom of a column)';
    if (cur.count - cur.index < MIN_LINES) return 'a widow (one line at the top of a column)';
  }
  if (prev.kind === 'block' && cur.kind === 'block' && prev.table && cur.table && prev.table.id === cur.table.id && cur.table.row >= 1) {
    if (cur.table.whole) return 'a short table split between columns';
    // like lines: at least two body rows on each side of a table break
    const head = items[columnStart];
    const first = head?.kind === 'block' && head.table?.id === cur.table.id ? Math.max(head.table.row, 1) : 1;
    if (cur.table.row - first < MIN_LINES) return 'a single table row at the bottom of a column';
    if (cur.table.rows - cur.table.row + 1 < MIN_LINES) return 'a single table row at the top of a column';
  }
  return null;
}

/** True when a column may end before items[i] without breaking a typographic rule. */
export function canBreakBefore(items: readonly FlowItem[], i: number, columnStart = 0): boolean {
  return breakViolation(items, i, columnStart) === null;
}
