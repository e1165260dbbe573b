/**
 * Document metadata: the Info dictionary and an XMP packet that says exactly the same (PDF/A-2 6.6.2.3), written
 * by us because pdfkit's own XMP neither escapes values (an "&" in a title breaks it) nor has xmp:ModifyDate.
 * The archival variant adds the PDF/A-2a claim and the PDF/UA-1 claim with the extension schema that declares
 * pdfuaid (PDF/A-2 does not predefine it). Dates come from the report, so builds are byte-identical.
 */
import type { PagedDocument } from '../model/types.ts';

/** What the XMP claims beyond describing the document. */
export interface Claims {
  /** PDF/A part and conformance, e.g. { part: 2, conformance: 'A' }. */
  readonly pdfa?: { readonly part: number; readonly conformance: 'A' | 'B' | 'U' };
  /** PDF/UA part (1). */
  readonly pdfua?: number;
}

/** The PDF Info dictionary; dates come from the report so two builds are byte-identical. */
export function documentInfo(meta: PagedDocument['meta']): PDFKit.DocumentInfo {
  const date = new Date(`${meta.date}T00:00:00Z`);
  return {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    Keywords: meta.keywords.join(', '),
    Creator: 'reportpress',
    Producer: 'reportpress (pdfkit)',
    CreationDate: date,
    ModDate: date,
  };
}

/** XML text content: the five characters XML reserves, and control characters XML 1.0 cannot carry at all. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XMP date (ISO 8601 to the second, UTC), the same instant pdfkit writes as D:YYYYMMDDHHmmSSZ. */
export function xmpDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** The extension schema that declares pdfuaid:part for PDF/A validators (ISO 14289-1, 5; PDF/A-2 6.6.2.3.2). */
const PDFUA_EXTENSION = `
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>`;

/**
 * The XMP packet for an Info dictionary: dc:title/creator/description, pdf:Keywords/Producer,
 * xmp:CreatorTool/CreateDate/ModifyDate/MetadataDate, xmpMM ids, and the claims. Every value is escaped.
 */
export function xmpPacket(info: PDFKit.DocumentInfo, lang: string, documentId: string, claims: Claims = {}): string {
  const e = (s: string | undefined) => xmlEscape(s ?? '');
  const created = xmpDate(info.CreationDate ?? new Date(0));
  const modified = xmpDate(info.ModDate ?? info.CreationDate ?? new Date(0));
  const alt = (s: string | undefined) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(s)}</rdf:li></rdf:Alt>`;
  const parts = [
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    ` <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `   <dc:format>application/pdf</dc:format>`,
    info.Title !== undefined ? `   <dc:title>${alt(info.Title)}</dc:title>` : '',
    info.Author !== undefined ? `   <dc:creator><rdf:Seq><rdf:li>${e(info.Author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.Subject !== undefined ? `   <dc:description>${alt(info.Subject)}</dc:description>` : '',
    `   <dc:language><rdf:Bag><rdf:li>${e(lang)}</rdf:li></rdf:Bag></dc:language>`,
    `  </rdf:Description>`,
    `  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    info.Keywords !== undefined ? `   <pdf:Keywords>${e(info.Keywords)}</pdf:Keywords>` : '',
    info.Producer !== undefined ? `   <pdf:Producer>${e(info.Producer)}</pdf:Producer>` : '',
    `  </rdf:Description>`,
    `  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    info.Creator !== undefined ? `   <xmp:CreatorTool>${e(info.Creator)}</xmp:CreatorTool>` : '',
    `   <xmp:CreateDate>${created}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${modified}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${modified}</xmp:MetadataDate>`,
    `  </rdf:Description>`,
    `  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `   <xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>`,
    `   <xmpMM:InstanceID>uuid:${documentId}</xmpMM:InstanceID>`,
    `  </rdf:Description>`,
    claims.pdfa
      ? `  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n` +
        `   <pdfaid:part>${claims.pdfa.part}</pdfaid:part>\n   <pdfaid:conformance>${claims.pdfa.conformance}</pdfaid:conformance>\n  </rdf:Description>`
      : '',
    claims.pdfua
      ? `  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n   <pdfuaid:part>${claims.pdfua}</pdfuaid:part>\n  </rdf:Description>`
      : '',
    claims.pdfua && claims.pdfa ? PDFUA_EXTENSION.slice(1) : '',
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    // Room for an editor to add metadata in place (XMP 7.3.2); a fixed amount keeps builds identical.
    ' '.repeat(1024),
    `<?xpacket end="w"?>`,
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** A UUID-shaped string from 16 bytes (the document ID), for xmpMM. */
export function uuidOf(id: Uint8Array): string {
  const h = Buffer.from(id).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** pdfkit internals this module replaces (pdfkit 0.20.2): its XMP writer and the trailer's file ID. */
interface PdfkitMetadataInternals {
  endMetadata: () => void;
  ref: (data: Record<string, unknown>) => { compress: boolean; write: (b: Uint8Array) => void; end: () => void };
  _root: { data: Record<string, unknown> };
  _id: Uint8Array;
}

/**
 * Makes `doc` write our XMP packet instead of pdfkit's, and sets the trailer ID (pdfkit derives it from the
 * Info values alone, so two different reports with the same title would share it). Call before doc.end().
 */
export function installMetadata(doc: PDFKit.PDFDocument, info: PDFKit.DocumentInfo, lang: string, id: Uint8Array, claims: Claims): void {
  const d = doc as unknown as PdfkitMetadataInternals;
  d._id = Buffer.from(id);
  d.endMetadata = () => {
    const xml = new TextEncoder().encode(xmpPacket(info, lang, uuidOf(id), claims));
    const ref = d.ref({ Length: xml.length, Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false; // readable without a PDF parser, as XMP intends
    ref.write(xml);
    ref.end();
    d._root.data.Metadata = ref;
  };
}
