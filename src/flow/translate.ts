import type { FrameItem } from '../pages/types.ts';
import type { Line } from '../text/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Moves a frame item by (dx, dy); boxes are composed at the origin and placed with this. */
export function translateItem(item: FrameItem, dx: Pt, dy: Pt): FrameItem {
  switch (item.kind) {
    case 'rule':
      return { ...item, x1: item.x1 + dx, y1: item.y1 + dy, x2: item.x2 + dx, y2: item.y2 + dy };
    case 'anchor':
      return { ...item, y: item.y + dy };
    default:
      return { ...item, x: item.x + dx, y: item.y + dy };
  }
}

/** Turns a set line whose top is at (x, top) into glyph items (rise applied) plus link areas. */
export function lineItems(line: Line, x: Pt, top: Pt): FrameItem[] {
  const baseline = top + line.ascentPt;
  const out: FrameItem[] = [];
  for (const run of line.runs) {
    if (run.text.length === 0) continue;
    out.push({
      kind: 'glyphs',
      x: x + run.xPt,
      y: baseline - (run.risePt ?? 0),
      text: run.text,
      font: run.font,
      sizePt: run.sizePt,
      color: run.color,
      features: run.features,
      wordSpacingPt: run.wordSpacingPt,
      widthPt: run.widthPt,
      ...(run.link ? { link: run.link } : {}),
    });
    if (run.link) out.push({ kind: 'link', x: x + run.xPt, y: top, width: run.widthPt, height: line.heightPt, url: run.link });
  }
  return out;
}

/** Lines stacked from `top` at x; returns the items and the total height. */
export function stackLines(lines: readonly Line[], x: Pt, top: Pt): { items: FrameItem[]; heightPt: Pt } {
  const items: FrameItem[] = [];
  let y = top;
  for (const l of lines) {
    items.push(...lineItems(l, x, y));
    y += l.heightPt;
  }
  return { items, heightPt: y - top };
}
