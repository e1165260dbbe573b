/**
 * pdf/output.ts collects pdfkit's output without its stream: the bytes must be those pdfkit's own stream gives for
 * the same document (the oracle: pdfkit itself, read through its 'data' events), including the header written in
 * the constructor, a PNG with alpha (which pdfkit decodes asynchronously, ending the file later), a compressed stream, a non-ASCII text string and the cross-reference offsets after them.
 */
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { collectOutput } from '../../src/pdf/output.ts';
import { FONTS_DIR } from '../../src/paths.ts';

/** A 2×2 PNG with an alpha channel (one transparent pixel). */
const png = new PNG({ width: 2, height: 2 });
png.data.set([21, 66, 115, 255, 21, 66, 115, 255, 21, 66, 115, 0, 255, 255, 255, 255]);
const RGBA_PNG = PNG.sync.write(png);

function draw(doc: PDFKit.PDFDocument): void {
  doc.registerFont('serif', join(FONTS_DIR, 'SourceSerif4_400Regular.ttf'));
  doc.addPage({ size: 'A5', margin: 0 });
  doc.font('serif').fontSize(12).text('Één jaar — 2020 in cijfers', 40, 40);
  doc.rect(40, 80, 100, 50).fill('#154273');
  doc.image(RGBA_PNG, 40, 150, { width: 60 });
  doc.addPage({ size: 'A5', margin: 0 });
  doc.font('serif').text('Tweede pagina', 40, 40);
}

const options = { autoFirstPage: false, compress: true, info: { Title: 'Vérslag', CreationDate: new Date(Date.UTC(2021, 3, 30)) } } as PDFKit.PDFDocumentOptions;

describe('collected output', () => {
  test('equals what pdfkit streams for the same document', async () => {
    const streamed = new PDFDocument(options);
    const chunks: Buffer[] = [];
    streamed.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => streamed.on('end', resolve));
    draw(streamed);
    streamed.end();
    await ended;
    const expected = Buffer.concat(chunks);

    const doc = new PDFDocument(options);
    const output = collectOutput(doc);
    draw(doc);
    doc.end();
    const got = Buffer.from(await output);
    expect(got.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
    expect(got.length).toBe(expected.length);
    expect(got.equals(expected)).toBe(true);
  });
});
