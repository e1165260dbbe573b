/**
 * Fonts handed to pdfkit from known facts (pdf/lazyFont.ts): the facts agree with the font's own tables read here
 * byte by byte, pdfkit opens such a font without fontkit, anything else opens it once, and a document written
 * from facts (a next build's new process) has the bytes of one written from the files, with the subsets cached or not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, test } from 'vitest';
import { FONTS_DIR } from '../../src/paths.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { writePdf } from '../../src/pdf/writePdf.ts';
import type { EmbeddedProgram } from '../../src/pdf/embedCidFont.ts';
import { factsOf, lazyFont, type FontFacts } from '../../src/pdf/lazyFont.ts';
import { postHeader } from '../../src/pdf/postHeader.ts';
import { doc, glyphs, page, samplePage } from './fixture.ts';

const SERIF = join(FONTS_DIR, 'SourceSerif4_400Regular.ttf');
const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });

/** A table of an sfnt file, found through its table directory (the OpenType spec's layout, read by hand). */
function table(bytes: Buffer, tag: string): DataView {
  const n = bytes.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    if (bytes.toString('latin1', at, at + 4) === tag) return new DataView(bytes.buffer, bytes.byteOffset + bytes.readUInt32BE(at + 8), bytes.readUInt32BE(at + 12));
  }
  throw new Error(`no ${tag} table`);
}

/** fontkit's font of a file (the facts' source, as pdfkit opens it). */
async function fontkitFont(file: string): Promise<object> {
  const fontkit = await import('fontkit');
  return fontkit.create(readFileSync(file)) as object;
}

describe('font facts', () => {
  test('agree with the head, hhea, hmtx, OS/2 and post tables of the file', async () => {
    const bytes = readFileSync(SERIF);
    const f = factsOf(await fontkitFont(SERIF));
    const head = table(bytes, 'head');
    const hhea = table(bytes, 'hhea');
    const os2 = table(bytes, 'OS/2');
    const post = table(bytes, 'post');
    expect(f.unitsPerEm).toBe(head.getUint16(18));
    expect(f.bbox).toEqual({ minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) });
    expect(f.macItalic).toBe((head.getUint16(44) & 2) !== 0);
    expect([f.ascent, f.descent, f.lineGap]).toEqual([hhea.getInt16(4), hhea.getInt16(6), hhea.getInt16(8)]);
    expect(f.notdefAdvance).toBe(table(bytes, 'hmtx').getUint16(0));
    expect([f.xHeight, f.capHeight]).toEqual([os2.getInt16(86), os2.getInt16(88)]);
    expect(f.sFamilyClass).toBe(os2.getInt16(30));
    expect(f.italicAngle).toBe(post.getInt32(4) / 65536);
    expect(f.isFixedPitch).toBe(post.getUint32(12) !== 0);
  });

  test('pdfkit opens a font from facts without fontkit; measuring text opens it once, with the real widths', async () => {
    const realFont = await fontkitFont(SERIF);
    const facts = factsOf(await fontkitFont(SERIF));
    let opened = 0;
    const lazy = lazyFont(facts, () => (opened++, realFont));
    const real = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
    real.registerFont('serif', SERIF);
    real.font('serif');
    const fromFacts = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
    fromFacts.registerFont('serif', lazy as unknown as string);
    fromFacts.font('serif');
    // what the font dictionary is written from (embedCidFont.ts) is read without opening it either
    expect(postHeader(lazy as never)).toEqual({ italicAngle: facts.italicAngle, isFixedPitch: facts.isFixedPitch });
    expect(factsOf(lazy)).toEqual(facts);
    expect(opened).toBe(0);
    const size = 10;
    real.fontSize(size);
    fromFacts.fontSize(size);
    expect(fromFacts.currentLineHeight()).toBe(real.currentLineHeight());
    expect(fromFacts.widthOfString('Jaarverslag 2020')).toBe(real.widthOfString('Jaarverslag 2020'));
    expect(opened).toBe(1);
    fromFacts.widthOfString('Asiel');
    expect(opened).toBe(1);
  });
});

describe('a document written from facts (a new process with the cache filled)', () => {
  const hashes = { serif: 'serif-bytes', sans: 'sans-bytes' };
  const pages = [samplePage(), page([glyphs('Het jaar 2020', 62, 200), glyphs('Asiel', 62, 220, { font: 'sans' })], 2)];
  const write = (fontCache?: Parameters<typeof writePdf>[1]['fontCache']) =>
    writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), ...(fontCache && { fontCache }) });

  test('has the bytes of one written from the files, with the subsets cached and without', async () => {
    const off = Buffer.from(await write());
    const facts = new Map<string, FontFacts>();
    const encoded = new Map<string, EmbeddedProgram>();
    const usedFacts = new Set<string>();
    // the first build: fonts opened from their files, their facts noted
    expect(Buffer.from(await write({ hashes, parsed: new Map(), facts, usedFacts, encoded })).equals(off)).toBe(true);
    expect([...facts.keys()].sort()).toEqual(['sans-bytes', 'serif-bytes']);
    expect([...usedFacts].sort()).toEqual(['sans-bytes', 'serif-bytes']);
    // the next process: only what the disk keeps (facts, subsets), no parsed font
    const parsed = new Map<string, object>();
    expect(Buffer.from(await write({ hashes, parsed, facts, encoded })).equals(off)).toBe(true);
    expect(parsed.size).toBe(2);
    // subsets not cached: the lazy fonts open to make them, and the bytes stay the same
    expect(Buffer.from(await write({ hashes, parsed: new Map(), facts, encoded: new Map() })).equals(off)).toBe(true);
  });

  test('written from the bytes the font store read for shaping, has the bytes of one written from the files', async () => {
    const off = Buffer.from(await write());
    const asked: string[] = [];
    // views of the file's bytes at an offset in a larger buffer (as a Uint8Array, not a Buffer): no copy is assumed
    const fontBytes = (key: string) => {
      asked.push(key);
      const b = readFileSync(doc(pages).fonts[key]!);
      const big = new Uint8Array(b.length + 8);
      big.set(b, 8);
      return big.subarray(8);
    };
    const given = Buffer.from(await writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), fontBytes }));
    expect(given.equals(off)).toBe(true);
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });
});
