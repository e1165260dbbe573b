/**
 * Every piece of pdfkit-internal knowledge the tagged PDF needs, written against pdfkit 0.20.2 (pinned) and
 * checked by tests that read the PDF back. pdfkit's own tagging API (`tagged: true`, doc.struct) cannot write an
 * IDTree, OBJRs for goTo links or link /Contents, so the structure tree is written here from a StructurePlan:
 * - marked content: raw `BDC`/`EMC` operators through doc.addContent, around whole page items;
 * - pages: the page dictionary (doc.page.dictionary.data) gets /StructParents and /Tabs /S;
 * - links: pdfkit passes unknown annotation options into the annotation dictionary, so /StructParent and
 *   /Contents go in as options; the annotation's reference is the last of doc.page.annotations;
 * - objects: doc.ref(data) + ref.end(); JS objects become dictionaries, strings names, String objects text
 *   strings (UTF-16 when needed); the catalog is doc._root.data and is written by doc.end(), which also ends
 *   the references in its /StructTreeRoot and /MarkInfo entries (so they are not ended here).
 */
import type { Mark, StructElem, StructKid, StructurePlan } from './structure.ts';

/** pdfkit's indirect object (PDFReference), as far as this module uses it. */
interface Ref {
  data: Record<string, unknown>;
  end(): void;
}
interface Internals {
  ref(data?: Record<string, unknown>): Ref;
  addContent(s: string): unknown;
  page: { dictionary: Ref; annotations: Ref[] };
  _root: Ref;
}
const internals = (doc: PDFKit.PDFDocument) => doc as unknown as Internals;
/** A page's reference, opaque outside this module. */
export type PageRef = object;

/** The current page's reference (its dictionary object), for /Pg entries. */
export function currentPageRef(doc: PDFKit.PDFDocument): Ref {
  return internals(doc).page.dictionary;
}

/** A PDF name token for a structure type or artifact type (all plain ASCII letters here). */
const name = (s: string) => `/${s.replace(/[^A-Za-z0-9]/g, '')}`;
const num = (n: number) => String(Math.round(n * 100) / 100);

/** Opens a marked-content sequence: `/P <</MCID 3>> BDC` or `/Artifact <</Type /Pagination …>> BDC`. */
export function beginMark(doc: PDFKit.PDFDocument, mark: Mark): void {
  if ('mcid' in mark) {
    internals(doc).addContent(`${name(mark.elem.role)} <</MCID ${mark.mcid}>> BDC`);
    return;
  }
  const props = [`/Type ${name(mark.artifact)}`];
  if (mark.subtype) props.push(`/Subtype ${name(mark.subtype)}`);
  if (mark.bbox) props.push(`/BBox [${mark.bbox.map(num).join(' ')}]`);
  internals(doc).addContent(`/Artifact <<${props.join(' ')}>> BDC`);
}

export function endMark(doc: PDFKit.PDFDocument): void {
  internals(doc).addContent('EMC');
}

/** A page's top-left box [x0, y0, x1, y1] → [llx, lly, urx, ury] in that page's PDF user space. */
export type BoxOnPage = (page: number, box: readonly number[]) => number[];

/** The ParentTree keys: one per page with marked content, then one per link annotation. */
export class StructParents {
  private next = 0;
  /** Page index → key. */
  readonly pages = new Map<number, number>();
  /** Key → the annotation's Link element. */
  readonly annotKeys = new Map<number, StructElem>();
  /** "page:item" → the annotation's reference. */
  readonly annotRefs = new Map<string, Ref>();

  /** Sets the current page's /StructParents (pages with MCIDs). */
  page(doc: PDFKit.PDFDocument, pageIndex: number): void {
    const key = this.next++;
    this.pages.set(pageIndex, key);
    internals(doc).page.dictionary.data.StructParents = key;
  }

  /**
   * Draws link annotation `item` of page `pageIndex` with `draw(options)`: /StructParent ties it to its Link
   * element (OBJR), /Contents names its target; the page gets /Tabs /S (tab order follows the structure).
   */
  link(doc: PDFKit.PDFDocument, pageIndex: number, item: number, elem: StructElem | undefined, contents: string, draw: (options: object) => void): void {
    const key = elem ? this.next++ : undefined;
    draw({ Contents: new String(contents), ...(key !== undefined && { StructParent: key }) });
    const page = internals(doc).page;
    page.dictionary.data.Tabs = 'S';
    if (key === undefined || !elem) return;
    this.annotKeys.set(key, elem);
    this.annotRefs.set(`${pageIndex}:${item}`, page.annotations[page.annotations.length - 1]!);
  }

  get nextKey(): number {
    return this.next;
  }
}

/**
 * Writes the structure tree (StructTreeRoot, one StructElem per element, ParentTree, IDTree) and marks the
 * catalog (/MarkInfo /Marked true). Call after the last page is drawn, before doc.end(); `pageRefs` holds each
 * page's reference, collected while drawing.
 */
export function writeStructTree(doc: PDFKit.PDFDocument, plan: StructurePlan, parents: StructParents, pageRefs: readonly PageRef[], toPdfBox: BoxOnPage = (_p, b) => [...b]): void {
  const d = internals(doc);
  const treeRoot = d.ref({ Type: 'StructTreeRoot' });
  const raw = rawWriter(treeRoot);
  const refs = new Map<StructElem, Ref>();
  const parentRef = new Map<StructElem, Ref>();
  const all: StructElem[] = [];
  const collect = (e: StructElem, parent: Ref) => {
    const ref = d.ref({});
    refs.set(e, ref);
    parentRef.set(e, parent);
    all.push(e);
    for (const k of e.kids) if (k.kind === 'elem') collect(k.elem, ref);
  };
  collect(plan.root, treeRoot);
  const ids: [string, Ref][] = [];
  for (const e of all) {
    const ref = refs.get(e)!;
    const page = firstPageOf(e);
    const kids = e.kids.map((k) => kidObject(k, refs, pageRefs, page, parents.annotRefs));
    const data: Record<string, unknown> = { Type: 'StructElem', S: e.role, P: parentRef.get(e), K: kids };
    if (page !== undefined) data.Pg = pageRefs[page];
    const n = e.node;
    if (n?.alt) data.Alt = new String(n.alt);
    if (n?.lang) data.Lang = new String(n.lang);
    if (n?.scope || n?.colSpan) data.A = { O: 'Table', ...(n.scope && { Scope: n.scope }), ...(n.colSpan && { ColSpan: n.colSpan }) };
    // PDF/UA-1 (ISO 14289-1, 7.3) and ISO 32000-1 14.8.5.4.3: a Figure's bounding box, in the page's user space
    if (e.role === 'Figure' && e.bbox) data.A = { O: 'Layout', BBox: toPdfBox(e.bbox.page, e.bbox.box).map((v) => Math.round(v * 1000) / 1000) };
    if (n?.id) {
      data.ID = new String(n.id);
      ids.push([n.id, ref]);
    }
    ref.data = written(data, raw);
  }
  // a number tree's keys must ascend: page and annotation keys were handed out interleaved while drawing
  const entries: [number, unknown][] = [];
  plan.pages.forEach((p, i) => {
    const key = parents.pages.get(i);
    if (key !== undefined) entries.push([key, p.mcids.map((e) => refs.get(e))]);
  });
  for (const [key, elem] of parents.annotKeys) entries.push([key, refs.get(elem)]);
  entries.sort((a, b) => a[0] - b[0]);
  const parentTree = d.ref({ Nums: entries.flat() });
  treeRoot.data.K = refs.get(plan.root);
  treeRoot.data.ParentTree = parentTree;
  treeRoot.data.ParentTreeNextKey = parents.nextKey;
  if (ids.length) {
    ids.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    treeRoot.data.IDTree = { Names: ids.flatMap(([id, ref]) => [new String(id), ref]) };
  }
  for (const r of refs.values()) r.end();
  parentTree.end();
  // doc.end() ends the catalog's StructTreeRoot and MarkInfo references itself (pdfkit's endMarkings)
  d._root.data.StructTreeRoot = treeRoot;
  d._root.data.MarkInfo = d.ref({ Marked: true });
}

/**
 * Structure element dictionaries written as PDF text here rather than by pdfkit's generic PDFObject.convert (the
 * 10x report has thousands of them, rewritten on every watch rebuild): convert writes an abstract reference as its
 * toString(), so an object with PDFAbstractReference.prototype (the prototype of every PDFReference's class) and
 * the dictionary's text is written as that text. The text is what convert would write (names as /Name, numbers
 * rounded to six decimals, references as "n 0 R", arrays space-separated, dictionaries one entry per line, undefined
 * entries left out); a dictionary holding a text string (Alt, Lang, ID) is left to convert.
 */
type RawWriter = (text: string) => Record<string, unknown>;

function rawWriter(anyRef: Ref): { make: RawWriter; isRef: (v: object) => boolean } {
  const abstract = Object.getPrototypeOf(Object.getPrototypeOf(anyRef)) as object;
  if (typeof (abstract as { toString?: unknown }).toString !== 'function') throw new Error('pdfkit reference internals changed: pdf/tagged.ts is written against pdfkit 0.20.2');
  return { make: (text) => Object.create(abstract, { toString: { value: () => text } }) as Record<string, unknown>, isRef: (v) => Object.prototype.isPrototypeOf.call(abstract, v) };
}

/** The dictionary as pdfkit would write it, pre-written when it holds nothing but names, numbers, references and containers. */
function written(data: Record<string, unknown>, raw: ReturnType<typeof rawWriter>): Record<string, unknown> {
  const text = pdfText(data, raw.isRef);
  return text === undefined ? data : raw.make(text);
}

function pdfText(v: unknown, isRef: (v: object) => boolean): string | undefined {
  if (typeof v === 'string') return `/${v}`;
  if (typeof v === 'number') {
    if (!(v > -1e21 && v < 1e21)) return undefined;
    return String(Math.round(v * 1e6) / 1e6);
  }
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v !== 'object' || v instanceof String) return undefined;
  if (isRef(v)) return String(v);
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (const x of v) {
      const t = pdfText(x === undefined ? null : x, isRef);
      if (t === undefined) return undefined;
      parts.push(t);
    }
    return `[${parts.join(' ')}]`;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const out = ['<<'];
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    const t = pdfText(x, isRef);
    if (t === undefined) return undefined;
    out.push(`/${k} ${t}`);
  }
  out.push('>>');
  return out.join('\n');
}

function kidObject(k: StructKid, refs: ReadonlyMap<StructElem, Ref>, pages: readonly PageRef[], elemPage: number | undefined, annots: ReadonlyMap<string, Ref>): unknown {
  if (k.kind === 'elem') return refs.get(k.elem);
  if (k.kind === 'mcid') return k.page === elemPage ? k.mcid : { Type: 'MCR', Pg: pages[k.page], MCID: k.mcid };
  return { Type: 'OBJR', Obj: annots.get(`${k.page}:${k.item}`), Pg: pages[k.page] };
}

/** Page of an element's first marked content or annotation among its direct kids. */
function firstPageOf(e: StructElem): number | undefined {
  for (const k of e.kids) if (k.kind !== 'elem') return k.page;
  return undefined;
}
