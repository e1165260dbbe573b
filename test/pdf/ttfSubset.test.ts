/**
 * The TrueType subset made from the font's bytes (pdf/ttfSubset.ts) against fontkit's own TTFSubset (what the PDF
 * embedded before): the same bytes and the same glyph numbering, for every bundled face and every face the templates
 * ship, with glyph sets that reach composite glyphs (whose components join the subset), glyphs past hmtx's long
 * metrics, and the whole font.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { FONTS_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { subsetTrueType, type RawTrueType } from '../../src/pdf/ttfSubset.ts';

const templates = join(PACKAGE_ROOT, 'templates');
const faces = [
  ...readdirSync(FONTS_DIR).map((f) => join(FONTS_DIR, f)),
  ...(existsSync(templates) ? readdirSync(templates, { recursive: true, encoding: 'utf8' }).map((f) => join(templates, f)) : []),
].filter((f) => /\.ttf$/i.test(f));

type FkFont = { numGlyphs: number; createSubset(): { includeGlyph(g: number): number; encode(): Uint8Array; mapping: Record<number, number>; glyphs: number[] } };

/** fontkit's subset of `gids` as embedCidFont.ts made it before: .notdef, then the ids in order. */
function fontkitSubset(font: FkFont, gids: readonly number[]) {
  const s = font.createSubset();
  for (const g of gids) s.includeGlyph(g);
  const bytes = s.encode();
  return { bytes, mapping: s.mapping, count: s.glyphs.length };
}

/** Glyph sets of a font: none, a few, a spread (sorted, as embedding passes them), the last ids, all. */
function glyphSets(n: number): number[][] {
  const spread = [...new Set(Array.from({ length: 400 }, (_, i) => (i * 7919) % n))].sort((a, b) => a - b);
  return [[], [1, 2, 3], spread, [n - 2, n - 1], Array.from({ length: n }, (_, i) => i)];
}

describe('TrueType subset from the font bytes', () => {
  test('there are faces to check', () => expect(faces.length).toBeGreaterThan(5));

  let composites = 0;
  test.each(faces)('%s: the bytes and glyph numbering of fontkit’s subset', (file) => {
    const bytes = readFileSync(file);
    const before = Buffer.from(bytes);
    const font = fontkit.create(bytes) as unknown as FkFont;
    for (const gids of glyphSets(font.numGlyphs)) {
      const ours = subsetTrueType(font as unknown as RawTrueType, gids);
      const theirs = fontkitSubset(font, gids);
      expect(ours).toBeDefined();
      expect(Buffer.from(ours!.bytes).equals(Buffer.from(theirs.bytes))).toBe(true);
      expect(ours!.mapping).toEqual(theirs.mapping);
      // components joined the subset beyond .notdef and the ids asked for
      if (theirs.count > new Set([0, ...gids]).size) composites++;
    }
    // the font's own bytes are left as they were (a Node Buffer's slice() is a view, not a copy)
    expect(bytes.equals(before)).toBe(true);
  });

  test('some of those subsets reached composite glyphs', () => expect(composites).toBeGreaterThan(0));

  test('leaves fonts it cannot read to fontkit', () => {
    const font = fontkit.create(readFileSync(faces[0]!)) as unknown as RawTrueType & FkFont;
    expect(subsetTrueType({}, [1])).toBeUndefined();
    expect(subsetTrueType({ ...font, stream: font.stream, directory: font.directory, _variationProcessor: {} }, [1])).toBeUndefined();
    expect(subsetTrueType(font, [font.numGlyphs])).toBeUndefined();
  });
});
