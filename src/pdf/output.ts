/**
 * The PDF's bytes collected straight from pdfkit's writer. pdfkit (0.20.2, pinned) is a Readable stream: every
 * piece of every object (`1 0 obj`, the dictionary, the stream, `endobj`) goes through PDFDocument._write, which
 * turns a string into bytes with a JavaScript loop per character and pushes it through the stream machinery, and a
 * document of a few thousand objects spent a few milliseconds of every watch rebuild there. Here _write keeps the
 * pieces in an array instead, with the same bytes (Latin-1, the low byte of each character, and pdfkit's newline)
 * and the same byte offsets for the cross-reference table; the header pdfkit wrote in its constructor is read
 * from the stream first, so the order is kept.
 */

interface WriterInternals {
  _write(data: unknown): void;
  _offset: number;
  read(): Buffer | null;
  readonly readableLength: number;
}

/**
 * Takes over `doc`'s output: resolves with the whole file once pdfkit has ended it (after doc.end(); images that
 * pdfkit decodes asynchronously, PNGs with alpha, may end it a little later).
 */
export function collectOutput(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const d = doc as unknown as WriterInternals;
  if (typeof d._write !== 'function' || typeof d._offset !== 'number') throw new Error('pdfkit writer internals changed: pdf/output.ts is written against pdfkit 0.20.2');
  const chunks: Uint8Array[] = [];
  // what the constructor wrote (the %PDF header), still in the stream's buffer
  const head = d.readableLength > 0 ? d.read() : null;
  if (head) chunks.push(head);
  d._write = function write(this: WriterInternals, data: unknown) {
    const b = data instanceof Uint8Array ? data : Buffer.from(`${data as string}\n`, 'latin1');
    chunks.push(b);
    this._offset += b.length;
  };
  return new Promise((resolve, reject) => {
    // flowing, so the end of the stream (pdfkit pushes it after the trailer) is seen; no data may come through it
    doc.on('data', () => reject(new Error('pdfkit wrote past pdf/output.ts: the file would be incomplete')));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
