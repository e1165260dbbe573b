/**
 * The PDF's bytes collected straight from pdfkit's writer. pdfkit (0.20.2, pinned) is a Readable stream: every
 * piece of every object (`1 0 obj`, the dictionary, the stream, `endobj`) goes through PDFDocument._write, which
 * turns a string into bytes with a JavaScript loop per character and pushes it through the stream machinery, and a
 * document of a few thousand objects spent a few milliseconds of every watch rebuild there. Here _write keeps the
 * pieces in an array instead (the text between two streams joined and encoded at once), with the same bytes (Latin-1, the low byte of each character, and pdfkit's newline)
 * and the same byte offsets for the cross-reference table; the header pdfkit wrote in its constructor is read
 * from the stream first, so the order is kept.
 *
 * A page's content stream may be compressed off the main thread (pageStreams.ts compressPageLater, zlib in libuv's
 * pool, the same bytes as deflateSync): its object is then a hole of bytes known later (writeLater). pdfkit notes each
 * object's offset as it is written, so once every hole is filled, just before pdfkit writes the cross-reference table
 * (its _finalize, after doc.end()), every offset noted after a hole moves by the hole's length: the same offsets as
 * had the bytes been there.
 */

interface WriterInternals {
  _write(data: unknown): void;
  _offset: number;
  _offsets: (number | null)[];
  _finalize(): void;
  [LATER]?: (bytes: Promise<Uint8Array>) => void;
  read(): Buffer | null;
  readonly readableLength: number;
}

const LATER = Symbol('reportpress.writeLater');

/** True when `doc`'s output is collected here, so an object's bytes may come later (writeLater). */
export function canWriteLater(doc: unknown): boolean {
  return typeof (doc as WriterInternals)[LATER] === 'function';
}

/** Writes bytes known later at the current place of `doc`'s output (collectOutput must have taken it over). */
export function writeLater(doc: unknown, bytes: Promise<Uint8Array>): void {
  const w = (doc as WriterInternals)[LATER];
  if (!w) throw new Error('pdf/output.ts: writeLater on a document whose output is not collected');
  w(bytes);
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
  // holes for bytes known later: their place among the chunks, the offset noted there, and the bytes
  const holes: { at: number; offset: number; bytes: Promise<Uint8Array> }[] = [];
  d[LATER] = (bytes) => {
    flushText();
    holes.push({ at: chunks.length, offset: d._offset, bytes });
    chunks.push(new Uint8Array(0));
  };
  return new Promise((resolve, reject) => {
    const finalize = d._finalize;
    d._finalize = function finalizeWhenFilled(this: WriterInternals) {
      if (holes.length === 0) return finalize.call(this);
      Promise.all(holes.map((h) => h.bytes)).then((all) => {
        let moved = 0;
        const shifts = holes.map((h, k) => {
          chunks[h.at] = all[k]!;
          return [h.offset, (moved += all[k]!.length)] as const;
        });
        // an object noted at or after a hole's offset lies after it (the hole's own object began before it)
        this._offsets = this._offsets.map((o) => {
          if (o === null) return o;
          let by = 0;
          for (const [at, total] of shifts) if (o >= at) by = total;
          return o + by;
        });
        this._offset += moved;
        holes.length = 0;
        finalize.call(this);
      }, reject);
    };
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
