/**
 * The tagged PDF's logical structure, planned from the pages' item tags before anything is drawn (no pdfkit
 * here): the element tree in content order, and per page the marked-content sequences to wrap around items
 * (an MCID for content, an Artifact for furniture and decoration) and the elements of its link annotations.
 * Consecutive painted items of one element share a sequence; every painted item is in exactly one sequence.
 */
import { compareOrder } from '../model/tags.ts';
import type { FrameItem, Page, StructNode, StructRole } from '../model/types.ts';
import { pageMarks, planPart, startPage } from './planPage.ts';

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

/** Plans the structure tree and the marked-content sequences of every page. */
export function planStructure(pages: readonly Page[]): StructurePlan {
  let seq = 0;
  const root: StructElem = { role: 'Document', kids: [], order: null, seq: seq++ };
  // each element's children by role and key (a trie: no key of the whole path is built for every sequence)
  const children = new Map<StructElem, Map<string, StructElem>>();
  // and by node object (a node is immutable, so the same object under the same parent is the same element): the
  // lines of a block share their path's nodes, and most lookups need no key built
  const byNode = new Map<StructElem, Map<StructNode, StructElem>>();
  const elemFor = (path: readonly StructNode[]): StructElem => {
    let parent = root;
    for (const n of path) {
      let nodes = byNode.get(parent);
      let e = nodes?.get(n);
      if (!e) {
        let byKey = children.get(parent);
        if (!byKey) children.set(parent, (byKey = new Map()));
        const k = `${n.role}:${n.key}`;
        e = byKey.get(k);
        if (!e) {
          e = { role: n.role, node: n, kids: [], order: null, seq: seq++ };
          byKey.set(k, e);
          parent.kids.push({ kind: 'elem', elem: e });
        }
        if (!nodes) byNode.set(parent, (nodes = new Map()));
        nodes.set(n, e);
      }
      parent = e;
    }
    return parent;
  };
  const out = pages.map((page, p) => {
    const b = startPage(page, p, elemFor);
    for (const [from, to] of pageParts(page)) planPart(b, from, to);
    return pageMarks(b);
  });
  settle(root);
  return { root, pages: out };
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

/** Content order of two kids: by order, and at equal order a link annotation follows the text it covers. */
function kidOrder(a: StructKid, ao: readonly number[] | null, b: StructKid, bo: readonly number[] | null): number {
  return compareOrder(ao ?? [], bo ?? []) || (a.kind === 'annot' ? 1 : 0) - (b.kind === 'annot' ? 1 : 0);
}

/**
 * Sorts every element's kids into content order (a stable sort) and sets each element's order (the smallest below
 * it). Kids are almost always made in content order already, and a stable sort of a sorted list leaves it as it is:
 * a list found in order is not sorted (sorting every list with its keys was most of planning a watcher's rebuild).
 */
function settle(e: StructElem): readonly number[] | null {
  const kids = e.kids;
  const orders: (readonly number[] | null)[] = new Array(kids.length);
  let sorted = true;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    orders[i] = k.kind === 'elem' ? settle(k.elem) : k.order;
    if (sorted && i > 0 && kidOrder(kids[i - 1]!, orders[i - 1]!, k, orders[i]!) > 0) sorted = false;
  }
  if (!sorted) {
    const idx = kids.map((_, i) => i);
    idx.sort((a, b) => kidOrder(kids[a]!, orders[a]!, kids[b]!, orders[b]!));
    const was = [...kids];
    const wasOrders = [...orders];
    // in place (a spread of thousands of kids into splice was a good part of settling the root)
    for (let i = 0; i < idx.length; i++) {
      kids[i] = was[idx[i]!]!;
      orders[i] = wasOrders[idx[i]!]!;
    }
  }
  e.order = orders.find((o) => o) ?? null;
  if (e.role === 'Link' && !kids.some((k) => k.kind === 'annot')) e.role = 'Span';
  return e.order;
}
