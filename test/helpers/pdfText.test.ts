/** The golden text form: lines in content order, columns kept apart, superscripts marked, leaders collapsed. */
import { describe, expect, it } from 'vitest';
import type { PdfPageText, TextItem } from './pdf.ts';
import { documentText, pageLines } from './pdfText.ts';

const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.5): TextItem => ({ str, x, y, width, height: size, fontName: 'f' });
const page = (items: TextItem[]): PdfPageText => ({ width: 595, height: 842, items, text: '' });

describe('pageLines', () => {
  it('keeps two columns on one baseline grid apart because it follows content order', () => {
    const lines = pageLines(page([item('links een', 50, 100), item('links twee', 50, 113), item('rechts een', 300, 100), item('rechts twee', 300, 113)]));
    expect(lines).toEqual(['links een', 'links twee', 'rechts een', 'rechts twee']);
  });

  it('joins pieces of a line by x, with a space only where there is a gap', () => {
    const lines = pageLines(page([item('Er', 50, 100, 10, 10), item('werden', 63, 100, 10, 30), item('genomen', 96, 100, 10, 35), item('1', 131, 97, 7, 3), item('.', 134, 100, 10, 2)]));
    expect(lines).toEqual(['Er werden genomen^1.']);
  });

  it('collapses TOC leader dots and whitespace items, and drops empty items', () => {
    const lines = pageLines(page([item('', 50, 100), item('Voorwoord', 50, 100, 11, 50), item(' ', 100, 100, 11, 420), item('3', 527, 100, 11, 5), item('. . . . . . . .', 112, 100, 11, 400)]));
    expect(lines).toEqual(['Voorwoord … 3']);
  });

  it('does not merge text set beside a large figure into the figure’s line', () => {
    const lines = pageLines(page([item('−40%', 50, 100, 26), item('verandering van het', 120, 89, 10.5), item('aantal aanvragen', 120, 102.6, 10.5)]));
    expect(lines).toEqual(['−40%', 'verandering van het', 'aantal aanvragen']);
  });

  it('separates pages with a form-feed line', () => {
    expect(documentText([page([item('een', 50, 100)]), page([item('twee', 50, 100)])])).toBe('een\n\f\ntwee\n');
  });
});
