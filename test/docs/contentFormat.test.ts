/**
 * Every YAML example in docs/content-format.md is extracted and built: the report.yaml example names the sections,
 * each section example becomes a section, the figures, datasets and checks examples become figures.yaml, and the
 * chart spec example a chart. What the examples refer to without showing (a chart spec file, an image, a few
 * figures) comes from test/docs/support/, never overriding an example. The build must give no errors, and the PDF
 * must show each example's content.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildResult } from '../../src/index.ts';
import { parsePdf, words } from '../helpers/pdf.ts';
import { elemText, mcidTexts, readTagged } from '../helpers/taggedPdf.ts';

const root = resolve(import.meta.dirname, '..', '..');
const DOC = readFileSync(join(root, 'docs', 'content-format.md'), 'utf8');
const examples = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
type Map = Record<string, any>;

/** Deep merge: `over` wins; maps merge key by key. */
function merge(base: Map, over: Map): Map {
  const out: Map = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? merge(out[k], v) : v;
  return out;
}

let build: BuildResult;
let text: string[];
const parsed = examples.map((e) => parse(e) as Map);
const kinds = parsed.map((p) => (p.sections && p.template ? 'report' : p.kind ? 'section' : p.figures ? 'figures' : p.datasets || p.checks ? 'datasets' : p.mark || p.layer ? 'chart' : 'unknown'));

beforeAll(async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'rp-docs-')), 'c');
  mkdirSync(join(dir, 'sections'), { recursive: true });
  cpSync(join(root, 'test', 'docs', 'support', 'charts'), join(dir, 'charts'), { recursive: true });
  cpSync(join(root, 'test', 'docs', 'support', 'images'), join(dir, 'images'), { recursive: true });
  const support = parse(readFileSync(join(root, 'test', 'docs', 'support', 'figures.yaml'), 'utf8')) as Map;
  const sections: string[] = [];
  let figures: Map = support;
  parsed.forEach((p, i) => {
    if (kinds[i] === 'section') {
      const file = `sections/example-${i + 1}.yaml`;
      writeFileSync(join(dir, file), examples[i]!);
      sections.push(file);
    } else if (kinds[i] === 'figures' || kinds[i] === 'datasets') figures = merge(figures, p);
    else if (kinds[i] === 'chart') {
      writeFileSync(join(dir, 'charts', `example-${i + 1}.vl.yaml`), examples[i]!);
      const file = `sections/example-${i + 1}-chart.yaml`;
      writeFileSync(join(dir, file), stringify({ kind: 'article', title: 'Kaartvoorbeeld', blocks: [{ chart: { spec: `charts/example-${i + 1}.vl.yaml`, caption: 'Een kaart uit de documentatie' } }] }));
      sections.push(file);
    }
  });
  const report = parsed[kinds.indexOf('report')]!;
  writeFileSync(join(dir, 'report.yaml'), stringify({ ...report, sections }));
  writeFileSync(join(dir, 'figures.yaml'), stringify(figures));
  build = await buildReport({ contentDir: dir });
  text = words((await parsePdf(build.pdf)).pages.map((p) => p.text).join('\n'));
}, 180_000);

describe('docs/content-format.md examples', () => {
  it('are all YAML of a known kind, one report.yaml among them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(kinds).not.toContain('unknown');
    expect(kinds.filter((k) => k === 'report')).toHaveLength(1);
  });

  it('build without errors', () => {
    expect(build.diagnostics.items.filter((d) => d.severity === 'error')).toEqual([]);
    expect(build.pdf.length).toBeGreaterThan(10_000);
  });

  it('show their content in the PDF', () => {
    const all = text.join(' ');
    for (const s of ['Learning by doing', 'Cijfers asielaanvragen in 2020', 'Kerncijfers', 'Instroom naar soort', 'Nareis', 'Totaal', 'Annelore Roelofs', 'Kaartvoorbeeld', 'Indiase']) {
      expect(all, s).toContain(s);
    }
    // the figures example formats into the text: {asiel.eerste} → 13.670
    expect(all).toContain('13.670');
  });

  it('tag the passages example in its languages: /Lang on the blocks, a Span per inline passage', async () => {
    const t = await readTagged(build.pdf);
    const texts = await mcidTexts(build.pdf);
    const found = t.elems.filter((e) => e.lang).map((e) => `${e.role} ${e.lang} ${elemText(e, texts)}`);
    expect(found).toEqual(expect.arrayContaining([
      'H3 en-GB Learning by doing',
      'Span en-GB learning by doing',
      'Span en-GB Expat Centre Maastricht Region',
      expect.stringMatching(/^P en-GB The Taskforce took on the old applications in 2020\.$/),
      expect.stringMatching(/^BlockQuote de Wir haben \u201Eviel\u201C gelernt\. Eine Kollegin$/),
    ]));
    // a whole section in English: its Sect and its contents entry
    expect(t.elems.some((e) => e.role === 'Sect' && e.lang === 'en-GB' && elemText(e, texts).startsWith('Summary in English'))).toBe(true);
    expect(t.elems.filter((e) => e.role === 'TOCI' && e.lang === 'en-GB').map((e) => elemText(e, texts))).toEqual([expect.stringMatching(/^Summary in English/)]);
    // the title's passage is a Span inside the section's H2
    expect(t.elems.some((e) => e.role === 'H2' && e.kids.some((k) => 'elem' in k && k.elem.role === 'Span' && k.elem.lang === 'en-GB'))).toBe(true);
  });
});
