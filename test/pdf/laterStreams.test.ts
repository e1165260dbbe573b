/**
 * Page streams compressed off the main thread (pageStreams.ts compressPageLater, written as holes filled later by
 * output.ts and objectText.ts): the file must be the one pdfkit itself streams for the same drawing (the oracle:
 * pdfkit's own finalize deflating each page as it ends), with an image pdfkit decodes asynchronously in between, an
 * empty page and several pages whose streams come later; and every cross-reference offset must point at its
 * object's `N 0 obj` (read back from the bytes).
 */
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { collectOutput } from '../../src/pdf/output.ts';
import { installObjectText } from '../../src/pdf/objectText.ts';
import { compressPageLater } from '../../src/pdf/laterStreams.ts';
import { FONTS_DIR } from '../../src/paths.ts';

const png = new PNG({ width: 2, height: 2 });
png.data.set([21, 66, 115, 255, 21, 66, 115, 255, 21, 66, 115, 0, 255, 255, 255, 255]);
const RGBA_PNG = PNG.sync.write(png);

/** Four pages; `ended(doc)` is called when each page's drawing is done, before the next page ends it. */
function draw(doc: PDFKit.PDFDocument, ended: (doc: PDFKit.PDFDocument) => void): void {
  doc.registerFont('serif', join(FONTS_DIR, 'SourceSerif4_400Regular.ttf'));
  doc.addPage({ size: 'A5', margin: 0 });
  for (let i = 0; i < 40; i++) doc.font('serif').fontSize(9).text(`Regel ${i}: één jaar in cijfers, ${i * 37} dossiers`, 40, 40 + i * 12);
  ended(doc);
  doc.addPage({ size: 'A5', margin: 0 });
  doc.image(RGBA_PNG, 40, 150, { width: 60 });
  doc.rect(40, 80, 100, 50).fill('#154273');
  ended(doc);
  doc.addPage({ size: 'A5', margin: 0 });
  ended(doc); // nothing drawn but touch's newline
  doc.addPage({ size: 'A5', margin: 0 });
  doc.font('serif').text('Laatste pagina', 40, 40);
  ended(doc);
}

/** One newline more in the page's stream: pdfkit leaves an empty stream uncompressed, compressPage never does. */
const touch = (d: PDFKit.PDFDocument) => (d as unknown as { page: { write(s: string): void } }).page.write('');

const options = { autoFirstPage: false, compress: true, info: { Title: 'Verslag', CreationDate: new Date(Date.UTC(2021, 3, 30)) } } as PDFKit.PDFDocumentOptions;

async function written(later: boolean): Promise<Buffer> {
  const doc = new PDFDocument(options);
  installObjectText(doc);
  const output = collectOutput(doc);
  draw(doc, (d) => {
    touch(d);
    if (later) void compressPageLater(d);
  });
  doc.end();
  return Buffer.from(await output);
}

describe('page streams compressed later', () => {
  test('give the bytes of pdfkit compressing each page itself', async () => {
    const streamed = new PDFDocument(options);
    const chunks: Buffer[] = [];
    streamed.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => streamed.on('end', resolve));
    draw(streamed, touch);
    streamed.end();
    await ended;
    const expected = Buffer.concat(chunks);
    const got = await written(true);
    expect(got.length).toBe(expected.length);
    expect(got.equals(expected)).toBe(true);
    expect(got.equals(await written(false))).toBe(true);
  });

  test('every cross-reference offset points at its object', async () => {
    const pdf = await written(true);
    const text = pdf.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    const rows = text.slice(xref).split('\n').slice(3).filter((l) => / 00000 n $/.test(l));
    expect(rows.length).toBeGreaterThan(10);
    rows.forEach((row, i) => expect(text.slice(Number(row.slice(0, 10)), Number(row.slice(0, 10)) + 12)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`)));
  });
});
