/**
 * Page fills kept by a section's geometry (flow/keptFills.ts). Oracles: the key is compared between hand-made
 * items that differ in one field (what a fill reads changes it, what a line says does not); a rebuild that takes
 * kept fills is compared byte for byte, with its diagnostics, against a build without any cache, and the session's
 * `sectionFills` map says whether fills were kept again (a miss keeps a new entry, a hit does not).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fillsGeometry, fillsKey, keptPrefix, refill, type KeptPage } from '../../src/flow/keptFills.ts';
import type { FlowSpec, PageFill } from '../../src/flow/distribute.ts';
import type { Box, FlowItem } from '../../src/flow/types.ts';
import type { Line } from '../../src/text/types.ts';
import { buildReport } from '../../src/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';

const base = { spaceBeforePt: 0, spaceAfterPt: 2, keepWithNext: false, snapBefore: true, snapAfter: false, order: 0, footnotes: [] as string[] };
const line = (text: string, extra: Partial<Line> = {}): Line => ({ runs: [{ text }], widthPt: 50, heightPt: 10, hyphenated: false, ...extra }) as unknown as Line;
const lineItem = (text: string, extra: Partial<Line> = {}, more: object = {}): FlowItem => ({ ...base, kind: 'line', line: line(text, extra), para: 0, index: 0, count: 2, ...more });
const box = (heightPt: number, label = 'x'): Box => ({ widthPt: 80, heightPt, items: [{ kind: 'rect', label } as never] });
const spec = (items: FlowItem[], notes: FlowSpec['notes'] = new Map()): FlowSpec => ({ items, notes, gridPt: 10, footnoteGapPt: 6 });
const fk = (s: FlowSpec, first: number, kind: string, columns: number, max: number) => fillsKey(fillsGeometry(s, first, kind, columns, max));
const key = (items: FlowItem[], notes?: FlowSpec['notes']) => fk(spec(items, notes), 5, 'article', 2, 100);

describe('fills key', () => {
  test('what a line says does not change it; its height, hyphen, place, count and spacing do', () => {
    const k = key([lineItem('een'), lineItem('twee')]);
    expect(key([lineItem('drie'), lineItem('vier')])).toBe(k);
    expect(key([lineItem('een', { heightPt: 11 }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', { hyphenated: true }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { count: 3 }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { index: 1 }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { para: 1 }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { spaceAfterPt: 3 }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { keepWithNext: true }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een', {}, { footnotes: ['n1'] }), lineItem('twee')])).not.toBe(k);
    expect(key([lineItem('een')])).not.toBe(k);
  });

  test('a box by its size, float, span and table part; notes by their heights; the first page and columns', () => {
    const block = (b: Box, more: object = {}): FlowItem => ({ ...base, kind: 'block', box: b, float: true, span: 'column', ...more });
    const k = key([block(box(40))]);
    expect(key([block(box(40, 'redrawn'))])).toBe(k);
    expect(key([block(box(50))])).not.toBe(k);
    expect(key([block(box(40), { float: false })])).not.toBe(k);
    expect(key([block(box(40), { span: 'page' })])).not.toBe(k);
    expect(key([block(box(40), { table: { id: 0, row: 1, rows: 4 } })])).not.toBe(k);
    expect(key([block(box(40), { table: { id: 0, row: 1, rows: 4, repeat: box(10) } })])).not.toBe(key([block(box(40), { table: { id: 0, row: 1, rows: 4, repeat: box(12) } })]));
    const note = (heightPt: number) => new Map([['n1', { id: 'n1', lines: [], heightPt }]]);
    expect(key([block(box(40))], note(20))).not.toBe(key([block(box(40))], note(30)));
    const s = spec([block(box(40))]);
    expect(fk(s, 5, 'article', 2, 100)).not.toBe(fk(s, 7, 'article', 2, 100));
    expect(fk(s, 5, 'article', 2, 100)).not.toBe(fk(s, 5, 'article', 1, 100));
    expect(fk(s, 5, 'article', 2, 100)).not.toBe(fk(s, 5, 'foreword', 2, 100));
    expect(fk(s, 5, 'article', 2, 100)).not.toBe(fk(s, 5, 'article', 2, 6));
  });

  test('a kept fill places the table header the item repeats now', () => {
    const old = box(10, 'old header');
    const now = box(10, 'new header');
    const row: FlowItem = { ...base, kind: 'block', box: box(10), float: false, span: 'column', table: { id: 0, row: 2, rows: 4, repeat: now } };
    const fill: PageFill = {
      spanning: [], columnTop: 0, state: { next: 2, deferred: [], pageDeferred: [] }, warnings: [], forced: false,
      columns: [{ placements: [{ index: 1, y: 0, box: old }, { index: 1, y: 10 }], notes: [], next: 2, deferred: [], pageDeferred: [], warnings: [], forced: false, reach: 2 }],
    };
    const s = spec([lineItem('a'), row]);
    const again = refill(s, fill);
    expect(again.columns[0]!.placements).toEqual([{ index: 1, y: 0, box: now }, { index: 1, y: 10 }]);
    const plain: PageFill = { ...fill, columns: [{ ...fill.columns[0]!, placements: [{ index: 1, y: 10 }] }] };
    expect(refill(s, plain)).toBe(plain);
  });
});

describe('kept leading pages', () => {
  const page = (number: number, reaches: number[], warned = false): KeptPage => ({
    number, headHeightPt: 0, headNotes: [],
    fill: {
      spanning: [], columnTop: 0, state: { next: 0, deferred: [], pageDeferred: [] }, warnings: warned ? [{ severity: 'warning', code: 'X', message: 'x', hints: [] }] : [], forced: false,
      columns: reaches.map((reach) => ({ placements: [], notes: [], next: reach, deferred: [], pageDeferred: [], warnings: [], forced: false, reach })),
    },
  });
  const geoms = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
  // five pages whose columns looked up to items 9, 19 … 49; the last two are the tail search's
  const latest = { items: geoms(50), pages: [page(3, [4, 9]), page(4, [14, 19]), page(5, [24, 29]), page(6, [34, 39]), page(7, [44, 49])] };
  const changedAt = (i: number) => geoms(50).map((g, j) => (j === i ? 'other' : g));

  test('pages that looked only at items before the first changed one, never the last two', () => {
    expect(keptPrefix(latest, changedAt(0))).toBe(0);
    expect(keptPrefix(latest, changedAt(9))).toBe(0);
    expect(keptPrefix(latest, changedAt(10))).toBe(1);
    expect(keptPrefix(latest, changedAt(20))).toBe(2);
    expect(keptPrefix(latest, changedAt(30))).toBe(3);
    expect(keptPrefix(latest, changedAt(49))).toBe(3);
    // items added at the end: the first changed one is the first new one
    expect(keptPrefix(latest, [...geoms(50), 'new'])).toBe(3);
    expect(keptPrefix(latest, geoms(25))).toBe(2);
    // the same geometry is a hit of the whole key, not a prefix
    expect(keptPrefix(latest, geoms(50))).toBe(0);
  });

  test('a page that warned ends the prefix', () => {
    const warned = { ...latest, pages: [page(3, [4, 9]), page(4, [14, 19], true), ...latest.pages.slice(2)] };
    expect(keptPrefix(warned, changedAt(40))).toBe(1);
  });
});

describe('rebuilds with kept fills', () => {
  test('edits late and early in a long article, then reverted: each PDF and its diagnostics as a build without caches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-fills-'));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const session = createBuildContext();
    const fills = () => session.cache<unknown>('sectionFills');
    await buildReport({ contentDir: dir }, session);
    const file = join(dir, 'sections', '01-asiel.yaml');
    const original = readFileSync(file, 'utf8');
    const said = (r: Awaited<ReturnType<typeof buildReport>>) => r.diagnostics.items.map((d) => `${d.code} ${d.message} ${d.span?.line}:${d.span?.column}`);
    const check = async (text: string) => {
      writeFileSync(file, text);
      const before = fills().size;
      const rebuilt = await buildReport({ contentDir: dir }, session);
      const fresh = await buildReport({ contentDir: dir });
      expect(Buffer.from(rebuilt.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
      expect(said(rebuilt)).toEqual(said(fresh));
      return fills().size - before;
    };
    const paragraphs = [...original.matchAll(/- p: >-\n\s+/g)];
    expect(paragraphs.length).toBeGreaterThan(4);
    const late = paragraphs[paragraphs.length - 1]!;
    const early = paragraphs[0]!;
    const at = (m: RegExpMatchArray, s: string) => original.slice(0, m.index! + m[0].length) + s + original.slice(m.index! + m[0].length);
    // a sentence more: new lines, so the article is filled again (a new geometry is kept)
    expect(await check(at(late, 'Een extra zin aan het eind van dit artikel, lang genoeg voor een regel meer in de kolom. '))).toBeGreaterThan(0);
    expect(await check(at(early, 'Een extra zin aan het begin van dit artikel, lang genoeg voor een regel meer in de kolom. '))).toBeGreaterThan(0);
    // the original text again: its geometry was kept by the first build, so no section is filled again
    expect(await check(original)).toBe(0);
    // one letter swapped for one of a similar width, late: the same geometry, the same kept fills
    const word = /\b(de)\b/g;
    word.lastIndex = late.index!;
    const hit = word.exec(original)!;
    expect(await check(original.slice(0, hit.index) + 'da' + original.slice(hit.index + 2))).toBe(0);
  }, 120_000);
});
