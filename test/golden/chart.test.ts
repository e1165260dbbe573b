/** Golden case "chart": a bar chart drawn as vectors, a key figure, and figures formatted as percent and date. */
import { expect, it } from 'vitest';
import { defineGoldenCase } from '../helpers/goldenCase.ts';
import { pageLines } from '../helpers/pdfText.ts';

defineGoldenCase('chart', (run) => {
  it('renders the one chart and prints its axis and value labels as text', () => {
    expect([...run().build.charts.keys()]).toHaveLength(1);
    const text = run().pdf.pages.map((p) => p.text).join('\n');
    // Bar value labels (",d" in nl-NL) and the year axis.
    for (const s of ['18.940', '20.430', '12.310', '2018', '2019', '2020', 'Aanvragen', 'Jaar']) expect(text).toContain(s);
    expect(text).toContain('Verblijfsaanvragen voor studie, 2018–2020');
  });

  it('formats figure references as percent, signed percent and date', () => {
    const lines = run().pdf.pages.flatMap(pageLines);
    const all = lines.join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1$2');
    expect(all).toContain('40% minder aanvragen');
    expect(all).toContain('31 december 2020');
    expect(all).toContain('92% een inwilliging');
    // The key figure: the signed percentage on its own line, set large.
    expect(lines).toContain('−40%');
    const big = run().pdf.pages.flatMap((p) => p.items).find((i) => i.str.trim() === '−40%');
    expect(big?.height).toBeGreaterThan(20);
  });
});
