/**
 * The PDF's bytes collected straight from pdfkit's writer. pdfkit (0.20.2, pinned) is a Readable stream: every
 * piece of every object (`1 0 obj`, the dictionary, the stream, `endobj`) goes through PDFDocument._write, which
 * turns a string into bytes with a JavaScript loop per character and pushes it through the stream machinery, and a
 * document of a few thousand objects spent a few milliseconds of every watch rebuild there. Here _write keeps the
 * pieces in an array instead (the text between two streams joined and encoded at once), with the same bytes (Latin-1, the low byte of each character, and pdfkit's newline)
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
  // text pieces (all but streams' bytes) are joined and encoded together, once a stream's bytes or the end comes
  let text: string[] = [];
  const flushText = () => {
    if (text.length === 0) return;
    chunks.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  // what the constructor wrote (the %PDF header), still in the stream's buffer
  const head = d.readableLength > 0 ? d.read() : null;
  if (head) chunks.push(head);
  d._write = function write(this: WriterInternals, data: unknown) {
    if (data instanceof Uint8Array) {
      flushText();
      chunks.push(data);
      this._offset += data.length;
      return;
    }
    // Latin-1: one byte per UTF-16 code unit, so the offset moves by the length (and the newline)
    const s = `${data as string}\n`;
    text.push(s);
    this._offset += s.length;
  };
  return new Promise((resolve, reject) => {
    // flowing, so the end of the stream (pdfkit pushes it after the trailer) is seen; no data may come through it
    doc.on('data', () => reject(new Error('pdfkit wrote past pdf/output.ts: the file would be incomplete')));
    doc.on('end', () => {
      flushText();
      resolve(joinChunks(chunks));
    });
    doc.on('error', reject);
  });
}

/**
 * The chunks in one array of exactly their length, copied once (Buffer.concat and then a Uint8Array of it copied the
 * whole file twice: ≈ 0.25 ms more for the 2.5 MB of a 10× report, min of 40, and several times that when the
 * machine is busy).
 */
function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
