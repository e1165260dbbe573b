/**
 * A page's parts as content streams (pdf/drawPage.ts): a page with furniture has /Contents [head, content, foot]
 * (read back with qpdf), each stream balances its marked content, and the content's stream is the same whatever
 * the page's number and folio; with the page-stream cache a renumbered page takes its content stream from the
 * cache (only head and foot are new) and the document has the bytes of one written without the cache.
 */
import { describe, expect, test } from 'vitest';
import type { FrameItem, Page } from '../../src/model/types.ts';
import type { CachedPage } from '../../src/pdf/pageStreams.ts';
import { writePdf, type PdfVariant } from '../../src/pdf/writePdf.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { hasTool, PdfObjects } from '../helpers/pdfObjects.ts';
import { doc, glyphs, page, FIXTURE_CMYK } from './fixture.ts';

const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' });
const SCOPE = 'fonts@1';
const header: FrameItem = { ...glyphs('Asiel', 62, 50, { font: 'sans' }), tag: { artifact: 'Pagination', subtype: 'Header' } };
const rule: FrameItem = { kind: 'rule', x1: 62, y1: 60, x2: 547, y2: 60, color: '#9fb3c8', widthPt: 0.5, tag: { artifact: 'Pagination', subtype: 'Header' } };
const folio = (n: number): FrameItem => ({ ...glyphs(String(n), 540, 810, { font: 'sans' }), tag: { artifact: 'Pagination', subtype: 'Footer' } });
const body = (text: string): FrameItem => ({ ...glyphs(text, 62, 200), tag: { path: [{ role: 'P', key: text }], order: [1] } });

/** A page as pages/finalize.ts makes it: head furniture, the content, the folio. */
function numbered(n: number, text: string): Page {
  return { ...page([header, rule, body(text), body(`${text}, tweede regel`), folio(n)], n), furniture: { head: 2, foot: 1 } };
}

const write = (pages: Page[], variant: PdfVariant, entries?: Map<string, CachedPage>) =>
  writePdf(doc(pages), { svgFontKey: () => 'sans', shape: (t, k, f) => fonts.shape!(t, k, f), variant, cmyk: FIXTURE_CMYK, ...(entries && { pageCache: { entries, scope: SCOPE } }) });

describe.skipIf(!hasTool('qpdf'))('page parts as content streams', () => {
  for (const variant of ['screen', 'print'] as const) {
    test(`${variant}: head, content and foot streams; the content's does not depend on the page number`, async () => {
      const a = new PdfObjects(await write([numbered(4, 'Het jaar 2020')], variant));
      const b = new PdfObjects(await write([numbered(7, 'Het jaar 2020')], variant));
      const streams = (o: PdfObjects) => o.array(o.pages()[0]!['/Contents']).map((r) => o.streamData(r).toString('latin1'));
      const [sa, sb] = [streams(a), streams(b)];
      expect(sa.length).toBe(3);
      // the content stream is the same; the foot (folio 4 or 7) is not
      expect(sa[1]).toBe(sb[1]);
      expect(sa[2]).not.toBe(sb[2]);
      for (const s of sa) {
        expect((s.match(/\bBDC\b|\bBMC\b/g) ?? []).length, s).toBe((s.match(/\bEMC\b/g) ?? []).length);
        expect((s.match(/(^|\n)q\b/g) ?? []).length).toBe((s.match(/(^|\n)Q\b/g) ?? []).length);
      }
      // furniture is artifact, the content marked with its MCID
      expect(sa[0]).toMatch(/\/Artifact <<[^>]*\/Subtype \/Header/);
      expect(sa[1]).toMatch(/\/P <<\s*\/MCID 0\s*>> BDC/);
      expect(sa[2]).toMatch(/\/Artifact <<[^>]*\/Subtype \/Footer/);
    });

    test(`${variant}: a renumbered page takes its content stream from the cache, with the bytes of an uncached document`, async () => {
      const entries = new Map<string, CachedPage>();
      const before = [numbered(4, 'Het jaar 2020'), numbered(5, 'Tweede pagina')];
      expect(Buffer.from(await write(before, variant, entries)).equals(Buffer.from(await write(before, variant)))).toBe(true);
      const keys = new Set(entries.keys());
      // an edit earlier in the report moved both pages two further
      const after = [numbered(6, 'Het jaar 2020'), numbered(7, 'Tweede pagina')];
      const off = Buffer.from(await write(after, variant));
      expect(Buffer.from(await write(after, variant, entries)).equals(off)).toBe(true);
      const added = [...entries.keys()].filter((k) => !keys.has(k));
      // the two folios only (the head and the content of both pages hit)
      expect(added.length).toBe(2);
    });
  }
});
