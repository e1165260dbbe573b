/** Golden case "minimal": cover, TOC, a two-column foreword and an article with heading, facts box and footnote. */
import { expect, it } from 'vitest';
import { defineGoldenCase } from '../helpers/goldenCase.ts';
import { pageLines } from '../helpers/pdfText.ts';

defineGoldenCase('minimal', (run) => {
  it('fits on three or four pages: cover, contents, foreword, article', () => {
    expect(run().pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(run().pdf.pages.length).toBeLessThanOrEqual(4);
    expect(run().structure.outline.map((o) => o.title)).toEqual(['Inhoud', 'Voorwoord', 'Een artikel met een kader']);
  });

  it('sets the footnote marker and its note on the same page, and the facts box with formatted figures', () => {
    const pages = run().pdf.pages.map(pageLines);
    const article = pages.findIndex((ls) => ls.includes('Een artikel met een kader'));
    expect(article).toBeGreaterThan(0);
    const lines = pages.slice(article).flat();
    expect(lines.some((l) => /genomen\^1\./.test(l))).toBe(true);
    expect(lines).toContain('1 Bron van deze cijfers is de eigen registratie van de Testdienst.');
    expect(lines).toContain('Cijfers in het kort');
    expect(lines).toContain('Aanvragen 13.670');
    expect(lines).toContain('Beslissingen 9.300');
  });
});
