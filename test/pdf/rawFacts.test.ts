/**
 * Font facts read from the file's bytes (pdf/rawFacts.ts) for a build with no facts cached: equal to what factsOf
 * reads from fontkit's font (the oracle) for every bundled face and every face the templates ship, the table
 * directory equal to fontkit's, faces it does not read left to fontkit, and a document written from such lazy fonts
 * with the bytes of one written from fontkit's parsed fonts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { FONTS_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { factsOf, fontSource } from '../../src/pdf/lazyFont.ts';
import { factsFromBytes, rawTrueType } from '../../src/pdf/rawFacts.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import { doc, glyphs, page, samplePage } from './fixture.ts';

const templates = join(PACKAGE_ROOT, 'templates');
const faces = [
  ...readdirSync(FONTS_DIR).map((f) => join(FONTS_DIR, f)),
  ...(existsSync(templates) ? readdirSync(templates, { recursive: true, encoding: 'utf8' }).map((f) => join(templates, f)) : []),
].filter((f) => /\.ttf$/i.test(f));

describe('font facts from the file bytes', () => {
  test('there are faces to check, italic ones among them', () => {
    expect(faces.length).toBeGreaterThan(5);
    expect(faces.some((f) => /italic/i.test(f))).toBe(true);
  });

  test.each(faces)('%s: the facts and table directory fontkit reads', (file) => {
    const bytes = readFileSync(file);
    const font = fontkit.create(bytes) as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } };
    const raw = rawTrueType(bytes)!;
    expect(raw).toBeDefined();
    const tables = Object.fromEntries(Object.entries(font.directory.tables).map(([k, v]) => [k, { offset: v.offset, length: v.length }]));
    expect(raw.directory!.tables).toEqual(tables);
    expect(factsFromBytes(raw)).toEqual(factsOf(font));
  });

  test('leaves collections, CFF faces and names it does not read to fontkit', () => {
    const bytes = readFileSync(faces[0]!);
    const as = (tag: string) => Buffer.concat([Buffer.from(tag, 'latin1'), bytes.subarray(4)]);
    expect(rawTrueType(as('ttcf'))).toBeUndefined();
    expect(rawTrueType(as('OTTO'))).toBeUndefined();
    expect(rawTrueType(bytes.subarray(0, 8))).toBeUndefined();
    // the PostScript name record moved to another language: fontkit would file it elsewhere
    const raw = rawTrueType(Buffer.from(bytes))!;
    const buf = raw.stream!.buffer!;
    const name = raw.directory!.tables!.name!;
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let i = 0; i < dv.getUint16(name.offset + 2); i++) {
      const r = name.offset + 6 + 12 * i;
      if (dv.getUint16(r + 6) === 6) dv.setUint16(r + 4, 0x40c);
    }
    expect(factsFromBytes(raw)).toBeUndefined();
  });

  test('a document written from the file bytes has the bytes of one written from fontkit’s fonts', async () => {
    const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
    const lazy = fontSource('serif', join(FONTS_DIR, 'SourceSerif4_400Regular.ttf'), undefined);
    expect(typeof lazy).toBe('object');
    const pages = [samplePage(), page([glyphs('Het jaar 2020', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })], 2)];
    const hashes = { serif: 'serif-bytes', sans: 'sans-bytes' };
    const parsed = new Map<string, object>(
      Object.entries({ serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' }).map(([k, f]) => [`${k}-bytes`, fontkit.create(readFileSync(join(FONTS_DIR, f))) as object]),
    );
    const write = (fontCache?: Parameters<typeof writePdf>[1]['fontCache']) =>
      writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), ...(fontCache && { fontCache }) });
    const fromFontkit = Buffer.from(await write({ hashes, parsed }));
    expect(Buffer.from(await write()).equals(fromFontkit)).toBe(true);
  });
});
