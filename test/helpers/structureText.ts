/**
 * The text of each marked-content sequence as a program reading the structure tree gets it (a screen reader, an
 * accessibility checker's text view): the Unicode of every code shown inside the sequence, through the font's
 * ToUnicode CMap, with a span's /ActualText in place of what it covers, and nothing added, no line breaks, no gaps
 * guessed from positions. Read with the object walker from the content streams, independently of pdf.js.
 */
import { Name, readObjects, Ref, type PdfDict, type PdfValue } from './pdfObjectWalker.ts';
import { parseToUnicode } from './pdfFonts.ts';

/** "page:mcid" (pages 0-based) → the sequence's text. */
export function sequenceTexts(bytes: Uint8Array): Map<string, string> {
  const o = readObjects(bytes);
  const pages = (o.dict(o.dict(o.trailer.Root).Pages).Kids as Ref[]).map((r) => o.dict(r));
  const out = new Map<string, string>();
  pages.forEach((page, p) => {
    const fonts = new Map<string, Map<string, string>>();
    for (const [key, ref] of Object.entries(o.dict(o.dict(page.Resources).Font))) {
      const tu = o.dict(ref).ToUnicode;
      fonts.set(key, tu instanceof Ref ? parseToUnicode(Buffer.from(o.streams.get(tu.num) ?? []).toString('latin1')) : new Map());
    }
    const content = [page.Contents].flat().map((c) => Buffer.from(o.streams.get((c as Ref).num) ?? []).toString('latin1')).join('\n');
    // marked content: the MCID in force and whether an ActualText replaces what is shown
    const stack: { mcid?: string; actual: boolean }[] = [];
    let font = new Map<string, string>();
    const operands: PdfValue[] = [];
    const emit = (s: string) => {
      const top = stack.at(-1);
      if (!top?.mcid || stack.some((m) => m.actual)) return;
      out.set(top.mcid, (out.get(top.mcid) ?? '') + s);
    };
    for (const tok of tokens(content)) {
      if (tok === null || typeof tok !== 'object' || !('op' in tok)) {
        operands.push(tok as PdfValue);
        continue;
      }
      const op = tok.op;
      if (op === 'Tf') font = fonts.get((operands[0] as Name).name) ?? new Map();
      else if (op === 'BDC' || op === 'BMC') {
        const props = (op === 'BDC' ? operands[1] : undefined) as PdfDict | undefined;
        const mcid = typeof props?.MCID === 'number' ? `${p}:${props.MCID}` : stack.at(-1)?.mcid;
        const actual = textString(props?.ActualText as Token | undefined);
        if (actual !== undefined) emit(actual);
        stack.push({ ...(mcid && { mcid }), actual: actual !== undefined });
      } else if (op === 'EMC') stack.pop();
      else if (op === 'TJ' || op === 'Tj') {
        for (const s of [operands[0]].flat()) if (typeof s === 'object' && s !== null && 'hex' in (s as object)) emit(decode((s as unknown as { hex: string }).hex, font));
      }
      operands.length = 0;
    }
  });
  return out;
}

/** PDFDocEncoding 0x80–0xA0 (ISO 32000-1, Table D.2); other codes are Latin-1. */
const PDFDOC_HIGH = [...'•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž', undefined, '€'];

/** A text string operand: literal (PDFDocEncoding, as latin-1 here) or hex (UTF-16BE with a byte-order mark). */
function textString(t: Token | undefined): string | undefined {
  if (typeof t === 'string') return [...t].map((ch) => PDFDOC_HIGH[ch.charCodeAt(0) - 0x80] ?? ch).join('');
  if (t && typeof t === 'object' && 'hex' in t) {
    const b = Buffer.from(String((t as { hex: string }).hex), 'hex');
    if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
    return b.toString('latin1');
  }
  return undefined;
}

/** Two-byte codes of a hex string through a ToUnicode map (pdfkit's fonts are Identity-H). */
function decode(hex: string, map: ReadonlyMap<string, string>): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += map.get(hex.slice(i, i + 4).toUpperCase()) ?? '\ufffd';
  return s;
}

type Token = PdfValue | { op: string } | { hex: string };

/** A small content-stream tokenizer: numbers, names, hex and literal strings, arrays, dictionaries, operators. */
function* tokens(s: string): Generator<Token> {
  let i = 0;
  const value = (): Token => {
    while (/\s/.test(s[i] ?? '')) i++;
    const c = s[i];
    if (c === '[') {
      i++;
      const arr: Token[] = [];
      for (;;) {
        while (/\s/.test(s[i] ?? '')) i++;
        if (s[i] === ']') return (i++, arr as PdfValue);
        arr.push(value());
      }
    }
    if (c === '<' && s[i + 1] === '<') {
      i += 2;
      const d: Record<string, Token> = {};
      for (;;) {
        while (/\s/.test(s[i] ?? '')) i++;
        if (s.startsWith('>>', i)) return (i += 2, d as PdfValue);
        const k = value() as Name;
        d[k.name] = value();
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end).replace(/\s/g, '');
      i = end + 1;
      return { hex };
    }
    if (c === '(') {
      let depth = 0;
      let text = '';
      for (; i < s.length; i++) {
        const ch = s[i]!;
        if (ch === '\\') {
          const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))?.[0];
          if (oct) {
            text += String.fromCharCode(parseInt(oct, 8));
            i += oct.length;
          } else text += s[++i];
          continue;
        }
        if (ch === '(' && depth++ === 0) continue;
        if (ch === ')' && --depth === 0) break;
        text += ch;
      }
      i++;
      return text;
    }
    if (c === '/') {
      const m = /^\/[^\s/<>[\]()]*/.exec(s.slice(i, i + 128))![0];
      i += m.length;
      return new Name(m.slice(1));
    }
    const m = /^[^\s/<>[\]()]+/.exec(s.slice(i, i + 64))?.[0] ?? s[i++]!;
    if (m.length) i += m.length;
    const n = Number(m);
    return Number.isNaN(n) ? (m === 'true' || m === 'false' ? m === 'true' : { op: m }) : n;
  };
  while (i < s.length) {
    while (/\s/.test(s[i] ?? '')) i++;
    if (i >= s.length) return;
    yield value();
  }
}
