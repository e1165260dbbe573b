/**
 * Objects written by pdf/objectText.ts: the oracle is pdfkit itself. The same document is written once with pdfkit's
 * own serialiser and once with ours, and the files must be the same bytes: objects holding every kind of value
 * pdfkit's convert knows (names, numbers to round, booleans, null, undefined in arrays and dictionaries, text
 * strings in ASCII with escapes and in Unicode, bytes, dates, references, nested arrays and dictionaries), streams
 * compressed and not, and the name tree, outline and annotations pdfkit writes itself. (The bundled reports' bytes
 * with and without it were compared when it was written; writePdf installs it for every document.)
 */
import { describe, expect, test } from 'vitest';
import PDFDocument from 'pdfkit';
import { installObjectText } from '../../src/pdf/objectText.ts';
import { collectOutput } from '../../src/pdf/output.ts';

/** A document of odd values, written with pdfkit's serialiser or, with `ours`, objectText's. */
async function oddDocument(ours: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: 'Proef (één)', CreationDate: new Date(Date.UTC(2021, 3, 30, 8, 5, 9)) }, font: null } as unknown as PDFKit.PDFDocumentOptions);
  if (ours) installObjectText(doc);
  const out = collectOutput(doc);
  const d = doc as unknown as { ref(data?: object): { write(c: unknown): void; end(c?: unknown): void; data: Record<string, unknown> } };
  doc.addPage({ size: [200, 300], margin: 0 });
  const other = d.ref({ Type: 'Thing', N: 1 });
  other.end();
  const odd = d.ref({
    Name: 'Figure',
    Numbers: [1.23456789, -0, 1e-7, 42, -3.5, 1e20, 0.1 + 0.2],
    Flags: [true, false, null, undefined],
    Skipped: undefined,
    Ascii: new String('a (nested) \\ back\nslash\r\t\b\f end'),
    Unicode: new String('Ωmega ✓ € 😀 (x)'),
    Empty: new String(''),
    Bytes: new Uint8Array([0, 1, 0xab, 0xff]),
    When: new Date(Date.UTC(1999, 11, 31, 23, 59, 58)),
    Other: other,
    Nested: { A: [[1, [2, { B: 'C' }]], {}], D: { E: new String('f') } },
    Nothing: {},
  });
  odd.end();
  const stream = d.ref({ Type: 'XObject' });
  stream.write('0 0 m 10 10 l S');
  stream.write(new Uint8Array([0x42, 0x0a]));
  stream.end();
  const plain = d.ref({ Filter: 'FlateDecode' });
  plain.end(new Uint8Array([120, 156, 3, 0, 0, 0, 0, 1]));
  doc.addNamedDestination('hoofdstuk-1', 'XYZ', 0, 100, null);
  doc.addNamedDestination('bijlage', 'XYZ', 0, 200, null);
  doc.link(10, 10, 50, 12, 'https://example.org/?a=1&b=(2)', { Contents: new String('Voorbeeld – ïnfo') } as never);
  doc.goTo(10, 40, 50, 12, 'bijlage');
  doc.outline.addItem('Hoofdstuk één');
  doc.end();
  return Buffer.from(await out);
}

describe('objects written by objectText.ts', () => {
  test('a document of every kind of value has the bytes pdfkit writes', async () => {
    const [theirs, ours] = [await oddDocument(false), await oddDocument(true)];
    // the values are there (a document without them would compare equal too)
    expect(theirs.toString('latin1')).toContain('/Ascii (a \\(nested\\) \\\\ back\\nslash\\r\\t\\b\\f end)');
    expect(theirs.toString('latin1')).toContain('/When (D:19991231235958Z)');
    expect(ours.equals(theirs)).toBe(true);
  });

});
