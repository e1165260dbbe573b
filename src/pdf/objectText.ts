/**
 * The text of every indirect object, written by our own serialiser with pdfkit's exact output. pdfkit (0.20.2,
 * pinned) writes an object when it is ended (PDFReference.finalize) through PDFObject.convert, which tests each value
 * against a chain of classes (String, Uint8Array, trees, references, dates, arrays) before it reaches the plain
 * dictionaries, arrays, names and numbers almost every value is, and builds each dictionary and array as an array of
 * pieces joined. A 10× report has ≈ 4,000 objects (≈ 2,700 of them structure elements), and convert was the largest
 * single cost of a watcher's rebuild. Here the plain cases come first, in the same text; anything else is written as
 * convert writes it (the text-string, hex and date forms are pdfkit's, copied), and a document that encrypts keeps
 * pdfkit's own finalize (nothing here encrypts). PDFObject itself is not exported by pdfkit, so each reference a
 * document makes gets this finalize instead of its class's (installObjectText wraps the document's `ref`).
 * test/pdf/objectText.test.ts writes documents and odd values both ways and compares the bytes.
 */
import { deflateSync } from 'node:zlib';
import { writeLater } from './output.ts';

/** pdfkit's PDFReference as finalize uses it. */
interface RefInternals {
  readonly id: number;
  readonly gen: number;
  data: Record<string, unknown>;
  buffer: Uint8Array[] | Uint8Array;
  compress: boolean;
  offset: number;
  readonly document: DocInternals;
  finalize(): void;
}
interface DocInternals {
  _offset: number;
  _security?: unknown;
  _write(data: unknown): void;
  _refEnd(ref: unknown): void;
  ref(data?: object): RefInternals;
  readonly _root: RefInternals;
}

/** PDF text-string escapes (pdfkit's escapableRe and escapable). */
const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** pdfkit's number: rounded to six decimals, an error outside ±1e21 (and for NaN). */
function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** pdfkit's pad: the last `length` characters of zeros followed by the value. */
const pad = (v: number, length: number): string => (Array(length + 1).join('0') + v).slice(-length);

/** A String object as pdfkit writes it: Latin-1 as is when all ASCII, else UTF-16BE with a byte-order mark; escaped. */
function textString(s: string): string {
  let unicode = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      unicode = true;
      break;
    }
  }
  let bytes = s;
  if (unicode) {
    const parts = ['\u00fe\u00ff'];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      parts.push(String.fromCharCode(c >> 8, c & 0xff));
    }
    bytes = parts.join('');
  }
  return `(${bytes.replace(ESCAPABLE, (c) => ESCAPES[c]!)})`;
}

/** The text of a value, as PDFObject.convert(value) makes it; `Ref` is pdfkit's PDFAbstractReference. */
function textOf(o: unknown, Ref: abstract new () => object): string {
  switch (typeof o) {
    case 'string':
      return `/${o}`;
    case 'number':
      return `${num(o)}`;
    case 'object':
      break;
    default:
      return `${o as string}`;
  }
  if (o === null) return 'null';
  if (Array.isArray(o)) {
    let s = '[';
    for (let i = 0; i < o.length; i++) {
      const e: unknown = o[i];
      s += `${i > 0 ? ' ' : ''}${textOf(e === undefined ? null : e, Ref)}`;
    }
    return `${s}]`;
  }
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return classText(o, Ref);
  let s = '<<';
  for (const key in o) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== undefined) s += `\n/${key} ${textOf(v, Ref)}`;
  }
  return `${s}\n>>`;
}

/** Objects of a class, in convert's order: text strings, bytes, trees, references and colours, dates, the rest. */
function classText(o: object, Ref: abstract new () => object): string {
  if (o instanceof String) return textString(o.valueOf());
  if (o instanceof Uint8Array) return `<${Buffer.from(o.buffer, o.byteOffset, o.byteLength).toString('hex')}>`;
  // a PDFTree (name and number trees) writes itself, converting its entries with pdfkit's own convert
  if ('_items' in o && typeof (o as { _compareKeys?: unknown })._compareKeys === 'function') return (o as { toString(e: null): string }).toString(null);
  // a reference, or a SpotColor (its own reference's)
  if (o instanceof Ref || ('ref' in o && (o as { ref: unknown }).ref instanceof Ref && 'values' in o)) return String(o);
  if (o instanceof Date) return `(D:${pad(o.getUTCFullYear(), 4)}${pad(o.getUTCMonth() + 1, 2)}${pad(o.getUTCDate(), 2)}${pad(o.getUTCHours(), 2)}${pad(o.getUTCMinutes(), 2)}${pad(o.getUTCSeconds(), 2)}Z)`;
  if (Object.prototype.toString.call(o) !== '[object Object]') return `${o as unknown as string}`;
  let s = '<<';
  for (const key in o) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== undefined) s += `\n/${key} ${textOf(v, Ref)}`;
  }
  return `${s}\n>>`;
}

const LATER_STREAM = Symbol('reportpress.laterStream');

/**
 * Gives `ref` its already-filtered stream later (pageStreams.ts compressPageLater): its object is written as a hole
 * (output.ts writeLater) filled with the dictionary (/Length the bytes') and the stream once `bytes` resolves.
 */
export function setStreamLater(ref: object, bytes: Promise<Uint8Array>): void {
  (ref as { [LATER_STREAM]?: Promise<Uint8Array> })[LATER_STREAM] = bytes;
}

/**
 * Makes every reference `doc` creates from now on write itself with textOf (same bytes as pdfkit's finalize). The
 * references pdfkit made in its constructor (catalog, page tree, info) keep pdfkit's.
 */
export function installObjectText(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as DocInternals;
  const own = Object.getPrototypeOf(d._root) as RefInternals | null;
  const Ref = own && (Object.getPrototypeOf(own) as { constructor: abstract new () => object } | null)?.constructor;
  if (!own || typeof own.finalize !== 'function' || typeof Ref !== 'function' || !(d._root instanceof Ref) || typeof d._write !== 'function') {
    throw new Error('pdfkit reference internals changed: pdf/objectText.ts is written against pdfkit 0.20.2');
  }
  const pdfkitFinalize = own.finalize;
  function finalize(this: RefInternals): void {
    const doc = this.document;
    if (doc._security) return pdfkitFinalize.call(this);
    this.offset = doc._offset;
    const later = (this as { [LATER_STREAM]?: Promise<Uint8Array> })[LATER_STREAM];
    if (later) {
      // the same text as below, from the dictionary on written once the compressed bytes are in (output.ts)
      doc._write(`${this.id} ${this.gen} obj`);
      writeLater(doc, later.then((z) => {
        this.data.Length = z.length;
        return Buffer.concat([Buffer.from(`${textOf(this.data, Ref!)}\nstream\n`, 'latin1'), z, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
      }));
      this.buffer = [];
      doc._refEnd(this);
      return;
    }
    if (this.buffer.length) {
      // one chunk (a cached stream, a font program) is written as it is: pdfkit's copy of it would be the same bytes
      const chunks = this.buffer as Uint8Array[];
      let bytes: Uint8Array = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      if (this.compress) bytes = deflateSync(bytes);
      this.buffer = bytes;
      this.data.Length = bytes.length;
    }
    doc._write(`${this.id} ${this.gen} obj`);
    doc._write(textOf(this.data, Ref!));
    if (this.buffer.length) {
      doc._write('stream');
      doc._write(this.buffer);
      this.buffer = [];
      doc._write('\nendstream');
    }
    doc._write('endobj');
    doc._refEnd(this);
  }
  const ref = d.ref;
  d.ref = function refWithText(this: DocInternals, data?: object) {
    const r = ref.call(this, data);
    r.finalize = finalize;
    return r;
  };
}
