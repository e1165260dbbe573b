/** Reads a built PDF back with pdfjs-dist: text items with positions, page sizes and font embedding. */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  readonly str: string;
  readonly x: number;
  /** Baseline, from the top of the page (points). */
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
}

export interface PdfPageText {
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
  /** The page's text in content order, items joined with spaces where pdf.js sees gaps. */
  readonly text: string;
}

export interface ParsedPdf {
  readonly pages: readonly PdfPageText[];
  readonly info: Record<string, unknown>;
  readonly outline: readonly { title: string; items: unknown[] }[];
  /** Every font used, with whether its program is embedded in the file. */
  readonly fonts: ReadonlyMap<string, { name: string; embedded: boolean }>;
  readonly language?: string;
}

/** Parses the PDF bytes; fonts are collected from each page's operator list. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPageText[] = [];
  const fonts = new Map<string, { name: string; embedded: boolean }>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    const tc = await page.getTextContent();
    const items: TextItem[] = [];
    let text = '';
    for (const it of tc.items as { str: string; transform: number[]; width: number; height: number; fontName: string; hasEOL?: boolean }[]) {
      if (typeof it.str !== 'string') continue;
      items.push({ str: it.str, x: it.transform[4], y: vp.height - it.transform[5], width: it.width, height: it.height, fontName: it.fontName });
      text += it.str + (it.hasEOL ? '\n' : '');
    }
    pages.push({ width: vp.width, height: vp.height, items, text });
    // Fonts: after the operator list is built, each text item's font object says whether its program was embedded.
    await page.getOperatorList();
    for (const name of new Set(items.map((t) => t.fontName))) {
      if (fonts.has(name) || !page.commonObjs.has(name)) continue;
      const f = page.commonObjs.get(name) as { name?: string; missingFile?: boolean };
      fonts.set(name, { name: String(f.name), embedded: f.missingFile === false });
    }
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []) as { title: string; items: unknown[] }[];
  const lang = (meta.info as Record<string, unknown>).Language as string | undefined;
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, outline, fonts, language: lang };
}

/** Normalises text for order checks: one space between words, no soft hyphens, typographic marks kept. */
export function words(s: string): string[] {
  return s.replace(/\u00ad/g, '').split(/\s+/).filter(Boolean);
}
