/**
 * The tagged PDF, one rule per test, on a small hand-written page read back from the file (object walker and
 * pdf.js, test/helpers/taggedPdf.ts): catalog flags, every painting operator marked, MCIDs resolving through the
 * ParentTree, links in the tree with /Contents, Note IDs in the IDTree, TH scope, Figure /Alt.
 */
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { asArtifact, content, node } from '../../src/model/tags.ts';
import type { FrameItem, PagedDocument } from '../../src/model/types.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import { Name, Ref } from '../helpers/pdfObjectWalker.ts';
import { figureBoxes } from '../helpers/figureBoxes.ts';
import { nameTree, numberTree, readTagged, taggingProblems, type Elem, type TaggedPdf } from '../helpers/taggedPdf.ts';

const FONTS = { serif: 'SourceSerif4_400Regular.ttf' };
const fonts = createFontStore(FONTS_DIR, FONTS);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="30" height="40" fill="#154273"/><text x="35" y="20" font-family="serif">12</text></svg>';

const glyphs = (text: string, y: number, tag?: FrameItem['tag']): FrameItem => ({
  kind: 'glyphs', x: 20, y, text, font: 'serif', sizePt: 10, color: '#000000', features: ['kern'], wordSpacingPt: 0,
  widthPt: fonts.measure(text, 'serif', 10, ['kern']), ...(tag && { tag }),
});

const S = node('Sect', 's');
const P = (key: string, ...order: number[]) => content([S, node('P', key)], [0, ...order]);
const LINK = content([S, node('P', 'p'), node('Link', 'l')], [0, 1, 1]);
const TABLE = [S, node('Table', 't')];

const ITEMS: FrameItem[] = [
  ...asArtifact([glyphs('Lopende kop', 12)], 'Pagination', 'Header'),
  { kind: 'anchor', name: 'doel', y: 20 },
  glyphs('Kop', 30, content([S, node('H1', 'h')], [0, 0])),
  glyphs('Zie ', 50, P('p', 1, 0)),
  { ...glyphs('ind.nl', 50, LINK), link: 'https://ind.nl/' } as FrameItem,
  { kind: 'rect', x: 10, y: 60, width: 200, height: 18, fill: '#dddddd' },
  glyphs('Jaar', 72, content([...TABLE, node('THead', 'h'), node('TR', 'h'), node('TH', 'c0', { scope: 'Column' })], [0, 2, 0, 0])),
  glyphs('2020', 92, content([...TABLE, node('TBody', 'b'), node('TR', 'r0'), node('TD', 'c0')], [0, 2, 1, 0])),
  { kind: 'svg', x: 20, y: 100, width: 60, height: 40, svg: SVG, alt: '', tag: content([S, node('Div', 'f'), node('Figure', 'f', { alt: 'Een staaf en het getal 12.' })], [0, 3]) },
  { kind: 'goto', x: 20, y: 150, width: 100, height: 12, dest: 'doel', label: 'Kop', tag: content([S, node('P', 'toc'), node('Link', 'g')], [0, 4]) },
  glyphs('Naar de kop', 160, content([S, node('P', 'toc'), node('Link', 'g')], [0, 4])),
  glyphs('1 Een voetnoot.', 190, content([S, node('Note', 'n1', { id: 's-fn-1' })], [0, 5])),
  // a link area over a label (video boxes)
  glyphs('Video', 205, content([S, node('P', 'v'), node('Link', 'a')], [0, 6, 0])),
  { kind: 'link', x: 20, y: 195, width: 100, height: 12, url: 'https://youtu.be/x', label: 'Video over asiel', tag: content([S, node('P', 'v'), node('Link', 'a')], [0, 6, 1]) },
];

function doc(items: readonly FrameItem[]): PagedDocument {
  return {
    pages: [{ widthPt: 300, heightPt: 220, number: 1, master: 'body', textArea: { x: 0, y: 0, width: 300, height: 220 }, items }],
    outline: [],
    meta: { title: 'Titel', author: 'a', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30' },
    fonts: fonts.files,
  };
}

const elems = (t: TaggedPdf, role: string): Elem[] => t.elems.filter((e) => e.role === role);

describe('tagged PDF, rule by rule', () => {
  let bytes: Uint8Array;
  let t: TaggedPdf;
  beforeAll(async () => {
    bytes = await writePdf(doc(ITEMS), { svgFontKey: () => 'serif', shape: (s, k, f) => fonts.shape!(s, k, f) });
    t = await readTagged(bytes);
  });

  it('is PDF 1.7 with /Lang, DisplayDocTitle and MarkInfo /Marked true', () => {
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    expect(t.catalog.Lang).toBe('nl-NL');
    expect(t.objects.dict(t.catalog.ViewerPreferences).DisplayDocTitle).toBe(true);
    expect(t.objects.dict(t.catalog.MarkInfo).Marked).toBe(true);
  });

  it('puts every painting operator inside a tagged sequence or an Artifact, the SVG figure included', () => {
    expect(t.painted[0]).toBeGreaterThanOrEqual(ITEMS.filter((i) => i.kind !== 'anchor' && i.kind !== 'link' && i.kind !== 'goto').length);
    expect(t.unmarked).toEqual([0]);
    expect(t.sequences[0]!.map((s) => s.tag)).toEqual(['Artifact', 'H1', 'P', 'Link', 'Artifact', 'TH', 'TD', 'Figure', 'Link', 'Note', 'Link']);
  });

  it('resolves every MCID through the ParentTree to the element that lists it (and pdf.js agrees)', () => {
    expect(taggingProblems(t)).toEqual([]);
    expect(t.pdfjsContent[0]).toBe(t.sequences[0]!.filter((s) => s.tag !== 'Artifact').length);
  });

  it('builds Document → Sect → elements in content order', () => {
    expect(t.root?.role).toBe('Document');
    const sect = t.root!.kids.map((k) => ('elem' in k ? k.elem.role : '?'));
    expect(sect).toEqual(['Sect']);
    const inSect = (t.root!.kids[0] as { elem: Elem }).elem.kids.map((k) => ('elem' in k ? k.elem.role : '?'));
    expect(inSect).toEqual(['H1', 'P', 'Table', 'Div', 'P', 'Note', 'P']);
  });

  it('puts every link annotation in its Link element (OBJR, StructParent) with /Contents naming the target', () => {
    const page = t.objects.dict(new Ref(t.pages[0]!));
    expect((page.Tabs as Name).name).toBe('S');
    const annots = (t.objects.get(page.Annots) as Ref[]).map((r) => ({ num: r.num, d: t.objects.dict(r) }));
    expect(annots.map((a) => a.d.Contents)).toEqual(['https://ind.nl/', 'Kop', 'Video over asiel']);
    const parents = numberTree(t.objects, t.objects.dict(t.catalog.StructTreeRoot).ParentTree);
    for (const a of annots) {
      const link = t.elems.find((e) => e.num === (parents.get(a.d.StructParent as number) as Ref).num)!;
      expect(link.role).toBe('Link');
      expect(link.kids.some((k) => 'annot' in k && k.annot === a.num)).toBe(true);
    }
  });

  it('lists every Note ID in the IDTree', () => {
    const ids = nameTree(t.objects, t.objects.dict(t.catalog.StructTreeRoot).IDTree);
    expect(elems(t, 'Note').map((n) => n.id)).toEqual(['s-fn-1']);
    expect((ids.get('s-fn-1') as Ref).num).toBe(elems(t, 'Note')[0]!.num);
  });

  it('gives header cells a /Scope and figures their /Alt', () => {
    expect((elems(t, 'TH')[0]!.attrs.Scope as Name).name).toBe('Column');
    expect(elems(t, 'Figure').map((f) => f.alt)).toEqual(['Een staaf en het getal 12.']);
  });

  it('gives a Figure a /Layout /BBox in page coordinates: the rectangle its SVG is drawn in (read back with pdf.js)', async () => {
    expect(elems(t, 'Figure')[0]!.attrs.O).toEqual(new Name('Layout'));
    const [f] = await figureBoxes(bytes);
    // the SVG item: x 20, y 100 (top-down), 60 × 40 on a 220 pt page
    expect(f!.bbox).toEqual([20, 80, 80, 120]);
    expect(f!.drawn!.map((v) => v.toFixed(2))).toEqual(f!.bbox!.map((v) => v.toFixed(2)));
  });

  it('has a checker that fails an untagged PDF', async () => {
    const plain = new PDFDocument({ pdfVersion: '1.7' });
    const chunks: Buffer[] = [];
    plain.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => plain.on('end', r));
    plain.rect(10, 10, 50, 50).fill('#000000');
    plain.link(10, 10, 50, 50, 'https://ind.nl/');
    plain.end();
    await ended;
    const problems = taggingProblems(await readTagged(new Uint8Array(Buffer.concat(chunks))));
    expect(problems).toEqual(expect.arrayContaining(['catalog: no /Lang', 'no structure tree', 'page 1: 1 painting operators outside marked content']));
    expect(problems.some((p) => /annotation \d+ not in the structure tree/.test(p))).toBe(true);
    expect(problems.some((p) => /without \/Contents/.test(p))).toBe(true);
  });
});
