/** Golden case "long-table": an appendix table split across pages, long Dutch compounds and an over-long address. */
import { expect, it } from 'vitest';
import { defineGoldenCase } from '../helpers/goldenCase.ts';
import { pageLines } from '../helpers/pdfText.ts';

const TITLE = 'Aanvragen per regio en maand';
const HEADER = 'Regio Maand Aanvragen';

defineGoldenCase('long-table', (run) => {
  it('splits the table over pages, repeating the header and marking the continuation', () => {
    const pages = run().pdf.pages.map(pageLines);
    const withTable = pages.map((ls, i) => [i, ls] as const).filter(([, ls]) => ls.includes(HEADER));
    expect(withTable.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = withTable;
    expect(first![1]).toContain(TITLE);
    for (const [, ls] of rest) {
      expect(ls).toContain(`${TITLE} (vervolg)`);
      // The title comes right before the repeated header.
      expect(ls[ls.indexOf(`${TITLE} (vervolg)`) + 1]).toBe(HEADER);
    }
    // Every row is printed exactly once: 99 rows of "<regio> <maand> <n.nnn>" (9 months × 11 provinces).
    const rows = pages.flat().filter((l) => /^[A-Z][\w-]+ (januari|februari|maart|april|mei|juni|juli|augustus|september) \d\.\d{3}$/.test(l));
    expect(rows).toHaveLength(99);
    expect(new Set(rows).size).toBe(99);
  });

  it('hyphenates the long compounds and warns once about the address it had to break between characters', () => {
    const lines = run().pdf.pages.flatMap(pageLines);
    expect(lines.filter((l) => /\p{Ll}-$/u.test(l)).length).toBeGreaterThanOrEqual(1);
    const warnings = run().build.diagnostics.items.filter((d) => d.code === 'TEXT001');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('https://www.example.nl/documenten/');
    expect(warnings[0]!.span?.file).toMatch(/01-bijlage\.yaml$/);
    // The address is printed whole, over several lines, without added hyphens.
    const at = lines.findIndex((l) => l.includes('https://'));
    const joined = lines.slice(at, at + 4).join('');
    expect(joined).toContain('verblijfsvergunningaanvraagformulierenoverzichtspaginavoorkennismigranten');
  });
});
