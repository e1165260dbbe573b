/**
 * The bundled report end to end in its three variants (screen, --pdfa, --print), read back with qpdf's object
 * model, a strict XML parser and the PDF readers users have: metadata, output intents, fonts, annotations,
 * and that every reader opens each file without a word of complaint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import type { PdfVariant } from '../../src/pdf/writePdf.ts';
import { fontProblems } from '../helpers/pdfFonts.ts';
import { forbiddenActions, PdfObjects, str, type Json } from '../helpers/pdfObjects.ts';
import { openWithAllTools } from '../helpers/pdfTools.ts';
import { parseXmp } from '../helpers/xmp.ts';

const VARIANTS: readonly PdfVariant[] = ['screen', 'pdfa', 'print'];
const built = new Map<PdfVariant, Uint8Array>();

beforeAll(async () => {
  for (const v of VARIANTS) built.set(v, (await buildReport({ contentDir: DEFAULT_CONTENT_DIR, variant: v })).pdf);
}, 120_000);

describe.each(VARIANTS)('bundled report, %s variant', (variant) => {
  it('opens in qpdf, poppler, mupdf, Ghostscript and pdf.js without any warning', async () => {
    const r = await openWithAllTools(built.get(variant)!);
    expect(r.missing, 'install them: .ci/run does').toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('XMP parses strictly and matches the Info dictionary; an output intent is present', () => {
    const o = new PdfObjects(built.get(variant)!);
    const info = o.dict(o.trailer['/Info']);
    const xmp = parseXmp(o.streamData(o.catalog['/Metadata'] as Json));
    expect(xmp.title).toBe(str(o.get(info['/Title'])));
    expect(xmp.creator).toBe(str(o.get(info['/Author'])));
    expect(xmp.description).toBe(str(o.get(info['/Subject'])));
    expect(xmp.keywords).toBe(str(o.get(info['/Keywords'])));
    expect(xmp.producer).toBe(str(o.get(info['/Producer'])));
    expect(xmp.creatorTool).toBe(str(o.get(info['/Creator'])));
    expect(xmp.pdfaPart).toBe(variant === 'pdfa' ? '2' : undefined);
    expect(xmp.pdfuaPart).toBe(variant === 'pdfa' ? '1' : undefined);
    expect(o.array(o.catalog['/OutputIntents']).length).toBe(1);
  });

  it('every font is embedded with Unicode text for every code drawn; no JavaScript or launch actions', () => {
    const o = new PdfObjects(built.get(variant)!);
    expect(fontProblems(o)).toEqual([]);
    expect(forbiddenActions(o)).toEqual([]);
    for (const p of o.pages()) for (const a of o.array(p['/Annots'])) expect(Number(o.dict(a)['/F'] ?? 0) & 4).toBe(4);
  });
});

describe('bundled report across variants', () => {
  it('each variant is deterministic and has its own document ID', async () => {
    const again = (await buildReport({ contentDir: DEFAULT_CONTENT_DIR, variant: 'pdfa' })).pdf;
    expect(Buffer.from(again).equals(Buffer.from(built.get('pdfa')!))).toBe(true);
    const ids = VARIANTS.map((v) => JSON.stringify(new PdfObjects(built.get(v)!).trailer['/ID']));
    expect(new Set(ids).size).toBe(3);
  }, 60_000);
});
