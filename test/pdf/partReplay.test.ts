/**
 * What a rebuild keeps per page part besides its stream (pdf/pageStreams.ts, pdf/planPage.ts): the replay steps of a
 * cached part, its remembered stream key, and its structure plan kept by content key. Oracles: the steps written out
 * by hand for a part of every kind of item; pageStreamKey computed directly; the plan made without a memo; the bytes
 * of a document written without any cache.
 */
import { describe, expect, test } from 'vitest';
import { asArtifact, content, node } from '../../src/model/tags.ts';
import type { FrameItem, Page } from '../../src/model/types.ts';
import { pageStreamKey, partSteps, streamKeyOf, type CachedPage, type PageStreamCache } from '../../src/pdf/pageStreams.ts';
import type { DrawEvent } from '../../src/pdf/drawRecorder.ts';
import { createPartKeys } from '../../src/pdf/partKeys.ts';
import { planStructure, type PlanMemo, type StructElem, type StructurePlan } from '../../src/pdf/structure.ts';
import type { PlanOp } from '../../src/pdf/planPage.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import type { ShapeFn } from '../../src/pdf/cidFonts.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { doc, glyphs, page, samplePage, writePages } from './fixture.ts';

const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });

describe('replay steps of a cached part (pageStreams.ts partSteps)', () => {
  test('glyph runs joined, boxes and rules left out, SVG records kept apart, everything else walked', () => {
    const svg = { kind: 'svg', x: 0, y: 0, width: 10, height: 10, alt: '', svg: '<svg/>' } as const;
    const items: FrameItem[] = [
      { kind: 'rect', x: 0, y: 0, width: 10, height: 10, fill: '#000000' },
      glyphs('een', 0, 10),
      glyphs('twee', 0, 20),
      { kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, color: '#000000', widthPt: 1 },
      glyphs('drie', 0, 30),
      glyphs('link', 0, 40, { link: 'https://example.org/' }),
      { kind: 'link', x: 0, y: 0, width: 10, height: 10, url: 'https://example.org/' },
      svg,
      svg,
      { kind: 'anchor', name: 'a', y: 0 },
      glyphs('vier', 0, 50),
    ];
    const e = (id: number): DrawEvent => ['glyph', 'F1', id, 500, [65]];
    const records = new Map<number, readonly DrawEvent[] | undefined>([
      [1, [['font', 'F1'], e(1)]],
      [2, [e(2)]],
      [4, []],
      [7, [['gs', 0.5, undefined]]],
      [8, undefined], // an SVG whose drawing could not be recorded
      [10, [e(3)]],
    ]);
    expect(partSteps(items, records)).toEqual([[['font', 'F1'], e(1), e(2)], 5, 6, [['gs', 0.5, undefined]], 8, 9, [e(3)]]);
    // the linked run with its record: a step of its own, in its place
    const run = { run: 5, rect: [0, 30, 20, 12] as const, before: [['font', 'F2'] as DrawEvent], after: [e(4)] };
    expect(partSteps(items, records, new Map([[5, run]]))).toEqual([[['font', 'F1'], e(1), e(2)], run, 6, [['gs', 0.5, undefined]], 8, 9, [e(3)]]);
  });

  test('a cached part shapes none of its runs again, linked ones included, and draws the same link annotations', async () => {
    const pages = [samplePage(), page([glyphs('Tweede pagina', 62, 200), glyphs('ind.nl/asiel', 62, 220, { link: 'https://ind.nl/asiel' })], 2)];
    const shaped: string[] = [];
    const shape: ShapeFn = (t, k, f) => (shaped.push(t), fonts.shape!(t, k, f));
    const entries = new Map<string, CachedPage>();
    const write = (cache?: Map<string, CachedPage>) => writePdf(doc(pages), { svgFontKey: () => 'sans', shape, ...(cache && { pageCache: { entries: cache, scope: 'shape-count' } }) });
    const off = Buffer.from(await write());
    expect(Buffer.from(await write(entries)).equals(off)).toBe(true);
    const linked = [...entries.values()].flatMap((c) => c.steps ?? []).filter((s) => typeof s === 'object' && !Array.isArray(s));
    expect(linked).toHaveLength(2); // 'ind.nl' on the sample page, 'ind.nl/asiel' here
    shaped.length = 0;
    const warm = Buffer.from(await write(entries));
    // the sample page's SVG text is replayed too: nothing of the document is shaped
    expect(shaped).toEqual([]);
    expect(warm.equals(off)).toBe(true);
    expect(warm.toString('latin1')).toContain('/URI (https://ind.nl/asiel)');
  });

  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: a document from cached parts, replayed by steps or walked, has the bytes of one without the cache`, async () => {
      const pages = [samplePage(), page([glyphs('Tweede pagina', 62, 200), glyphs('ind.nl', 62, 220, { link: 'https://ind.nl/' })], 2)];
      const off = Buffer.from(await writePages(pages, variant, 'steps'));
      const entries = new Map<string, CachedPage>();
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
      // the sample page's box (item 0) and rule (item 4) are no step of its part
      const steps = [...entries.values()][0]!.steps!;
      expect(steps.length).toBeGreaterThan(0);
      expect(steps).not.toContain(0);
      expect(steps).not.toContain(4);
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
      // entries without steps are walked item by item, with the same result
      for (const [k, v] of entries) entries.set(k, { stream: v.stream, svg: v.svg });
      expect(Buffer.from(await writePages(pages, variant, 'steps', entries)).equals(off)).toBe(true);
    });
  }
});

describe('stream keys remembered (pageStreams.ts streamKeyOf)', () => {
  const size = { widthPt: 595, heightPt: 842 };
  const cache = (scope: string, streamKeys?: Map<string, Map<string, string>>): PageStreamCache => ({ entries: new Map(), scope, ...(streamKeys && { streamKeys }) });
  test('the key pageStreamKey gives, and another key for each input changed', () => {
    const memo = new Map<string, Map<string, string>>();
    const args = [size, 'content', '[[0,1,["P",0]]]', 'screen\u0000true/false'] as const;
    const direct = (s: string, a: readonly [typeof size, string, string, string]) => pageStreamKey(a[0], a[1], a[2], `${s}\u0000${a[3]}`);
    const variants: [string, readonly [typeof size, string, string, string]][] = [
      ['fonts@1', args],
      ['fonts@2', args],
      ['fonts@1', [{ widthPt: 595, heightPt: 841 }, args[1], args[2], args[3]]],
      ['fonts@1', [size, 'other content', args[2], args[3]]],
      ['fonts@1', [size, args[1], '[[0,1,["P",1]]]', args[3]]],
      ['fonts@1', [size, args[1], args[2], 'print\u0000true/false']],
    ];
    const keys = variants.map(([s, a]) => {
      const k = streamKeyOf(cache(s, memo), ...a);
      expect(k).toBe(direct(s, a));
      expect(streamKeyOf(cache(s), ...a)).toBe(k);
      return k;
    });
    expect(new Set(keys).size).toBe(variants.length);
    // asked again, each comes from the memo, still the same
    variants.forEach(([s, a], i) => expect(streamKeyOf(cache(s, memo), ...a)).toBe(keys[i]));
  });
});

describe('structure plans kept per part (planPage.ts)', () => {
  const sect = node('Sect', 's');
  const head = asArtifact([glyphs('Kop', 10, 5)], 'Pagination', 'Header');
  const para = (key: string, n: number, order: number): FrameItem[] =>
    Array.from({ length: n }, (_, i) => glyphs(`${key} regel ${i}`, 10, 20 + 10 * i, { tag: content([sect, node('P', key)], [order, i]) }));
  const link = content([sect, node('P', 'b1'), node('Link', 'l1')], [1, 5]);
  const figure = content([sect, node('Figure', 'f1', { alt: 'Een figuur' })], [2]);
  const bodyPage = (n: number, height: number, extra: FrameItem[] = []): Page => {
    const items = [
      ...head,
      ...para(`b${n}`, 3, n),
      glyphs('ind.nl', 10, 60, { link: 'https://ind.nl/', tag: link }),
      { kind: 'goto', x: 0, y: 60, width: 20, height: 10, dest: 'b', tag: link } as FrameItem,
      { kind: 'svg', x: 10, y: 80, width: 50, height: 30, alt: 'f', svg: '<svg/>', tag: figure } as FrameItem,
      ...asArtifact([{ kind: 'rect', x: 0, y: 100, width: 200, height: 50, fill: '#123456' } as FrameItem], 'Background'),
      ...extra,
      ...asArtifact([glyphs(String(n), 10, 280)], 'Pagination', 'Footer'),
    ];
    return { widthPt: 200, heightPt: height, number: n, master: 'body', textArea: { x: 0, y: 0, width: 200, height }, items, furniture: { head: 1, foot: 1 } };
  };

  /** A plan as plain data: the tree with each element's node, box and kids, and each page's groups and annotations. */
  function dump(plan: StructurePlan): unknown {
    const ids = new Map<StructElem, number>();
    const elem = (e: StructElem): unknown => {
      ids.set(e, ids.size);
      return { role: e.role, node: e.node, bbox: e.bbox, order: e.order, kids: e.kids.map((k) => (k.kind === 'elem' ? elem(k.elem) : k)) };
    };
    const tree = elem(plan.root);
    const pages = plan.pages.map((p) => ({
      groups: p.groups.map((g) => ({ from: g.from, to: g.to, mark: 'mcid' in g.mark ? { mcid: g.mark.mcid, elem: ids.get(g.mark.elem) } : g.mark })),
      mcids: p.mcids.map((e) => ids.get(e)),
      annots: [...p.annots].map(([i, e]) => [i, ids.get(e)]),
    }));
    return { tree, pages };
  }

  test('a plan from kept parts equals the plan made afresh, after edits that change, move and resize parts', () => {
    const memo: PlanMemo = { parts: new Map<string, readonly PlanOp[]>(), partKey: createPartKeys({ chartSvg: () => undefined }) };
    const before = [bodyPage(1, 300), bodyPage(2, 300), bodyPage(3, 300)];
    expect(dump(planStructure(before, memo))).toEqual(dump(planStructure(before)));
    const kept = memo.parts.size;
    expect(kept).toBeGreaterThan(0);
    // the same pages again: every part replayed
    expect(dump(planStructure(before, memo))).toEqual(dump(planStructure(before)));
    expect(memo.parts.size).toBe(kept);
    // a new page first (every page after it moves), one page with another paragraph, one taller (its background's box moves)
    const after = [bodyPage(7, 300, para('b9', 2, 9)), bodyPage(1, 300), bodyPage(2, 300, para('b8', 1, 8)), bodyPage(3, 400)];
    const fresh = dump(planStructure(after));
    expect(dump(planStructure(after, memo))).toEqual(fresh);
    expect(dump(planStructure(after, memo))).toEqual(fresh);
  });
});
