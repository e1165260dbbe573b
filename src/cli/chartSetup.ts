import type { ResolvedTheme } from '../spec/theme.ts';

/** Width of the frame a chart sits in: one body column, or the full text width. */
export function chartFrameWidth(theme: ResolvedTheme, size: 'column' | 'full'): number {
  const p = theme.page;
  const full = p.width - p.margin.inner - p.margin.outer;
  if (size === 'full' || p.columns === 1) return full;
  return (full - p.gutter * (p.columns - 1)) / p.columns;
}

/** Maps an SVG text's font to one of the template's embedded faces (never a PDF standard font). */
export function svgFontKey(theme: ResolvedTheme, _family: string, bold: boolean, italic: boolean): string {
  const k = theme.chart.fontKeys;
  if (bold) return k.bold;
  if (italic) return k.italic;
  return k.normal;
}
