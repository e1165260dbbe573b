import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ICC_DIR } from '../../src/pdf/outputIntent.ts';
import { xmlEscape, xmpDate } from '../../src/pdf/metadata.ts';
import { PdfObjects, str, type Json } from '../helpers/pdfObjects.ts';
import { parseXmp } from '../helpers/xmp.ts';
import { doc, page, samplePage, write } from './fixture.ts';

/** "D:20210430000000Z" (or with +00'00') → the XMP form "2021-04-30T00:00:00Z". */
function pdfDateToXmp(d: string): string {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]00'?00'?)?$/.exec(d);
  if (!m) throw new Error(`not a PDF date: ${d}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function infoAndXmp(bytes: Uint8Array) {
  const o = new PdfObjects(bytes);
  const info = o.dict(o.trailer['/Info']);
  const xmp = parseXmp(o.streamData(o.catalog['/Metadata'] as Json));
  return { o, info: (k: string) => str(o.get(info[k])), xmp };
}

const HOSTILE = { title: 'R&D <2020> "jaar" & \'meer\'', author: 'Tom & Jerry <BV>', subject: 'a < b & c > d', keywords: ['x&y', '<z>'] };

describe('XMP metadata', () => {
  it('escapes what XML reserves and drops what XML 1.0 cannot carry', () => {
    expect(xmlEscape(`a&b<c>"d"'e'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
    expect(xmpDate(new Date('2021-04-30T12:34:56.789Z'))).toBe('2021-04-30T12:34:56Z');
  });

  for (const variant of ['screen', 'pdfa', 'print'] as const) {
    it(`${variant}: parses as XML and says exactly what the Info dictionary says, also with & and < in every field`, async () => {
      const { info, xmp } = infoAndXmp(await write(doc([samplePage()], HOSTILE), variant));
      expect(info('/Title')).toBe(HOSTILE.title);
      expect(xmp.title).toBe(info('/Title'));
      expect(xmp.creator).toBe(info('/Author'));
      expect(xmp.description).toBe(info('/Subject'));
      expect(xmp.keywords).toBe(info('/Keywords'));
      expect(xmp.keywords).toBe('x&y, <z>');
      expect(xmp.producer).toBe(info('/Producer'));
      expect(xmp.creatorTool).toBe(info('/Creator'));
      expect(xmp.createDate).toBe(pdfDateToXmp(info('/CreationDate')));
      expect(xmp.modifyDate).toBe(pdfDateToXmp(info('/ModDate')));
    });
  }

  it('the oracle fails on pdfkit\'s own XMP, which does not escape', async () => {
    const d = new PDFDocument({ pdfVersion: '1.7', info: { Title: 'R&D' } } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Uint8Array>((r) => d.on('end', () => r(new Uint8Array(Buffer.concat(chunks)))));
    d.end();
    const o = new PdfObjects(await done);
    expect(() => parseXmp(o.streamData(o.catalog['/Metadata'] as Json))).toThrow(/well-formed/);
  });

  it('pdfa claims PDF/A-2a and PDF/UA-1 with the extension schema that declares pdfuaid; screen claims neither', async () => {
    const a = infoAndXmp(await write(doc([samplePage()]), 'pdfa')).xmp;
    expect([a.pdfaPart, a.pdfaConformance, a.pdfuaPart]).toEqual(['2', 'A', '1']);
    expect(a.extensionPrefixes).toEqual(['pdfuaid']);
    expect(a.extensionNamespaces).toEqual(['http://www.aiim.org/pdfua/ns/id/']);
    const s = infoAndXmp(await write(doc([samplePage()]), 'screen')).xmp;
    expect(s.pdfaPart).toBeUndefined();
  });
});

describe('output intents', () => {
  it('screen and pdfa: one sRGB intent (GTS_PDFA1) with the shipped profile embedded byte for byte', async () => {
    for (const variant of ['screen', 'pdfa'] as const) {
      const o = new PdfObjects(await write(doc([samplePage()]), variant));
      const intents = o.array(o.catalog['/OutputIntents']).map((r) => o.dict(r));
      expect(intents.map((i) => i['/S'])).toEqual(['/GTS_PDFA1']);
      const profileRef = intents[0]!['/DestOutputProfile'];
      expect(o.dict(profileRef)['/N']).toBe(3);
      expect(o.streamData(profileRef).equals(readFileSync(join(ICC_DIR, 'sRGB.icc')))).toBe(true);
      // The profile says RGB display class in its header (ICC.1 7.2.6), matching N = 3.
      expect(o.streamData(profileRef).subarray(16, 20).toString('latin1')).toBe('RGB ');
    }
  });

  it('print: a FOGRA39 press intent (GTS_PDFX) whose profile is CMYK', async () => {
    const o = new PdfObjects(await write(doc([samplePage()]), 'print'));
    const [intent, ...rest] = o.array(o.catalog['/OutputIntents']).map((r) => o.dict(r));
    expect(rest).toEqual([]);
    expect(intent!['/S']).toBe('/GTS_PDFX');
    expect(str(intent!['/OutputConditionIdentifier'])).toBe('FOGRA39');
    expect(o.dict(intent!['/DestOutputProfile'])['/N']).toBe(4);
    expect(o.streamData(intent!['/DestOutputProfile']).subarray(16, 20).toString('latin1')).toBe('CMYK');
  });

  it('a profile compressed by an earlier document (build context pdfProfiles) gives the same bytes, and decodes to the file', async () => {
    for (const [variant, file] of [['screen', 'sRGB.icc'], ['print', 'FOGRA39L.icc']] as const) {
      const off = Buffer.from(await write(doc([samplePage()]), variant));
      const profiles = new Map<string, Uint8Array>();
      expect(Buffer.from(await write(doc([samplePage()]), variant, undefined, { profiles })).equals(off)).toBe(true);
      expect([...profiles.keys()]).toEqual([file]);
      const warm = await write(doc([samplePage()]), variant, undefined, { profiles });
      expect(Buffer.from(warm).equals(off)).toBe(true);
      const o = new PdfObjects(warm);
      const [intent] = o.array(o.catalog['/OutputIntents']).map((r) => o.dict(r));
      expect(o.streamData(intent!['/DestOutputProfile']).equals(readFileSync(join(ICC_DIR, file)))).toBe(true);
    }
  });
});

describe('document ID and determinism', () => {
  it('same input, same bytes; the ID differs between variants and between documents', async () => {
    const a1 = await write(doc([samplePage()]), 'pdfa');
    const a2 = await write(doc([samplePage()]), 'pdfa');
    expect(Buffer.from(a1).equals(Buffer.from(a2))).toBe(true);
    const id = (b: Uint8Array) => JSON.stringify(new PdfObjects(b).trailer['/ID']);
    const s = await write(doc([samplePage()]), 'screen');
    const other = await write(doc([samplePage(), page([])]), 'pdfa');
    expect(new Set([id(a1), id(s), id(other)]).size).toBe(3);
  });
});
