/**
 * pdf/fontTables.ts: a face's /W array and ToUnicode CMap, kept by a watch session between rebuilds. Oracles: the
 * tables written out by hand for a small glyph set (runs of consecutive CIDs, UTF-16BE texts, a surrogate pair),
 * and, for each change that must not be answered from the kept tables (a glyph's width, its text, one glyph more or
 * fewer), the tables of a session that kept nothing; and rebuilds of an edited report in one session (glyphs
 * added, a ligature typed as its own character, glyphs gone again) against builds without caches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { scratchReport } from '../helpers/scratchReport.ts';
import type { EmbeddedFont } from '../../src/pdf/cidFonts.ts';
import { fontTables, type FontTables } from '../../src/pdf/fontTables.ts';

/** A font as embedding reads it: widths and texts by CID (sparse, as pdfkit keeps them). */
function face(glyphs: Record<number, [number, number[]]>): EmbeddedFont {
  const widths: (number | undefined)[] = [];
  const unicode: (number[] | undefined)[] = [];
  for (const [cid, [w, text]] of Object.entries(glyphs)) {
    widths[+cid] = w;
    unicode[+cid] = text;
  }
  return { widths, unicode } as unknown as EmbeddedFont;
}
const cidsOf = (f: EmbeddedFont) => Object.keys(f.widths).map(Number);
const base = { 0: [500, []], 1: [250, [32]], 2: [600, [65]], 5: [700, [0x1f600]], 256: [300, [0x66, 0x69]] } as Record<number, [number, number[]]>;

test('writes /W runs and one bfrange per run within a high byte, as by hand', () => {
  const f = face(base);
  const t = fontTables(f, cidsOf(f));
  expect(t.w).toEqual([0, [500, 250, 600], 5, [700], 256, [300]]);
  expect(t.cmapText).toContain('3 beginbfrange\n<0000> <0002> [<> <0020> <0041>]\n<0005> <0005> [<d83dde00>]\n<0100> <0100> [<00660069>]\nendbfrange');
});

test('a kept face is handed on only while its glyphs, widths and texts are the same', () => {
  const kept = new Map<string, FontTables>();
  const first = fontTables(face(base), cidsOf(face(base)), kept, 'h:F1');
  // equal values in new arrays (a rebuild's font objects are new): the kept tables
  const again = face(base);
  expect(fontTables(again, cidsOf(again), kept, 'h:F1')).toBe(first);
  const changes: Record<number, [number, number[]]>[] = [
    { ...base, 2: [610, [65]] }, // a width
    { ...base, 2: [600, [66]] }, // a text
    { ...base, 256: [300, [0x66]] }, // a ligature's text, shorter
    { ...base, 3: [400, [67]] }, // one glyph more
    { 0: base[0]!, 1: base[1]!, 5: base[5]!, 256: base[256]! }, // one glyph fewer
  ];
  for (const glyphs of changes) {
    const f = face(glyphs);
    const t = fontTables(f, cidsOf(f), kept, 'h:F1');
    const fresh = fontTables(face(glyphs), cidsOf(face(glyphs)));
    expect([t.w, t.cmapText, t.cmapHash]).toEqual([fresh.w, fresh.cmapText, fresh.cmapHash]);
    expect(t.cmapText === first.cmapText && JSON.stringify(t.w) === JSON.stringify(first.w)).toBe(false);
  }
  // another face's key never answers for this one
  const other = face(base);
  expect(fontTables(other, cidsOf(other), kept, 'h:F2')).not.toBe(first);
});

test('rebuilds in one session have the bytes of builds without caches, the tables kept only while glyphs stay', async () => {
  const dir = scratchReport('rp-font-tables-');
  const article = join(dir, 'sections', '01-artikel.yaml');
  const original = readFileSync(article, 'utf8');
  const session = createBuildContext();
  await buildReport({ contentDir: dir }, session);
  const tables = session.cache<FontTables>('pdfFontTables');
  const steps: [string, 'kept' | 'changed'][] = [
    // letters drawn elsewhere already: every face's tables handed on
    [original.replace('zorgvuldige planning', 'zorgvuldige plannen'), 'kept'],
    // glyphs no page drew before
    [original.replace('zorgvuldige planning', 'zorgvuldige Ωmega-ŵ planning'), 'changed'],
    // the fi ligature typed as U+FB01 at the front: its first text may change, and the glyphs drawn do
    [original.replace('zorgvuldige planning', 'ﬁjne zorgvuldige planning'), 'changed'],
    [original, 'changed'],
  ];
  for (const [text, expected] of steps) {
    const before = new Map(tables);
    writeFileSync(article, text);
    const rebuilt = await buildReport({ contentDir: dir }, session);
    const fresh = await buildReport({ contentDir: dir });
    expect(Buffer.from(rebuilt.pdf).equals(Buffer.from(fresh.pdf)), text.slice(0, 40)).toBe(true);
    const handedOn = [...tables].filter(([k, t]) => before.get(k) === t).length;
    if (expected === 'kept') expect(handedOn).toBe(tables.size);
    else expect(handedOn).toBeLessThan(tables.size);
    expect(tables.size).toBeGreaterThan(0);
  }
}, 120_000);
