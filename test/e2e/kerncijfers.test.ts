/**
 * Issue 11: the second bundled report (content/kerncijfers-2020), differently shaped from the annual report,
 * builds without a warning and prints what its features promise; expectations are hand-written from its
 * figures.yaml (15.270 = 13.670 + 1.600, 85.380 = the six kinds of applications summed by hand).
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildReport } from '../../src/index.ts';
import { parsePdf } from '../helpers/pdf.ts';

const DIR = resolve(import.meta.dirname, '../../content/kerncijfers-2020');

describe('kerncijfers-2020', () => {
  it('builds with every editorial feature and no warnings', async () => {
    const r = await buildReport({ contentDir: DIR, cacheDir: undefined });
    expect(r.diagnostics.items).toEqual([]);
    const pdf = await parsePdf(r.pdf);
    const all = pdf.pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' | ');
    // the report's own period in report.yaml's title, month and quarter dates, words, scales
    expect(pdf.info.Title).toBe('Kerncijfers december 2020');
    expect(all).toContain('januari 2020 tot en met december 2020');
    expect(all).toContain('3e kwartaal 2021');
    expect(all).toContain('in negen expatcentra');
    expect(all).toContain('319 duizend');
    expect(all).toContain('5.970–13.760');
    // table: group rows, sub-row, totals, source line with the template's word
    expect(all).toContain('85.380');
    expect(all).toContain('Bron: IND, Basisadministratie');
    // numbered figures and tables, and page references that match the pages they are on
    const pageOf = (s: string) => pdf.pages.findIndex((p) => p.text.replace(/\s+/g, ' ').includes(s)) + 1;
    expect(all).toContain(`Tabel 1 op pagina ${pageOf('Tabel 1 Aanvragen naar soort')}`);
    expect(all).toContain(`Figuur 2 op pagina ${pageOf('Figuur 2 Aanvragen kennis')}`);
    // a footnote as a reference target: its number and the page it is set on
    expect(all).toContain(`staat in noot 1 op pagina ${pageOf('Volgens de planning van de Taskforce')}`);
  }, 60_000);
});
