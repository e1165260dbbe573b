/**
 * One page's part of the structure plan (structure.ts planStructure): its marked-content sequences, MCIDs and link
 * annotations, and the element kids they add, part by part (head furniture, content, foot: a sequence never crosses
 * parts, each is its own stream). No pdfkit here. (Keeping what planning a part did by its content key and replaying
 * it was tried: on the 10× report it took as long as planning, ≈ 6 ms, since finding the key walks the items too.)
 */
import { compareOrder, isContent, type ContentTag } from '../model/tags.ts';
import type { FrameItem, ItemTag, Page, StructNode } from '../model/types.ts';
import type { Mark, MarkGroup, PageMarks, StructElem } from './structure.ts';

/** Where a part's planning goes: the page's marks as they grow, the page's index, the element lookup. */
export interface PageBuild {
  readonly page: Page;
  readonly p: number;
  readonly elemFor: (path: readonly StructNode[]) => StructElem;
  readonly groups: MarkGroup[];
  readonly mcids: StructElem[];
  readonly annots: Map<number, StructElem>;
}

const PAINTED: ReadonlySet<FrameItem['kind']> = new Set(['glyphs', 'rect', 'rule', 'image', 'svg', 'chart']);
type ArtifactTag = Extract<ItemTag, { artifact: unknown }>;
/** What an item without a tag is: decoration. */
const UNTAGGED: ArtifactTag = { artifact: 'Layout' };

/** A new page's marks, empty. */
export function startPage(page: Page, p: number, elemFor: PageBuild['elemFor']): PageBuild {
  return { page, p, elemFor, groups: [], mcids: [], annots: new Map() };
}

export function pageMarks(b: PageBuild): PageMarks {
  return { groups: b.groups, mcids: b.mcids, annots: b.annots };
}

/** Adds a link annotation of item `i` to its Link element. */
function annot(b: PageBuild, i: number, tag: ContentTag): void {
  const elem = b.elemFor(tag.path);
  elem.kids.push({ kind: 'annot', page: b.p, item: i, order: tag.order });
  b.annots.set(i, elem);
}

/** Closes a content sequence of `elem` over items [from, to) with the order of its first item's tag. */
function mcid(b: PageBuild, from: number, to: number, elem: StructElem, order: readonly number[]): void {
  const id = b.mcids.length;
  b.mcids.push(elem);
  elem.kids.push({ kind: 'mcid', page: b.p, mcid: id, order });
  b.groups.push({ from, to, mark: { mcid: id, elem } });
  if (elem.role === 'Figure') figureBox(elem, b.p, b.page.items.slice(from, to));
}

/** Plans items [from, to) of the page. */
export function planPart(b: PageBuild, from: number, to: number): void {
  const { page } = b;
  let open: { from: number; to: number; tag: ItemTag; last: ItemTag; elem?: StructElem; boxes: number[][] } | null = null;
  const close = () => {
    if (!open) return;
    const { from: f, to: t, tag, elem } = open;
    if (elem) {
      mcid(b, f, t, elem, isContent(tag) ? tag.order : []);
    } else {
      const a = tag as ArtifactTag;
      const bbox = a.artifact === 'Background' ? union(open.boxes, page.heightPt) : undefined;
      const mark: Mark = { artifact: bbox ? 'Background' : a.artifact === 'Background' ? 'Layout' : a.artifact, ...(a.subtype && { subtype: a.subtype }), ...(bbox && { bbox }) };
      b.groups.push({ from: f, to: t, mark });
    }
    open = null;
  };
  for (let i = from; i < to; i++) {
    const item = page.items[i]!;
    const tag = item.tag ?? UNTAGGED;
    if (item.kind === 'link' || item.kind === 'goto') {
      if (isContent(tag)) annot(b, i, tag);
      continue;
    }
    if (!PAINTED.has(item.kind)) continue;
    // a linked glyph run also draws its link annotation, an object of its Link element
    if (item.kind === 'glyphs' && item.link && isContent(tag)) annot(b, i, tag);
    // an item joins the open sequence if it belongs to the same element and comes later in the content
    // (a sequence is read in drawing order)
    const later = !isContent(tag) || !open || !isContent(open.last) || compareOrder(open.last.order, tag.order) <= 0;
    if (open && later && sameKey(open.tag, tag)) {
      open.to = i + 1;
      open.last = tag;
    } else {
      close();
      open = { from: i, to: i + 1, tag, last: tag, boxes: [] };
      if (isContent(tag)) open.elem = b.elemFor(tag.path);
    }
    const box = boxOf(item);
    if (box) open.boxes.push(box);
  }
  close();
}

/** Whether two paths name the same element: node by node the same object or the same role and key. */
function samePath(p: readonly StructNode[], q: readonly StructNode[]): boolean {
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i] && (p[i]!.role !== q[i]!.role || p[i]!.key !== q[i]!.key)) return false;
  return true;
}

/**
 * Whether two items' tags name the same element (node by node the same role and key, as elemFor finds elements).
 * Every item has a path array of its own: equal roles and keys node by node, without building keys.
 */
function sameKey(a: ItemTag, b: ItemTag): boolean {
  if (!isContent(a) || !isContent(b)) return !isContent(a) && !isContent(b) && a.artifact === b.artifact && (a.subtype ?? '') === (b.subtype ?? '');
  return samePath(a.path, b.path);
}

/** Top-left box [x0, y0, x1, y1] of a painted rect or rule. */
function boxOf(item: FrameItem): number[] | null {
  if (item.kind === 'rect') return [item.x, item.y, item.x + item.width, item.y + item.height];
  if (item.kind === 'rule') return [Math.min(item.x1, item.x2), Math.min(item.y1, item.y2), Math.max(item.x1, item.x2), Math.max(item.y1, item.y2)];
  return null;
}

/**
 * Grows a Figure's box by the charts, images and SVGs it draws on page `p` (a figure is never split, so its
 * first page is its only one; a print bleed counts as drawn).
 */
function figureBox(elem: StructElem, p: number, items: readonly FrameItem[]): void {
  for (const it of items) {
    if (it.kind !== 'chart' && it.kind !== 'image' && it.kind !== 'svg') continue;
    const e = ('bleed' in it && it.bleed) || { left: 0, top: 0, right: 0, bottom: 0 };
    const b = [it.x - e.left, it.y - e.top, it.x + it.width + e.right, it.y + it.height + e.bottom];
    if (!elem.bbox) elem.bbox = { page: p, box: b };
    else if (elem.bbox.page === p) elem.bbox.box = [Math.min(elem.bbox.box[0]!, b[0]!), Math.min(elem.bbox.box[1]!, b[1]!), Math.max(elem.bbox.box[2]!, b[2]!), Math.max(elem.bbox.box[3]!, b[3]!)];
  }
}

/** Union of top-left boxes in PDF user space (y up), or undefined when nothing has a box. */
function union(boxes: readonly number[][], pageHeight: number): [number, number, number, number] | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b[0]!));
  const y0 = Math.min(...boxes.map((b) => b[1]!));
  const x1 = Math.max(...boxes.map((b) => b[2]!));
  const y1 = Math.max(...boxes.map((b) => b[3]!));
  return [x0, pageHeight - y1, x1, pageHeight - y0];
}
