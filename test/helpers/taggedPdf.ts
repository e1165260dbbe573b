/**
 * Reads a tagged PDF back two independent ways and lists what breaks PDF/UA's mechanical rules:
 * the objects (structure tree, ParentTree, IDTree, annotations, catalog) with the object walker in
 * pdfObjectWalker.ts, and each page's operators and structure tree with pdf.js. No veraPDF/PAC here: this is the
 * machine-checkable part of ISO 14289-1 the issue names.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Name, readObjects, Ref, type PdfDict, type PdfObjects, type PdfValue } from './pdfObjectWalker.ts';

/** A structure element as read from the file. */
export interface Elem {
  readonly num: number;
  readonly role: string;
  readonly alt?: string;
  readonly lang?: string;
  readonly id?: string;
  readonly attrs: PdfDict;
  readonly kids: Kid[];
  parent?: Elem;
}
export type Kid =
  | { readonly elem: Elem }
  | { readonly mcid: number; readonly page: number }
  | { readonly annot: number; readonly page: number };

/** A marked-content sequence opened on a page. */
export interface Marked {
  readonly tag: string;
  readonly mcid: number | null;
}

export interface TaggedPdf {
  readonly objects: PdfObjects;
  readonly catalog: PdfDict;
  /** Page object numbers in page order. */
  readonly pages: readonly number[];
  readonly root: Elem | null;
  readonly elems: readonly Elem[];
  /** Per page: painting operators seen inside no marked-content sequence. */
  readonly unmarked: readonly number[];
  /** Per page: painting operators in total. */
  readonly painted: readonly number[];
  /** Per page: marked-content sequences opened at the outermost level. */
  readonly sequences: readonly (readonly Marked[])[];
  /** Per page: number of content nodes in pdf.js's structure tree. */
  readonly pdfjsContent: readonly number[];
}

const PAINT = new Set(
  [
    'fill', 'eoFill', 'stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke',
    'showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText', 'paintImageXObject',
    'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'shadingFill', 'rawFillPath',
  ].map((k) => (pdfjs.OPS as Record<string, number>)[k]).filter((v): v is number => v !== undefined),
);
const OPS = pdfjs.OPS as Record<string, number>;

export async function readTagged(bytes: Uint8Array): Promise<TaggedPdf> {
  const objects = readObjects(bytes);
  const catalog = objects.dict(objects.trailer.Root);
  const pages: number[] = [];
  const walkPages = (v: PdfValue | undefined) => {
    const d = objects.dict(v);
    if ((d.Type as Name | undefined)?.name === 'Page' && v instanceof Ref) pages.push(v.num);
    for (const k of (d.Kids as PdfValue[] | undefined) ?? []) walkPages(k);
  };
  walkPages(catalog.Pages);
  const pageIndex = new Map(pages.map((n, i) => [n, i]));
  const elems: Elem[] = [];
  const readElem = (ref: Ref, parent?: Elem): Elem => {
    const d = objects.dict(ref);
    const pg = d.Pg instanceof Ref ? pageIndex.get(d.Pg.num) ?? -1 : -1;
    const attrs = objects.dict(d.A);
    const e: Elem = {
      num: ref.num, role: (d.S as Name).name, attrs, kids: [], ...(parent && { parent }),
      ...(typeof d.Alt === 'string' && { alt: d.Alt }), ...(typeof d.Lang === 'string' && { lang: d.Lang }), ...(typeof d.ID === 'string' && { id: d.ID }),
    };
    elems.push(e);
    const kids = Array.isArray(d.K) ? d.K : d.K === undefined ? [] : [d.K];
    for (const k of kids) {
      if (typeof k === 'number') e.kids.push({ mcid: k, page: pg });
      else if (k instanceof Ref && (objects.dict(k).Type as Name | undefined)?.name !== 'OBJR' && objects.dict(k).S) e.kids.push({ elem: readElem(k, e) });
      else {
        const kd = objects.dict(k);
        const page = kd.Pg instanceof Ref ? pageIndex.get(kd.Pg.num) ?? -1 : pg;
        if ((kd.Type as Name).name === 'MCR') e.kids.push({ mcid: kd.MCID as number, page });
        else if ((kd.Type as Name).name === 'OBJR') e.kids.push({ annot: (kd.Obj as Ref).num, page });
      }
    }
    return e;
  };
  const treeRoot = objects.dict(catalog.StructTreeRoot);
  const rootKid = Array.isArray(treeRoot.K) ? treeRoot.K[0] : treeRoot.K;
  const root = rootKid instanceof Ref ? readElem(rootKid) : null;

  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const unmarked: number[] = [];
  const painted: number[] = [];
  const sequences: Marked[][] = [];
  const pdfjsContent: number[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      let depth = 0;
      let loose = 0;
      let paints = 0;
      const seqs: Marked[] = [];
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[] | null;
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          if (depth === 0) seqs.push({ tag: String(args?.[0]), mcid: typeof args?.[1] === 'number' ? (args[1] as number) : null });
          depth++;
        } else if (fn === OPS.endMarkedContent) {
          depth--;
        } else if (PAINT.has(fn) || (fn === OPS.constructPath && PAINT.has(args?.[0] as number))) {
          paints++;
          if (depth === 0) loose++;
        }
      });
      unmarked.push(loose);
      painted.push(paints);
      sequences.push(seqs);
      const tree = await page.getStructTree();
      let content = 0;
      const walk = (n: { type?: string; children?: unknown[] }) => {
        if (n.type === 'content') content++;
        for (const c of n.children ?? []) walk(c as never);
      };
      if (tree) walk(tree as never);
      pdfjsContent.push(content);
    }
  } finally {
    await doc.destroy();
  }
  return { objects, catalog, pages, root, elems, unmarked, painted, sequences, pdfjsContent };
}

/** Heading elements (H, H1…H6) in tree order with their text level. */
export function headings(t: TaggedPdf): { role: string; level: number }[] {
  return t.elems.filter((e) => /^H[1-6]$/.test(e.role)).map((e) => ({ role: e.role, level: Number(e.role.slice(1)) }));
}

/** Every violation of the mechanical rules, as readable lines (empty = none). */
export function taggingProblems(t: TaggedPdf): string[] {
  const out: string[] = [];
  const o = t.objects;
  // catalog
  if (typeof t.catalog.Lang !== 'string' || !t.catalog.Lang) out.push('catalog: no /Lang');
  if (o.dict(t.catalog.MarkInfo).Marked !== true) out.push('catalog: /MarkInfo /Marked is not true');
  if (o.dict(t.catalog.ViewerPreferences).DisplayDocTitle !== true) out.push('catalog: no /DisplayDocTitle true');
  if (!t.root) out.push('no structure tree');
  // every painting operator is inside a tagged sequence or an artifact
  t.unmarked.forEach((n, p) => n > 0 && out.push(`page ${p + 1}: ${n} painting operators outside marked content`));
  // MCIDs: every sequence with an MCID resolves through the ParentTree to an element that lists it
  const parentTree = numberTree(o, o.dict(t.catalog.StructTreeRoot).ParentTree);
  const byNum = new Map(t.elems.map((e) => [e.num, e]));
  t.pages.forEach((num, p) => {
    const page = o.dict(new Ref(num));
    const key = page.StructParents;
    const mcids = t.sequences[p]!.filter((s) => s.tag !== 'Artifact');
    for (const s of mcids) {
      if (s.mcid === null) {
        out.push(`page ${p + 1}: /${s.tag} sequence without MCID`);
        continue;
      }
      const arr = typeof key === 'number' ? o.get(parentTree.get(key)) : undefined;
      const ref = Array.isArray(arr) ? arr[s.mcid] : undefined;
      const elem = ref instanceof Ref ? byNum.get(ref.num) : undefined;
      if (!elem) out.push(`page ${p + 1}: MCID ${s.mcid} not in the ParentTree`);
      else if (!elem.kids.some((k) => 'mcid' in k && k.mcid === s.mcid && k.page === p)) out.push(`page ${p + 1}: MCID ${s.mcid} → ${elem.role} that does not list it`);
      else if (elem.role !== s.tag) out.push(`page ${p + 1}: MCID ${s.mcid} tagged /${s.tag} in the content but ${elem.role} in the tree`);
    }
    if (t.pdfjsContent[p] !== mcids.length) out.push(`page ${p + 1}: pdf.js finds ${t.pdfjsContent[p]} tagged contents, the page has ${mcids.length}`);
    // annotations: in the tree (StructParent → Link with an OBJR to it), named by /Contents, tab order
    const annots = (o.get(page.Annots) as PdfValue[] | undefined) ?? [];
    if (annots.length && (page.Tabs as Name | undefined)?.name !== 'S') out.push(`page ${p + 1}: annotations but no /Tabs /S`);
    for (const a of annots) {
      const ad = o.dict(a);
      const link = typeof ad.StructParent === 'number' ? byNum.get((parentTree.get(ad.StructParent) as Ref | undefined)?.num ?? -1) : undefined;
      if (!link) out.push(`page ${p + 1}: annotation ${(a as Ref).num} not in the structure tree`);
      else if (link.role !== 'Link' || !link.kids.some((k) => 'annot' in k && k.annot === (a as Ref).num)) out.push(`page ${p + 1}: annotation ${(a as Ref).num} → ${link.role} without its OBJR`);
      if (typeof ad.Contents !== 'string' || !ad.Contents.trim()) out.push(`page ${p + 1}: annotation ${(a as Ref).num} without /Contents`);
    }
  });
  // elements
  const ids = nameTree(o, o.dict(t.catalog.StructTreeRoot).IDTree);
  for (const e of t.elems) {
    if (e.role === 'Figure' && !e.alt?.trim()) out.push(`Figure ${e.num} without /Alt`);
    if (e.role === 'Note' && (!e.id || (ids.get(e.id) as Ref | undefined)?.num !== e.num)) out.push(`Note ${e.num} not in the IDTree`);
    if (e.role === 'TH' && !(e.attrs.Scope instanceof Name)) out.push(`TH ${e.num} without /Scope`);
    if (e.role === 'Table') out.push(...tableProblems(e));
    if (e.role === 'Link' && !e.kids.some((k) => 'annot' in k)) out.push(`Link ${e.num} without an annotation (OBJR)`);
    if (e.role === 'Link' && e.parent?.role === 'Link') out.push(`Link ${e.num} inside a Link`);
  }
  let level = 0;
  for (const h of headings(t)) {
    if (h.level > level + 1) out.push(`heading ${h.role} after H${level}: a level is skipped`);
    level = h.level;
  }
  return out;
}

/** Rows of a table (THead/TBody/TFoot or direct TRs) must have the same number of columns (ColSpan counted). */
function tableProblems(table: Elem): string[] {
  const rows = table.kids.flatMap((k) => ('elem' in k ? (k.elem.role === 'TR' ? [k.elem] : k.elem.kids.flatMap((r) => ('elem' in r && r.elem.role === 'TR' ? [r.elem] : []))) : []));
  const widths = rows.map((r) => r.kids.reduce((n, c) => n + ('elem' in c && /^T[HD]$/.test(c.elem.role) ? ((c.elem.attrs.ColSpan as number | undefined) ?? 1) : 0), 0));
  const first = widths[0];
  return widths.some((w) => w !== first) ? [`Table ${table.num}: rows have ${[...new Set(widths)].join(', ')} columns`] : [];
}

/** A number tree's entries (Nums and Kids). */
export function numberTree(o: PdfObjects, v: PdfValue | undefined): Map<number, PdfValue> {
  const out = new Map<number, PdfValue>();
  const d = o.dict(v);
  const nums = (o.get(d.Nums) as PdfValue[] | undefined) ?? [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.set(nums[i] as number, nums[i + 1]!);
  for (const k of (o.get(d.Kids) as PdfValue[] | undefined) ?? []) for (const [a, b] of numberTree(o, k)) out.set(a, b);
  return out;
}

/** A name tree's entries (Names and Kids). */
export function nameTree(o: PdfObjects, v: PdfValue | undefined): Map<string, PdfValue> {
  const out = new Map<string, PdfValue>();
  const d = o.dict(v);
  const names = (o.get(d.Names) as PdfValue[] | undefined) ?? [];
  for (let i = 0; i + 1 < names.length; i += 2) out.set(names[i] as string, names[i + 1]!);
  for (const k of (o.get(d.Kids) as PdfValue[] | undefined) ?? []) for (const [a, b] of nameTree(o, k)) out.set(a, b);
  return out;
}

/** Element counts per structure type. */
export function roleCounts(t: TaggedPdf): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of t.elems) out[e.role] = (out[e.role] ?? 0) + 1;
  return out;
}

/** The text of an element's MCIDs is not in the objects; pdf.js gives it per page (see textOf in tests). */
export type { PdfDict };

/** Text of every marked-content sequence with an MCID, keyed "page:mcid" (pages 0-based), read by pdf.js. */
export async function mcidTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const out = new Map<string, string>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const tc = await (await doc.getPage(p)).getTextContent({ includeMarkedContent: true });
      const stack: (string | null)[] = [];
      let eol = false;
      for (const it of tc.items as { type?: string; id?: string; str?: string; hasEOL?: boolean }[]) {
        if (it.type === 'beginMarkedContentProps' || it.type === 'beginMarkedContent') {
          const m = /_mc(\d+)$/.exec(it.id ?? '');
          stack.push(m ? `${p - 1}:${m[1]}` : null);
        } else if (it.type === 'endMarkedContent') {
          stack.pop();
        } else if (it.str !== undefined) {
          const key = [...stack].reverse().find((k) => k !== null);
          // a line end inside one sequence reads as a space
          if (key) out.set(key, (out.get(key) ?? '') + (eol && out.get(key) ? ' ' : '') + it.str);
          eol = it.hasEOL === true;
        }
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** An element's text: its sequences' texts in tree order, whitespace folded. */
export function elemText(e: Elem, texts: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  const walk = (x: Elem) => {
    for (const k of x.kids) {
      if ('elem' in k) walk(k.elem);
      else if ('mcid' in k) parts.push(texts.get(`${k.page}:${k.mcid}`) ?? '');
    }
  };
  walk(e);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
