import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import * as messages from '../../src/diag/messages.ts';
import type { Diagnostic } from '../../src/diag/types.ts';
import type { BoundReport } from '../../src/bind/types.ts';
import { makeContent } from '../load/fixture.ts';

async function bind(section: string, extra: Record<string, string> = {}) {
  const dir = makeContent({ 'sections/a.yaml': section, ...extra });
  const diag = createSink();
  try {
    return { bound: bindFigures(await loadReport(dir, { diag }), { diag }), diags: diag.items, dir };
  } catch (e) {
    if (!isReportError(e)) throw e;
    return { bound: undefined as unknown as BoundReport, diags: [...e.diagnostics, ...diag.items], dir };
  }
}

const USE_ALL = '  - p: "{asiel.eerste}{asiel.totaal}{nareis.inwilligingen}{studie.verandering}{datums.publicatie}"\n';
const at = (d: Diagnostic) => `${d.span?.line}:${d.span?.column} ${d.code}`;

describe('bindFigures', () => {
  it('interpolates references with formats, derivations and escapes', async () => {
    const { bound, diags } = await bind(`kind: article
title: Asiel {asiel.eerste}
blocks:
  - p: >-
      Er waren {asiel.eerste} eerste aanvragen, samen {asiel.totaal}; nareis {nareis.inwilligingen},
      studie {studie.verandering | abs} minder ({studie.verandering | signed | percent}); \\{letterlijk} op
      {datums.publicatie | weekday}.
${USE_ALL}`);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    const s = bound.sections[0];
    expect(s.title).toBe('Asiel 13.670');
    expect(s.shortTitle).toBe('Asiel 13.670');
    const p = s.blocks[0] as { text: { text: string } };
    expect(p.text.text).toBe(
      'Er waren 13.670 eerste aanvragen, samen 15.270; nareis 70%, studie 40% minder (\u221240%); {letterlijk} op vrijdag 30 april 2021.',
    );
    expect(bound.meta.dateText).toBe('30 april 2021');
  });

  it('points at the exact line:column of an unknown figure in plain, quoted and block scalars', async () => {
    const { diags } = await bind(`kind: article
title: Asiel
blocks:
  - p: Plain {asiel.eerst} tekst
  - p: "Quoted \\"x\\" {asiel.volgendd}"
  - p: |
      Block line one
        and {asiel.totall | number} here
  - facts:
      title: T
      items:
        - { label: L, value: "{nareis.inwilliging}" }
${USE_ALL}`);
    expect(diags.filter((d) => d.severity === 'error').map(at)).toEqual(['4:14 BIND002', '5:22 BIND002', '8:13 BIND002', '12:31 BIND002']);
    expect(diags[0]).toEqual({ ...messages.unknownFigure('asiel.eerst', diags[0].span, ['asiel.eerste', 'asiel.volgend']), span: diags[0].span });
    expect(diags[0].hints).toEqual(['did you mean "asiel.eerste"?']);
    expect(diags[2].span).toMatchObject({ endLine: 8, endColumn: 13 + '{asiel.totall | number}'.length });
  });

  it('builds datasets from a group, several groups and explicit rows', async () => {
    const chart = 'layer:\n  - data: { name: studie-aanvragen }\n    mark: bar\n  - data: { name: totalen }\n    mark: rule\n';
    const { bound, diags } = await bind(`kind: article
title: Asiel
blocks:
  - chart: { spec: charts/studie.vl.yaml, caption: "Daling {studie.verandering | abs}" }
  - chart: { spec: { data: { name: kennis-talent }, mark: line, title: "{asiel.eerste}" }, size: full }
${USE_ALL}`, { 'charts/studie.vl.yaml': chart });
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bound.charts.map((c) => c.id)).toEqual(['studie', 'a-chart-2']);
    const [studie, kennis] = bound.charts;
    expect(studie.datasets).toEqual({
      'studie-aanvragen': [{ jaar: '2019', aanvragen: 20430 }, { jaar: '2020', aanvragen: 12310 }],
      totalen: [{ soort: 'Eerste', aantal: 13670 }, { soort: 'Volgend', aantal: 1600 }],
    });
    expect(studie.caption).toBe('Daling 40%');
    expect(studie.spans.get('/layer/1/data/name')).toMatchObject({ line: 4, column: 19 });
    expect(kennis.size).toBe('full');
    expect(kennis.spec.title).toBe('13.670');
    expect(kennis.datasets['kennis-talent']).toHaveLength(4);
    expect(kennis.datasets['kennis-talent'][2]).toEqual({ soort: 'Beslissingen', jaar: '2019', aantal: 19000 });
    expect(bound.sections[0].blocks[0]).toMatchObject({ type: 'chart', chartId: 'studie' });
  });

  it('reports unknown datasets at the data.name node', async () => {
    const { diags } = await bind(`kind: article
title: Asiel
blocks:
  - chart: { spec: charts/x.vl.yaml }
${USE_ALL}`, { 'charts/x.vl.yaml': 'data:\n  name: studie-aanvraag\nmark: bar\n' });
    expect(diags.map(at)).toEqual(['2:9 CHART001', '17:21 FIG010', '19:5 FIG010', '24:5 FIG010']);
    expect(diags[0].span?.file).toMatch(/charts\/x\.vl\.yaml$/);
    expect(diags[0].hints).toEqual(['did you mean "studie-aanvragen"?']);
  });

  it('points at line:column of a formatting error: an unknown format and a format that does not fit the value', async () => {
    const { diags } = await bind(`kind: article
title: T
blocks:
  - p: Samen {asiel.eerste | procent} aanvragen
  - table:
      columns: [{ label: A }]
      rows:
        - ["op {datums.publicatie | percent}"]
${USE_ALL}`);
    const errors = diags.filter((d) => d.severity === 'error');
    expect(errors.map(at)).toEqual([`4:14 ${messages.unknownFormat('procent', []).code}`, `8:16 ${messages.formatMismatch('percent', 'x', 'date').code}`]);
    expect(errors[0].message).toContain('procent');
    expect(errors[1].message).toContain('datums.publicatie');
  });

  it('warns about unused figures at their definition and fails a wrong check with both values', async () => {
    const figures = 'figures:\n  a: { b: 2, c: 3, ongebruikt: 1 }\n  datums: { publicatie: { date: 2021-04-30 } }\nchecks:\n  - expect: a.b + a.c = 6\n';
    const { diags } = await bind('kind: article\ntitle: T\nblocks:\n  - p: "{datums.publicatie}"\n', { 'figures.yaml': figures });
    expect(diags.map(at)).toEqual(['5:13 FIG005', '2:32 FIG001']);
    expect(diags[0].message).toBe('check failed: "a.b + a.c = 6" (5 = 6 is false)');
  });

  it('reports derivation cycles, unknown inputs and division by zero', async () => {
    const figures = `figures:
  x: { sum: [y, 1] }
  y: { sum: [x] }
  z: { ratio: [w, nul] }
  w: 3
  nul: 0
  d: { difference: [w, onbekend] }
`;
    const { diags } = await bind('kind: article\ntitle: T\nblocks:\n  - p: "{z}{d}"\n', { 'figures.yaml': figures });
    const codes = diags.filter((d) => d.severity === 'error').map((d) => d.code).sort();
    expect(codes).toEqual(['FIG003', 'FIG003', 'FIG004', 'FIG009']);
    expect(diags.find((d) => d.code === 'FIG004')?.message).toBe('figures depend on each other in a loop: x → y → x');
  });

  it('binds the bundled report without errors', async () => {
    const dir = join(import.meta.dirname, '../../content/jaarverslag-2020');
    const diag = createSink();
    const bound = bindFigures(await loadReport(dir, { diag }), { diag });
    expect(diag.items.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bound.sections.length).toBeGreaterThanOrEqual(9);
    const all = JSON.stringify(bound.sections, (k, v) => (v instanceof Map ? Object.fromEntries(v) : v));
    expect(all).not.toMatch(/\{[a-z][\w-]*\.[\w.-]+( *\|[^}]*)?\}/); // no references left
    for (const c of bound.charts) expect(Object.keys(c.datasets).length).toBeGreaterThan(0);
    expect(relative(process.cwd(), dir)).toBe('content/jaarverslag-2020');
  });
});
