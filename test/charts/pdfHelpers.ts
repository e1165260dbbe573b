import PDFDocument from 'pdfkit';
import { drawSvg } from '../../src/pdf/drawSvg.ts';
import { FONTS_DIR, loadTestTheme } from './helpers.ts';

let fontKeys: ReturnType<typeof loadTestTheme>['chart']['fontKeys'] | undefined;

/** Maps an SVG font to the template's chart font keys, as pdf/ does with the theme. */
export function chartFontKey(_family: string, bold: boolean, italic: boolean): string {
  // asked for every text of every chart: the template is read once, not once per label
  const k = (fontKeys ??= loadTestTheme().chart.fontKeys);
  return italic ? k.italic : bold ? k.bold : k.normal;
}

/** One PDF page per SVG, each drawn with drawSvg at its placed size; fonts registered from fonts/ under the template's keys. */
export function svgPagesToPdf(pages: readonly { svg: string; widthPt: number; heightPt: number }[], warn?: (m: string) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, info: { CreationDate: new Date(0) } });
  for (const [key, file] of Object.entries(loadTestTheme().fontFiles)) doc.registerFont(key, `${FONTS_DIR}/${file}`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  for (const p of pages) {
    doc.addPage({ size: [p.widthPt + 40, p.heightPt + 40], margin: 0 });
    drawSvg(doc, p.svg, 20, 20, p.widthPt, p.heightPt, chartFontKey, warn);
  }
  doc.end();
  return done;
}

/** Text of each page as pdfjs extracts it (what a reader can search and copy). */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    out.push(tc.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await task.destroy();
  return out;
}

/** BaseFont names of all font dictionaries and whether each has an embedded font file (pdfkit writes dictionaries uncompressed). */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const text = Buffer.from(pdf).toString('latin1');
  const fonts: { name: string; embedded: boolean }[] = [];
  // A Type0 font and its CIDFont descendant share one name: list each name once.
  for (const m of text.matchAll(/\/Type \/Font\b[\s\S]*?\/BaseFont \/([^\s/>]+)/g)) {
    if (!fonts.some((f) => f.name === m[1])) fonts.push({ name: m[1], embedded: false });
  }
  const descriptors = [...text.matchAll(/\/FontName \/([^\s/>]+)[^>]*?(\/FontFile[23]?)/g)].map((m) => m[1]);
  return fonts.map((f) => ({ ...f, embedded: descriptors.includes(f.name) }));
}
