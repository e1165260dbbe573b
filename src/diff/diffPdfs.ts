/**
 * Compares two PDFs page by page: aligns pages by content (alignPages), then per aligned pair compares the
 * rendered pixels (comparePixels) and the words (wordDiff). In `text` mode nothing is rendered. Renders of changed
 * pages are kept for the report images; unchanged ones are dropped at once, so memory stays at two pages.
 */
import { openPdf, type RgbaImage } from '../raster/openPdf.ts';
import { alignPages } from './alignPages.ts';
import { comparePixels, type Region } from './comparePixels.ts';
import { diffWords, toWords, type WordHunk } from './wordDiff.ts';

/** What happened to one page; page numbers are 1-based physical pages (not printed folios). */
export interface PageChange {
  /** `moved`: the page's content is unchanged except for numbers that shifted with it (its folio). */
  readonly kind: 'changed' | 'inserted' | 'removed' | 'moved';
  readonly old?: number;
  readonly new?: number;
  readonly differingPixels: number;
  readonly regions: readonly Region[];
  readonly hunks: readonly WordHunk[];
  readonly oldImage?: RgbaImage;
  readonly newImage?: RgbaImage;
}

/** The comparison of two PDFs. */
export interface PdfDiff {
  readonly oldPages: number;
  readonly newPages: number;
  readonly dpi: number;
  readonly textOnly: boolean;
  /** Every page that is not identical, in reading order of the new PDF. */
  readonly changes: readonly PageChange[];
}

/** A "moved" page may differ in at most this share of its pixels: a folio, not a recoloured chart. */
const MOVED_MAX_SHARE = 0.005;

/** Compares `oldBytes` with `newBytes` at `dpi` (render resolution), or by text only. */
export async function diffPdfs(oldBytes: Uint8Array, newBytes: Uint8Array, o: { dpi: number; textOnly?: boolean }): Promise<PdfDiff> {
  const [a, b] = await Promise.all([openPdf(oldBytes), openPdf(newBytes)]);
  try {
    const wordsOf = async (pdf: typeof a) => {
      const out: string[][] = [];
      for (let n = 1; n <= pdf.pageCount; n++) out.push(toWords((await pdf.text(n)).map((w) => w.str).join(' ')));
      return out;
    };
    const [oldWords, newWords] = [await wordsOf(a), await wordsOf(b)];
    const changes: PageChange[] = [];
    for (const pair of alignPages(oldWords, newWords)) {
      const old = pair.old === undefined ? undefined : pair.old + 1;
      const neu = pair.new === undefined ? undefined : pair.new + 1;
      const render = async (pdf: typeof a, n?: number) => (o.textOnly || n === undefined ? undefined : pdf.render(n, o.dpi));
      const [oldImage, newImage] = [await render(a, old), await render(b, neu)];
      const hunks = diffWords(old ? oldWords[old - 1]! : [], neu ? newWords[neu - 1]! : []);
      const base = { old, new: neu, hunks, oldImage, newImage };
      if (old === undefined || neu === undefined) {
        const img = (oldImage ?? newImage)!;
        const whole = img ? [{ x: 0, y: 0, width: img.width, height: img.height }] : [];
        changes.push({ ...base, kind: old === undefined ? 'inserted' : 'removed', differingPixels: img ? img.width * img.height : 0, regions: whole });
        continue;
      }
      const px = oldImage && newImage ? comparePixels(oldImage, newImage) : { differing: hunks.length ? 1 : 0, regions: [] };
      if (!px.differing && !hunks.length) continue;
      const area = newImage ? newImage.width * newImage.height : 1;
      const small = px.differing <= area * MOVED_MAX_SHARE || !newImage;
      const kind = hunks.length && small && onlyShiftedNumbers(hunks, neu - old) ? 'moved' : 'changed';
      changes.push({ ...base, kind, differingPixels: px.differing, regions: px.regions });
    }
    return { oldPages: a.pageCount, newPages: b.pageCount, dpi: o.dpi, textOnly: !!o.textOnly, changes };
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** True when every changed word is a number that grew by exactly the page's shift (its own page number). */
export function onlyShiftedNumbers(hunks: readonly WordHunk[], shift: number): boolean {
  if (!shift) return false;
  return hunks.every(
    (h) =>
      h.removed.length === h.added.length &&
      h.removed.every((w, i) => w === h.added[i] || (/^\d+$/.test(w) && /^\d+$/.test(h.added[i]!) && Number(h.added[i]) - Number(w) === shift)),
  );
}

/** True when the PDFs render (or read, in text mode) the same. */
export function isEqual(d: PdfDiff): boolean {
  return d.changes.length === 0;
}
