/**
 * Fonts as a PDF/A validator sees them: for every content stream (pages and the form XObjects they paint), the
 * font each text operator uses and every character code it draws; for every font, whether its program is
 * embedded and which codes its ToUnicode CMap maps to text.
 */
import { PdfObjects, type Json } from './pdfObjects.ts';

type Dict = { [k: string]: Json };

export interface FontUse {
  readonly ref: string;
  readonly baseFont: string;
  readonly embedded: boolean;
  /** Codes drawn (hex, as written in the content streams). */
  readonly codes: Set<string>;
  /** Code → text, from ToUnicode (absent: no ToUnicode). */
  readonly toUnicode?: Map<string, string>;
}

/** Parses a ToUnicode CMap's bfchar and bfrange sections into code → text (hex codes upper-case). */
export function parseToUnicode(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  const hexText = (h: string) => Buffer.from(h.length % 4 ? h.padStart(h.length + (4 - (h.length % 4)), '0') : h, 'hex').swap16().toString('utf16le');
  for (const sec of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of sec[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) out.set(m[1]!.toUpperCase(), hexText(m[2]!.replace(/\s/g, '')));
  }
  for (const sec of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of sec[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const dst = m[3]!;
      const list = dst.startsWith('[') ? [...dst.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((x) => x[1]!.replace(/\s/g, '')) : undefined;
      for (let c = lo; c <= hi; c++) {
        const code = c.toString(16).toUpperCase().padStart(width, '0');
        if (list) out.set(code, hexText(list[c - lo] ?? ''));
        else {
          const base = parseInt(dst.slice(1, -1), 16) + (c - lo);
          out.set(code, String.fromCodePoint(base));
        }
      }
    }
  }
  return out;
}

/** Every font used by text operators anywhere in the document, with the codes drawn in it. */
export function fontUses(o: PdfObjects): Map<string, FontUse> {
  const uses = new Map<string, FontUse>();
  const seenForms = new Set<string>();
  const font = (ref: string): FontUse => {
    let u = uses.get(ref);
    if (!u) {
      const f = o.dict(ref);
      const desc = f['/Subtype'] === '/Type0' ? o.dict(o.array(f['/DescendantFonts'])[0]) : f;
      const fd = o.dict(desc['/FontDescriptor']);
      const embedded = !!(fd['/FontFile'] || fd['/FontFile2'] || fd['/FontFile3']);
      const tu = f['/ToUnicode'];
      u = { ref, baseFont: String(f['/BaseFont'] ?? ''), embedded, codes: new Set(), ...(tu ? { toUnicode: parseToUnicode(o.streamData(tu).toString('latin1')) } : {}) };
      uses.set(ref, u);
    }
    return u;
  };
  const walk = (content: string, resources: Dict): void => {
    const fonts = o.dict(resources['/Font']);
    const twoByte = (ref: string) => o.dict(ref)['/Subtype'] === '/Type0';
    let current: string | undefined;
    // Tokens: font selections, hex strings (pdfkit and svg-to-pdfkit write text only as hex), and show operators.
    for (const m of content.matchAll(/\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F\s]*>\s*Tj)|\/([^\s/<>[\]()]+)\s+Do\b/g)) {
      if (m[1]) current = fonts[`/${m[1]}`] as string | undefined;
      else if (m[2] && current) {
        const u = font(current);
        const size = twoByte(current) ? 4 : 2;
        for (const h of m[2].matchAll(/<([0-9a-fA-F\s]*)>/g)) {
          const hex = h[1]!.replace(/\s/g, '').toUpperCase();
          for (let i = 0; i + size <= hex.length; i += size) u.codes.add(hex.slice(i, i + size));
        }
      } else if (m[3]) {
        const xref = o.dict(resources['/XObject'])[`/${m[3]}`] as string | undefined;
        if (!xref || seenForms.has(xref)) continue;
        const x = o.dict(xref);
        if (x['/Subtype'] !== '/Form') continue;
        seenForms.add(xref);
        walk(o.streamData(xref).toString('latin1'), o.dict(x['/Resources']));
      }
    }
  };
  for (const page of o.pages()) walk(o.content(page), o.dict(page['/Resources']));
  return uses;
}

/** Problems a PDF/A-2a validator would report about fonts: not embedded, no ToUnicode, a drawn code unmapped. */
export function fontProblems(o: PdfObjects): string[] {
  const out: string[] = [];
  for (const u of fontUses(o).values()) {
    if (!u.embedded) out.push(`${u.baseFont}: not embedded`);
    if (!u.toUnicode) {
      out.push(`${u.baseFont}: no ToUnicode`);
      continue;
    }
    for (const c of u.codes) {
      const t = u.toUnicode.get(c);
      if (!t || t === '\u0000' || t === '\ufffd') out.push(`${u.baseFont}: code ${c} has no Unicode text`);
    }
  }
  return out;
}
