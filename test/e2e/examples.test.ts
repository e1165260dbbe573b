/**
 * Both bundled examples, read back from their PDFs: the Dutch report (rijksoverheid) and the short English
 * edition (corporate). Numbers in prose, tables and chart text in the report's locale; template words in its
 * language; /Lang; each cover where its template says its elements are (hand arithmetic on the template's numbers);
 * a template in the content folder and one extending a bundled template with another colour.
 */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { parsePdf, type ParsedPdf } from '../helpers/pdf.ts';
import { paintedShapes, type Shape } from '../helpers/pdfPaint.ts';

const ENGLISH = resolve(PACKAGE_ROOT, 'content', 'annual-report-2020-en');
const A4 = { w: 595.28, h: 841.89 };

interface Built {
  readonly build: BuildResult;
  readonly pdf: ParsedPdf;
  readonly shapes: Shape[][];
  readonly text: string;
}
async function built(contentDir: string): Promise<Built> {
  const build = await buildReport({ contentDir });
  const pdf = await parsePdf(build.pdf);
  // pdf.js ends a line inside a marked-content span (the line-end ActualText) with an empty end-of-line item: skipped
  return { build, pdf, shapes: await paintedShapes(build.pdf), text: pdf.pages.map((p) => p.items.filter((i) => i.str).map((i) => i.str).join(' ')).join('\n') };
}

// Thousands grouped the Dutch way ("13.670") or the English way ("13,670"); a number of 1–3 digits, one
// separator, three digits, and no further digit.
const DUTCH_GROUPED = /(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)/g;
const ENGLISH_GROUPED = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.]|,\d)/g;
const near = (a: number, b: number, tol = 0.5) => Math.abs(a - b) <= tol;
const findRect = (shapes: readonly Shape[], want: { x: number; y: number; width: number; height: number; color?: string }) =>
  shapes.find((s) => s.paint === 'fill' && near(s.x, want.x) && near(s.y, want.y) && near(s.width, want.width) && near(s.height, want.height) && (!want.color || s.color === want.color));

let nl: Built;
let en: Built;
beforeAll(async () => {
  nl = await built(DEFAULT_CONTENT_DIR);
  en = await built(ENGLISH);
}, 180_000);

describe('the English edition (en-GB, corporate template)', () => {
  it('writes numbers the English way in prose, tables and chart text, never the Dutch way', () => {
    expect(en.text.match(DUTCH_GROUPED) ?? []).toEqual([]);
    // prose and fact box (13,670), a derived sum (24,570), table cells (20,430), chart axis ticks only (10,000)
    for (const n of ['13,670', '24,570', '20,430', '10,000', '40%', '99%']) expect(en.text).toContain(n);
    const chartTicks = en.pdf.pages.flatMap((p) => p.items).filter((i) => i.str === '10,000' || i.str === '20,000');
    expect(chartTicks.length).toBeGreaterThanOrEqual(2);
  });
  it('writes dates, ordinals and the generated chart alt text in English', () => {
    expect(en.text).toContain('30 April 2021');
    expect(en.text).toContain('15 March 2020');
    const alt = [...en.build.charts.values()].map((c) => c.alt).join(' ');
    expect(alt).toContain('Bar chart');
    expect(alt).toContain('13,670');
    expect(alt).not.toMatch(/Staafdiagram|13\.670/);
  });
  it('uses the template\'s English words and none of the Dutch ones, and declares /Lang en-GB', () => {
    expect(en.text).toContain('In this report');
    expect(en.text).toContain('First article continued');
    expect(en.text).not.toMatch(/Inhoud|Vervolg|vervolg/);
    expect(en.pdf.language).toBe('en-GB');
  });
  it('places the corporate cover where the template describes it', () => {
    const cover = en.shapes[0]!;
    const band = 0.62 * A4.h; // "62%"
    expect(findRect(cover, { x: 0, y: 0, width: A4.w, height: A4.h, color: '#0b5563' })).toBeDefined();
    expect(findRect(cover, { x: 0, y: band, width: A4.w, height: A4.h - band, color: '#083f49' })).toBeDefined();
    expect(findRect(cover, { x: 56, y: band + 40, width: 64, height: 6, color: '#e4572e' })).toBeDefined();
    const title = en.pdf.pages[0]!.items.find((i) => i.str.startsWith('Annual Report 2020'))!;
    expect(near(title.x, 56, 1)).toBe(true);
    // the title block's top is at 62% + 64; its first baseline lies within its first line (46/50 pt)
    expect(title.y).toBeGreaterThan(band + 64);
    expect(title.y).toBeLessThan(band + 64 + 50);
  });
  it('puts the petrol sidebar on the outer edge of every numbered page', () => {
    en.shapes.slice(1).forEach((page, i) => {
      const number = i + 2;
      const x = number % 2 === 0 ? 0 : A4.w - 18;
      expect(findRect(page, { x, y: 0, width: 18, height: A4.h, color: '#0b5563' }), `page ${number}`).toBeDefined();
    });
  });
});

describe('the Dutch report (nl-NL, rijksoverheid template)', () => {
  it('writes numbers the Dutch way in prose, tables and chart text, never the English way', () => {
    expect(nl.text.match(ENGLISH_GROUPED) ?? []).toEqual([]);
    for (const n of ['13.670', '32.730', '20.430', '10.000']) expect(nl.text).toContain(n);
  });
  it('uses the Dutch words and /Lang nl-NL', () => {
    expect(nl.text).toContain('Inhoud');
    expect(nl.text).toMatch(/Vervolg eerste artikel/);
    expect(nl.text).not.toMatch(/\bContents\b|continued/);
    expect(nl.pdf.language).toBe('nl-NL');
    expect([...nl.build.charts.values()].map((c) => c.alt).join(' ')).not.toMatch(/Bar chart|\d,\d{3}/);
  });
  it('places the rijksoverheid cover where the template describes it', () => {
    const cover = nl.shapes[0]!;
    expect(findRect(cover, { x: A4.w / 2 - 16, y: 0, width: 32, height: 78, color: '#154273' })).toBeDefined(); // the lint
    expect(findRect(cover, { x: 0, y: 0.3 * A4.h, width: A4.w, height: 0.7 * A4.h, color: '#154273' })).toBeDefined(); // the plane
    expect(findRect(cover, { x: 0, y: A4.h - 64, width: A4.w, height: 64, color: '#315984' })).toBeDefined(); // the foot band
    const rule = cover.find((s) => s.paint === 'stroke' && s.color === '#ffffff')!;
    expect(near(rule.y, 0.44 * A4.h, 1.5) && near(rule.width, 48, 2.5)).toBe(true); // 2 pt rule at 44%, 48 pt long (plus caps)
    const org = nl.pdf.pages[0]!.items.find((i) => i.str.startsWith('Immigratie'))!;
    expect(near(org.x, A4.w / 2 + 25, 1)).toBe(true);
  });
});

describe('templates in the content folder', () => {
  /** A writable copy of the English edition. */
  function scratch(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-tpl-')), 'report');
    cpSync(ENGLISH, dir, { recursive: true });
    return dir;
  }
  const useTemplate = (dir: string, ref: string) => {
    const file = join(dir, 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('template: corporate', `template: ${ref}`));
  };

  it('extends the bundled template in five lines: another accent colour and another word, seen in the PDF', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'house'));
    writeFileSync(join(dir, 'house', 'template.yaml'), 'name: house\nextends: corporate\ncolors:\n  accent: "#7a1f5c"\nwords: { en: { contents: What is inside } }\n');
    useTemplate(dir, './house');
    const b = await built(dir);
    expect(findRect(b.shapes[0]!, { x: 0, y: 0, width: A4.w, height: A4.h, color: '#7a1f5c' })).toBeDefined();
    expect(findRect(b.shapes[2]!, { x: A4.w - 18, y: 0, width: 18, height: A4.h, color: '#7a1f5c' })).toBeDefined();
    expect(b.shapes.flat().some((s) => s.paint === 'fill' && s.color === '#0b5563' && s.width === 18)).toBe(false);
    expect(b.text).toContain('What is inside');
    // what it did not change is the base's: the coral bar, the fonts
    expect(findRect(b.shapes[0]!, { x: 56, y: 0.62 * A4.h + 40, width: 64, height: 6, color: '#e4572e' })).toBeDefined();
  }, 120_000);

  it('brings its own font file: a face copied into the template folder under another name is embedded and sets the text', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'house', 'type'), { recursive: true });
    // Source Serif (not a face of corporate) as the template's own file, renamed
    const own = join(dir, 'house', 'type', 'Huisletter-Regular.ttf');
    cpSync(resolve(PACKAGE_ROOT, 'fonts', 'SourceSerif4_400Regular.ttf'), own);
    writeFileSync(join(dir, 'house', 'template.yaml'), 'name: house\nextends: corporate\nfonts:\n  sans: type/Huisletter-Regular.ttf\n');
    useTemplate(dir, './house');
    const b = await built(dir);
    // oracle: the PostScript name in the copied file's own name table, read by fontkit
    const postscript = (fontkit.openSync(own) as unknown as { postscriptName: string }).postscriptName;
    const base = (fontkit.openSync(resolve(PACKAGE_ROOT, 'fonts', 'IBMPlexSans_400Regular.ttf')) as unknown as { postscriptName: string }).postscriptName;
    const names = [...b.pdf.fonts.values()].map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^[A-Z]{6}\\+${postscript}$`))]));
    expect(names.some((n) => n.endsWith(`+${base}`))).toBe(false);
    // the body text is drawn in it
    const inOwn = b.pdf.pages.flatMap((p) => p.items).filter((i) => b.pdf.fonts.get(i.fontName)?.name.endsWith(`+${postscript}`));
    expect(inOwn.map((i) => i.str).join(' ')).toContain('Taskforce');
  }, 120_000);

  it('builds with a whole template of its own in the content folder', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'look'));
    const own = readFileSync(resolve(PACKAGE_ROOT, 'templates', 'rijksoverheid', 'template.yaml'), 'utf8').replace('accent: "#154273"', 'accent: "#2e7d32"');
    writeFileSync(join(dir, 'look', 'template.yaml'), own);
    useTemplate(dir, 'look/');
    const b = await built(dir);
    expect(findRect(b.shapes[0]!, { x: A4.w / 2 - 16, y: 0, width: 32, height: 78, color: '#2e7d32' })).toBeDefined();
    expect(b.text).toContain('Contents'); // rijksoverheid has no English contents word: the built-in English one
    expect(b.text.match(DUTCH_GROUPED) ?? []).toEqual([]);
  }, 120_000);
});
