import type { PagedDocument } from '../model/types.ts';

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
