import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from '../charts/helpers.ts';
import { pageTexts, pdfFonts, svgPagesToPdf } from '../charts/pdfHelpers.ts';
import PDFDocument from 'pdfkit';
import { drawSvg } from '../../src/pdf/drawSvg.ts';

// Covers src/pdf/drawSvg.ts (owned by the charts stage; lives here next to the chart fixtures).
const bars = chart(
  'bars',
  {
    title: 'Aanvragen',
    mark: 'bar',
    encoding: { x: { field: 'jaar', type: 'ordinal', title: 'Jaar' }, y: { field: 'aanvragen', type: 'quantitative', title: 'Aanvragen' } },
  },
  [
    { jaar: '2019', aanvragen: 20430 },
    { jaar: '2020', aanvragen: 12310 },
  ],
);

async function helveticaPdf(svg: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((r) => doc.on('end', () => r(new Uint8Array(Buffer.concat(chunks)))));
  drawSvg(doc, svg, 10, 10, 200, 120, () => 'Helvetica');
  doc.end();
  return done;
}

describe('drawSvg', () => {
  it('draws a chart as vectors whose axis labels are extractable text in embedded fonts', async () => {
    const asset = (await renderCharts([bars], { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt }, { diag: createSink() })).get('bars')!;
    const warnings: string[] = [];
    const pdf = await svgPagesToPdf([asset], (m) => warnings.push(m));
    const [text] = await pageTexts(pdf);
    for (const s of ['20.000', '10.000', '2019', '2020', 'Jaar', 'Aanvragen']) expect(text).toContain(s);
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['SourceSans3-Bold', 'SourceSans3-Regular']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('maps numeric heavy weights to bold (svg-to-pdfkit only knows "bold")', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><text x="0" y="12" font-family="Source Sans 3" font-weight="700">Zwaar</text></svg>';
    const pdf = await svgPagesToPdf([{ svg, widthPt: 100, heightPt: 20 }]);
    expect(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(['SourceSans3-Bold']);
    expect((await pageTexts(pdf))[0]).toContain('Zwaar');
  });

  it('the font check catches svg-to-pdfkit\'s non-embedded Helvetica fallback', async () => {
    const pdf = await helveticaPdf('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><text x="0" y="12">Tekst</text></svg>');
    expect(pdfFonts(pdf)).toEqual([{ name: 'Helvetica', embedded: false }]);
  });
});
