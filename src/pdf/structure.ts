/**
 * The tagged PDF's logical structure, planned from the pages' item tags before anything is drawn (no pdfkit
 * here): the element tree in content order, and per page the marked-content sequences to wrap around items
 * (an MCID for content, an Artifact for furniture and decoration) and the elements of its link annotations.
 * Consecutive painted items of one element share a sequence; every painted item is in exactly one sequence.
 */
import { compareOrder, isContent } from '../model/tags.ts';
import type { FrameItem, ItemTag, Page, StructNode, StructRole } from '../model/types.ts';

/** One structure element; kids are in content order once the plan is built. */
export interface StructElem {
  /** A Link left without an annotation (the print variant draws none) becomes a Span when the plan settles. */
  role: StructRole | 'Document';
  readonly node?: StructNode;
  readonly kids: StructKid[];
  /** Smallest content-order key below it (its place among its siblings). */
  order: readonly number[] | null;
  /** Creation sequence, the tie-break for equal orders. */
  readonly seq: number;
  /** Figures: the page and top-left box [x0, y0, x1, y1] of what they draw (for the /Layout /BBox attribute). */
  bbox?: { readonly page: number; box: number[] };
}

/** A child of an element: an element, a marked-content sequence or a link annotation. */
export type StructKid =
  | { readonly kind: 'elem'; readonly elem: StructElem }
  | { readonly kind: 'mcid'; readonly page: number; readonly mcid: number; readonly order: readonly number[] }
  | { readonly kind: 'annot'; readonly page: number; readonly item: number; readonly order: readonly number[] };

/** How a run of items is marked: content of an element (with its MCID) or an artifact. */
export type Mark =
  | { readonly mcid: number; readonly elem: StructElem }
  | { readonly artifact: 'Pagination' | 'Layout' | 'Background'; readonly subtype?: 'Header' | 'Footer'; readonly bbox?: readonly [number, number, number, number] };

/** Items [from, to) of a page drawn inside one marked-content sequence. */
export interface MarkGroup {
  readonly from: number;
  readonly to: number;
  readonly mark: Mark;
}

/** What the writer needs per page. */
export interface PageMarks {
  readonly groups: readonly MarkGroup[];
  /** Element owning the MCID at each index (the page's ParentTree entry). */
  readonly mcids: readonly StructElem[];
  /** Index of a link/goto item or a linked glyph run → its Link element (OBJR + StructParent). */
  readonly annots: ReadonlyMap<number, StructElem>;
}

export interface StructurePlan {
  readonly root: StructElem;
  readonly pages: readonly PageMarks[];
}

const PAINTED: ReadonlySet<FrameItem['kind']> = new Set(['glyphs', 'rect', 'rule', 'image', 'svg', 'chart']);
type ArtifactTag = Extract<ItemTag, { artifact: unknown }>;
/** What an item without a tag is: decoration. */
const UNTAGGED: ArtifactTag = { artifact: 'Layout' };

/** Plans the structure tree and the marked-content sequences of every page. */
export function planStructure(pages: readonly Page[]): StructurePlan {
  let seq = 0;
  const root: StructElem = { role: 'Document', kids: [], order: null, seq: seq++ };
  // each element's children by role and key (a trie: no key of the whole path is built for every sequence)
  const children = new Map<StructElem, Map<string, StructElem>>();
  const elemFor = (path: readonly StructNode[]): StructElem => {
    let parent = root;
    for (const n of path) {
      let byKey = children.get(parent);
      if (!byKey) children.set(parent, (byKey = new Map()));
      const k = `${n.role}:${n.key}`;
      let e = byKey.get(k);
      if (!e) {
        e = { role: n.role, node: n, kids: [], order: null, seq: seq++ };
        byKey.set(k, e);
        parent.kids.push({ kind: 'elem', elem: e });
      }
      parent = e;
    }
    return parent;
  };
  const out = pages.map((page, p) => planPage(page, p, elemFor));
  settle(root);
  return { root, pages: out };
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

function planPage(page: Page, p: number, elemFor: (path: readonly StructNode[]) => StructElem): PageMarks {
  const groups: MarkGroup[] = [];
  const mcids: StructElem[] = [];
  const annots = new Map<number, StructElem>();
  let open: { from: number; to: number; tag: ItemTag; last: ItemTag; elem?: StructElem; boxes: number[][] } | null = null;
  const close = () => {
    if (!open) return;
    const { from, to, tag, elem } = open;
    if (elem) {
      const mcid = mcids.length;
      mcids.push(elem);
      elem.kids.push({ kind: 'mcid', page: p, mcid, order: isContent(tag) ? tag.order : [] });
      groups.push({ from, to, mark: { mcid, elem } });
      if (elem.role === 'Figure') figureBox(elem, p, page.items.slice(from, to));
    } else {
      const a = tag as ArtifactTag;
      const bbox = a.artifact === 'Background' ? union(open.boxes, page.heightPt) : undefined;
      groups.push({ from, to, mark: { artifact: bbox ? 'Background' : a.artifact === 'Background' ? 'Layout' : a.artifact, ...(a.subtype && { subtype: a.subtype }), ...(bbox && { bbox }) } });
    }
    open = null;
  };
  // a sequence never crosses from the page's furniture into its content or back: each part is its own stream
  const parts = partStarts(page);
  page.items.forEach((item, i) => {
    if (parts.has(i)) close();
    const tag = item.tag ?? UNTAGGED;
    if (item.kind === 'link' || item.kind === 'goto') {
      if (isContent(tag)) {
        const elem = elemFor(tag.path);
        elem.kids.push({ kind: 'annot', page: p, item: i, order: tag.order });
        annots.set(i, elem);
      }
      return;
    }
    if (!PAINTED.has(item.kind)) return;
    // a linked glyph run also draws its link annotation, an object of its Link element
    if (item.kind === 'glyphs' && item.link && isContent(tag)) {
      const elem = elemFor(tag.path);
      elem.kids.push({ kind: 'annot', page: p, item: i, order: tag.order });
      annots.set(i, elem);
    }
    // an item joins the open sequence if it belongs to the same element and comes later in the content
    // (a sequence is read in drawing order)
    const later = !isContent(tag) || !open || !isContent(open.last) || compareOrder(open.last.order, tag.order) <= 0;
    if (open && later && sameKey(open.tag, tag)) {
      open.to = i + 1;
      open.last = tag;
    } else {
      close();
      open = { from: i, to: i + 1, tag, last: tag, boxes: [], ...(isContent(tag) && { elem: elemFor(tag.path) }) };
    }
    const b = boxOf(item);
    if (b) open.boxes.push(b);
  });
  close();
  return { groups, mcids, annots };
}

/** The page's parts as item ranges [from, to): head furniture, content, foot furniture (only the non-empty ones). */
export function pageParts(page: Page): [number, number][] {
  const n = page.items.length;
  const head = page.furniture?.head ?? 0;
  const foot = page.furniture?.foot ?? 0;
  const cuts = [0, head, n - foot, n];
  const out: [number, number][] = [];
  for (let k = 0; k < 3; k++) if (cuts[k + 1]! > cuts[k]! || (k === 0 && n === 0)) out.push([cuts[k]!, cuts[k + 1]!]);
  return out;
}

function partStarts(page: Page): Set<number> {
  return new Set(pageParts(page).map((p) => p[0]));
}

/** Sorts every element's kids into content order and sets each element's order (the smallest below it). */
function settle(e: StructElem): readonly number[] | null {
  const keyed = e.kids.map((k) => ({ k, order: k.kind === 'elem' ? settle(k.elem) : k.order, seq: k.kind === 'elem' ? k.elem.seq : -1 }));
  // at equal order a link annotation follows the text it covers
  const late = (k: StructKid) => (k.kind === 'annot' ? 1 : 0);
  keyed.sort((a, b) => compareOrder(a.order ?? [], b.order ?? []) || late(a.k) - late(b.k));
  // in place (a spread of thousands of kids into splice was a good part of settling the root)
  for (let i = 0; i < keyed.length; i++) e.kids[i] = keyed[i]!.k;
  e.order = keyed.find((x) => x.order)?.order ?? null;
  if (e.role === 'Link' && !e.kids.some((k) => k.kind === 'annot')) e.role = 'Span';
  return e.order;
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
