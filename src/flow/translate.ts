import type { SourceSpan } from '../diag/types.ts';
import { content, node, type ContentTag } from '../model/tags.ts';
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
  /** Structure element and content order of the line's paragraph (tagged PDF). */
  readonly struct?: ContentTag;
}

/**
 * Turns a set line whose top is at (x, top) into glyph items (rise applied; a linked run draws its own link
 * annotation over its glyphs). The first glyph run
 * carries the line's LineTag (typographic report); `flow` adds its paragraph position and source.
 * Structure: runs are content ordered by (line `index`, run); a linked run is a Link element, a footnote
 * marker a Reference, a passage in another language a Span; `flow.struct` puts the line under its paragraph's element.
 */
export function lineItems(line: Line, x: Pt, top: Pt, flow?: FlowLineTag, index = flow?.index ?? 0): FrameItem[] {
  const baseline = top + line.ascentPt;
  const out: FrameItem[] = [];
  let tagged = false;
  const lastRun = line.runs.findLastIndex((run) => run.text.length > 0);
  for (const [r, run] of line.runs.entries()) {
    if (run.text.length === 0) continue;
    const tag: LineTag | undefined = tagged
      ? undefined
      : {
          hyphenated: line.hyphenated, overfull: line.overfull === true, offsetPt: run.xPt,
          ...(line.spaceRatio !== undefined && { spaceRatio: line.spaceRatio }),
          ...(flow && { para: flow.para, index: flow.index, count: flow.count }),
        };
    tagged = true;
    const own = run.link ? [node('Link', `l${index}r${r}`)] : run.footnoteId ? [node('Reference', `l${index}r${r}`)] : [];
    // An inline passage in another language is a Span with /Lang, one element for all its runs and lines: screen
    // readers and PDF/UA checkers (veraPDF, PAC) read a language from structure elements; a /Lang in a marked-content
    // property list is legal too (ISO 32000-1 14.9.2) but would nest a second sequence inside our one-per-item MCIDs,
    // and Acrobat's accessibility tree does not reliably expose it.
    const sub = run.passage ? [node('Span', `p${run.passage.id}`, { lang: run.passage.lang }), ...own] : own;
    // under the paragraph's element when flow gives one: the tag `within` would give, made once, not copied
    const outer = flow?.struct;
    const tagOf = () => (outer ? content([...outer.path, ...sub], [...outer.order, index, r]) : content(sub, [index, r]));
    out.push({
      kind: 'glyphs',
      tag: tagOf(),
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
      ...(run.link && !run.link.startsWith('#') ? { link: run.link } : {}),
      ...(flow?.source && { source: flow.source }),
      ...(tag && { line: tag }),
      ...(r === lastRun && line.end && { lineEnd: line.end }),
    });
    // "#id" is a page reference: a link inside the document to the anchor of that name, in the run's Link element
    if (run.link?.startsWith('#')) out.push({ kind: 'goto', x: x + run.xPt, y: top, width: run.widthPt, height: line.heightPt, dest: run.link.slice(1), label: run.text, tag: tagOf() });
  }
  return out;
}

/** Lines stacked from `top` at x; returns the items and the total height. */
export function stackLines(lines: readonly Line[], x: Pt, top: Pt): { items: FrameItem[]; heightPt: Pt } {
  const items: FrameItem[] = [];
  let y = top;
  for (const [i, l] of lines.entries()) {
    items.push(...lineItems(l, x, y, undefined, i));
    y += l.heightPt;
  }
  return { items, heightPt: y - top };
}
