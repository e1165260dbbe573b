import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontProblems, fontUses } from '../helpers/pdfFonts.ts';
import { forbiddenActions, PdfObjects } from '../helpers/pdfObjects.ts';
import { doc, samplePage, write } from './fixture.ts';

/** Every annotation dictionary in the document, by page. */
function annotations(o: PdfObjects) {
  return o.pages().flatMap((p, i) => o.array(p['/Annots']).map((a) => ({ page: i + 1, a: o.dict(a) })));
}

async function pdfkitBytes(draw: (d: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const d = new PDFDocument({ margin: 0 });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((r) => d.on('end', () => r(new Uint8Array(Buffer.concat(chunks)))));
  draw(d);
  d.end();
  return done;
}

describe('archival rules on a small document', () => {
  it('every annotation is a link with the Print flag set and no Hidden/NoView flags; no JavaScript or launch actions', async () => {
    for (const variant of ['screen', 'pdfa'] as const) {
      const o = new PdfObjects(await write(doc([samplePage()]), variant));
      const annots = annotations(o);
      expect(annots.length).toBe(2); // the linked run and the link area
      for (const { a } of annots) {
        const flags = Number(a['/F'] ?? 0);
        expect(flags & 4).toBe(4);
        expect(flags & (1 | 2 | 32)).toBe(0);
      }
      expect(forbiddenActions(o)).toEqual([]);
    }
  });

  it('the action check finds a JavaScript action', async () => {
    const bytes = await pdfkitBytes((d) => {
      d.addPage();
      const js = d.ref({ S: 'JavaScript', JS: new String('app.alert(1)') });
      (js as unknown as { end: () => void }).end();
      d.annotate(10, 10, 50, 50, { Subtype: 'Link', A: js } as never);
    });
    expect(forbiddenActions(new PdfObjects(bytes)).length).toBeGreaterThan(0);
  });

  it('every font is embedded and every code drawn (text and SVG text) has Unicode text in its ToUnicode map', async () => {
    const o = new PdfObjects(await write(doc([samplePage()]), 'pdfa'));
    const uses = [...fontUses(o).values()];
    expect(uses.map((u) => u.baseFont.replace(/^\/[A-Z]{6}\+/, '')).sort()).toEqual(['SourceSans3-Regular', 'SourceSerif4-Regular']);
    expect(uses.reduce((n, u) => n + u.codes.size, 0)).toBeGreaterThan(10);
    expect(fontProblems(o)).toEqual([]);
  });

  it('the font check reports a standard font (not embedded, no ToUnicode)', async () => {
    const bytes = await pdfkitBytes((d) => {
      d.addPage();
      d.font('Helvetica').text('Hallo', 10, 10);
    });
    expect(fontProblems(new PdfObjects(bytes))).toEqual(['/Helvetica: not embedded', '/Helvetica: no ToUnicode']);
  });
});
