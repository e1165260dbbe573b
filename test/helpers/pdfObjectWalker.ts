/**
 * A small reader for the objects of an uncompressed-xref PDF (what pdfkit writes: plain `n 0 obj … endobj`,
 * no object streams), independent of the writer: tests resolve the structure tree, ParentTree, IDTree and
 * annotations with it. Streams are skipped by their /Length (content is read with pdf.js instead).
 */
import { inflateSync } from 'node:zlib';

export class Ref {
  constructor(readonly num: number) {}
}
export class Name {
  constructor(readonly name: string) {}
}
export type PdfValue = number | boolean | null | string | Name | Ref | PdfValue[] | PdfDict;
export interface PdfDict {
  readonly [key: string]: PdfValue;
}

/** A parsed PDF: objects by number, the trailer, and a resolver. */
export interface PdfObjects {
  readonly objects: ReadonlyMap<number, PdfValue>;
  readonly streams: ReadonlyMap<number, Uint8Array>;
  readonly trailer: PdfDict;
  /** Follows references; other values come back unchanged. */
  get(v: PdfValue | undefined): PdfValue | undefined;
  dict(v: PdfValue | undefined): PdfDict;
}

export function readObjects(bytes: Uint8Array): PdfObjects {
  const src = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, PdfValue>();
  const streams = new Map<number, Uint8Array>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(src))) {
    const p = new Parser(src, head.lastIndex);
    const value = p.value();
    objects.set(Number(m[1]), value);
    p.ws();
    if (src.startsWith('stream', p.i)) {
      let start = p.i + 'stream'.length;
      if (src[start] === '\r') start++;
      if (src[start] === '\n') start++;
      const len = (value as PdfDict).Length;
      const n = typeof len === 'number' ? len : 0;
      const raw = bytes.subarray(start, start + n);
      const filter = (value as PdfDict).Filter;
      streams.set(Number(m[1]), filter instanceof Name && filter.name === 'FlateDecode' ? inflateSync(raw) : raw);
      head.lastIndex = start + n;
    } else {
      head.lastIndex = p.i;
    }
  }
  const t = src.lastIndexOf('trailer');
  const trailer = (t >= 0 ? new Parser(src, t + 'trailer'.length).value() : {}) as PdfDict;
  const get = (v: PdfValue | undefined): PdfValue | undefined => (v instanceof Ref ? objects.get(v.num) : v);
  return { objects, streams, trailer, get, dict: (v) => (get(v) ?? {}) as PdfDict };
}

const DELIM = /[\s()<>[\]{}/%]/;

class Parser {
  constructor(readonly s: string, public i: number) {}

  ws(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
      if (this.s[this.i] !== '%') return;
      while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    }
  }

  value(): PdfValue {
    this.ws();
    const s = this.s;
    const c = s[this.i];
    if (c === '<' && s[this.i + 1] === '<') return this.dictionary();
    if (c === '<') return this.hex();
    if (c === '[') {
      this.i++;
      const out: PdfValue[] = [];
      for (;;) {
        this.ws();
        if (s[this.i] === ']') {
          this.i++;
          return out;
        }
        out.push(this.value());
      }
    }
    if (c === '(') return this.literal();
    if (c === '/') {
      this.i++;
      const start = this.i;
      while (this.i < s.length && !DELIM.test(s[this.i]!)) this.i++;
      return new Name(s.slice(start, this.i).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    const word = /^[^\s()<>[\]{}/%]+/.exec(s.slice(this.i, this.i + 64))?.[0] ?? '';
    this.i += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const n = Number(word);
    const ref = /^\s+(\d+)\s+R(?![A-Za-z])/.exec(s.slice(this.i, this.i + 24));
    if (Number.isInteger(n) && ref && ref[1] === '0') {
      this.i += ref[0].length;
      return new Ref(n);
    }
    if (Number.isNaN(n)) throw new Error(`pdf parse: unexpected "${word || c}" at ${this.i}`);
    return n;
  }

  private dictionary(): PdfDict {
    this.i += 2;
    const out: Record<string, PdfValue> = {};
    for (;;) {
      this.ws();
      if (this.s.startsWith('>>', this.i)) {
        this.i += 2;
        return out;
      }
      const key = this.value();
      if (!(key instanceof Name)) throw new Error(`pdf parse: dictionary key expected at ${this.i}`);
      out[key.name] = this.value();
    }
  }

  private hex(): string {
    const end = this.s.indexOf('>', this.i);
    const hex = this.s.slice(this.i + 1, end).replace(/\s/g, '');
    this.i = end + 1;
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    return decodeText(bytes);
  }

  private literal(): string {
    const s = this.s;
    this.i++;
    let depth = 1;
    const out: number[] = [];
    while (this.i < s.length) {
      const c = s[this.i++]!;
      if (c === '\\') {
        const e = s[this.i++]!;
        const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (e in map) out.push(map[e]!);
        else if (/[0-7]/.test(e)) {
          let oct = e;
          while (oct.length < 3 && /[0-7]/.test(s[this.i]!)) oct += s[this.i++];
          out.push(parseInt(oct, 8) & 0xff);
        } else if (e === '\r' || e === '\n') {
          if (e === '\r' && s[this.i] === '\n') this.i++;
        } else out.push(e.charCodeAt(0));
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) break;
      out.push(c.charCodeAt(0));
    }
    return decodeText(Buffer.from(out));
  }
}

/** PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (latin-1 is close enough here). */
function decodeText(b: Buffer): string {
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return b.toString('latin1');
}
