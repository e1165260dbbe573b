import type { SourceSpan } from '../diag/types.ts';
import type { FrameItem, LineTag } from '../model/types.ts';
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

/** Where a flow line sits in its paragraph, and its source: added to the line's tag and glyph runs. */
export interface FlowLineTag {
  readonly para: number;
  readonly index: number;
  readonly count: number;
  readonly source?: SourceSpan;
}

/**
 * Turns a set line whose top is at (x, top) into glyph items (rise applied) plus link areas. The first glyph run
 * carries the line's LineTag (typographic report); `flow` adds its paragraph position and source.
 */
export function lineItems(line: Line, x: Pt, top: Pt, flow?: FlowLineTag): FrameItem[] {
  const baseline = top + line.ascentPt;
  const out: FrameItem[] = [];
  let tagged = false;
  for (const run of line.runs) {
    if (run.text.length === 0) continue;
    const tag: LineTag | undefined = tagged
      ? undefined
      : {
          hyphenated: line.hyphenated, overfull: line.overfull === true, offsetPt: run.xPt,
          ...(line.spaceRatio !== undefined && { spaceRatio: line.spaceRatio }),
          ...(flow && { para: flow.para, index: flow.index, count: flow.count }),
        };
    tagged = true;
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
      ...(run.scale !== undefined && { scale: run.scale }),
      ...(run.letterSpacingPt && { letterSpacingPt: run.letterSpacingPt }),
      ...(run.link ? { link: run.link } : {}),
      ...(flow?.source && { source: flow.source }),
      ...(tag && { line: tag }),
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
