import { symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import type { Diagnostic } from '../../src/diag/types.ts';
import { makeContent, REPORT_YAML } from './fixture.ts';

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  try {
    await loadReport(dir, { diag: createSink() });
  } catch (e) {
    if (isReportError(e)) return [...e.diagnostics];
    throw e;
  }
  return [];
}

const SECTION = `kind: article
label: Eerste artikel
title: "Asiel: oud en nieuw"
lead: >-
  Een lead over
  twee regels.
blocks:
  - p: Een alinea[^n] met {asiel.eerste}.
  - quote: { text: Citaat, by: Iemand }
  - list: [een, twee]
  - table:
      columns: [Onderwerp, { label: "2020", align: right }]
      rows:
        - [Eerste, 13670]
  - image: { src: images/a.svg, alt: Een plaatje }
footnotes:
  n: Een voetnoot.
`;

describe('loadReport', () => {
  it('reads sections with spans whose offsets slice the source scalar', async () => {
    const dir = makeContent({ 'sections/a.yaml': SECTION, 'images/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const src = await loadReport(dir, { diag: createSink() });
    const [s] = src.sections;
    expect(s.id).toBe('a');
    expect(s.title.value).toBe('Asiel: oud en nieuw');
    expect(s.title.span).toMatchObject({ file: relative(process.cwd(), join(dir, 'sections/a.yaml')), line: 3, column: 8 });
    const text = src.files.find((f) => f.path === s.title.span.file)!.text;
    expect(text.slice(s.title.span.offset, s.title.span.endOffset)).toBe('"Asiel: oud en nieuw"');
    expect(s.lead?.value).toBe('Een lead over twee regels.');
    expect(s.blocks.map((b) => b.type)).toEqual(['paragraph', 'quote', 'list', 'table', 'image']);
    const table = s.blocks[3] as Extract<(typeof s.blocks)[number], { type: 'table' }>;
    expect(table.columns.map((c) => [c.label.value, c.align])).toEqual([['Onderwerp', undefined], ['2020', 'right']]);
    expect(table.rows[0].cells.map((c) => c.value)).toEqual(['Eerste', '13670']);
    expect(table.rows[0].cells[1].span).toMatchObject({ line: 14, column: 20 });
    expect(s.footnotes.get('n')?.value).toBe('Een voetnoot.');
    expect(new TextDecoder().decode(src.images.get('images/a.svg'))).toContain('<svg');
    expect(src.meta).toMatchObject({ language: 'nl-NL', date: '2021-04-30', template: 'rijksoverheid' });
    expect(src.figures.spans.get('/figures/asiel/eerste/value')).toMatchObject({ line: 3, column: 22 });
  });

  it('refuses a symlink that leaves the content folder', async () => {
    const outside = makeContent({ 'secret.svg': '<svg/>' }, {});
    const dir = makeContent({ 'sections/a.yaml': 'kind: article\ntitle: T\nblocks:\n  - image: { src: images/link.svg, alt: x }\n' });
    symlinkSync(join(outside, 'secret.svg'), join(dir, 'images-link.svg'));
    writeFileSync(join(dir, 'sections/a.yaml'), 'kind: article\ntitle: T\nblocks:\n  - image: { src: images-link.svg, alt: x }\n');
    const errors = await errorsOf(dir);
    expect(errors.map((d) => `${d.code} ${d.span?.line}:${d.span?.column}`)).toEqual(['LOAD003 4:19']);
  });

  it('reports problems of every file at once', async () => {
    const dir = makeContent({
      'sections/a.yaml': 'kind: article\ntitle: T\nblocks:\n  - heading: [x]\n  - para: y\n',
      'sections/b.yaml': 'kind: articel\ntitle: T\n',
      'report.yaml': 'title: T\norganisation: O\nauthor: A\nsubject: S\ndate: 2021-04-30\ntemplate: t\nsections: [sections/a.yaml, sections/b.yaml]\n',
    });
    const errors = await errorsOf(dir);
    expect(errors.map((d) => d.code)).toEqual(['SPEC004', 'SPEC002', 'SPEC005']);
    expect(errors[1].hints).toEqual(['did you mean "paragraph"?']);
  });

  it('loads the bundled report', async () => {
    const src = await loadReport(join(import.meta.dirname, '../../content/jaarverslag-2020'), { diag: createSink() });
    expect(src.sections.length).toBeGreaterThanOrEqual(9);
    expect(src.files[0].path).toBe('content/jaarverslag-2020/report.yaml');
    for (const s of src.sections) for (const b of s.blocks) expect(b.span.line).toBeGreaterThan(0);
  });

  it('reads optional hyphenation exceptions and rejects ones with other characters', async () => {
    const section = { 'sections/a.yaml': 'kind: article\ntitle: T\nblocks:\n  - p: tekst\n' };
    const plain = await loadReport(makeContent(section), { diag: createSink() });
    expect(plain.meta.hyphenation).toBeUndefined();
    const withList = (list: string) => makeContent({ ...section, 'report.yaml': `${REPORT_YAML}hyphenation:\n  exceptions: ${list}\n` });
    const src = await loadReport(withList('[co-ro-na-maat-re-ge-len, asiel-]'), { diag: createSink() });
    expect(src.meta.hyphenation).toEqual({ exceptions: ['co-ro-na-maat-re-ge-len', 'asiel-'] });
    const errors = await errorsOf(withList('[co ro na]'));
    expect(errors.length).toBeGreaterThan(0);
  });
});

