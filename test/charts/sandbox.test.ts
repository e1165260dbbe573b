import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.ts';
import { chartMessages } from '../../src/charts/messages.ts';
import { createSandboxLoader, MAX_MARKS, MAX_ROWS, sandboxSpec, spanAt } from '../../src/charts/sandbox.ts';
import { isReportError } from '../../src/diag/errors.ts';
import { createSink } from '../../src/diag/sink.ts';
import type { Diagnostic, SourceSpan } from '../../src/diag/types.ts';
import { chart, frameWidthPt, loadTestTheme, testFonts } from './helpers.ts';

const FILE = 'charts/c.vl.yaml';
const at = (line: number, column: number): SourceSpan => ({ file: FILE, line, column });
const rows = [{ jaar: '2020', n: 1 }];

/** The diagnostics of the ReportError that fn throws (fails when it does not throw one). */
function refusals(fn: () => unknown): readonly Diagnostic[] {
  try {
    fn();
  } catch (e) {
    if (isReportError(e)) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a ReportError');
}

const withSpans = (spec: Record<string, unknown>, spans: [string, SourceSpan][]) =>
  chart('c', spec, { d: rows }, { spans: new Map(spans), file: FILE });

describe('sandboxSpec', () => {
  it('refuses data loaded over http, with the position of the url', () => {
    const c = withSpans({ data: { url: 'https://example.org/x.csv' }, mark: 'bar' }, [['/data/url', at(2, 8)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.dataUrl('https://example.org/x.csv', at(2, 8))]);
  });

  it('refuses data loaded over plain http, with the position of the url', () => {
    const c = withSpans({ data: { url: 'http://example.org/x.json' }, mark: 'bar' }, [['/data/url', at(4, 11)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.dataUrl('http://example.org/x.json', at(4, 11))]);
  });

  it('refuses a file: URL', () => {
    const c = withSpans({ data: { url: 'file:///etc/passwd' }, mark: 'bar' }, [['/data/url', at(3, 9)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.fileRefused('file:///etc/passwd', at(3, 9))]);
  });

  it('refuses a relative path that climbs out of the content folder', () => {
    const c = withSpans({ data: { url: '../../secret.csv' }, mark: 'bar' }, [['/data/url', at(6, 2)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.fileRefused('../../secret.csv', at(6, 2))]);
  });

  it('refuses absolute paths, POSIX and Windows', () => {
    for (const url of ['/etc/passwd', 'C:\\Users\\x.csv']) {
      const c = withSpans({ data: { url }, mark: 'bar' }, [['/data/url', at(2, 7)]]);
      expect(refusals(() => sandboxSpec(c, createSink())), url).toEqual([chartMessages.fileRefused(url, at(2, 7))]);
    }
  });

  it('refuses even a relative path inside the content folder: charts read datasets only', () => {
    const c = withSpans({ data: { url: 'data/cijfers.csv' }, mark: 'bar' }, [['/data/url', at(2, 7)]]);
    expect(refusals(() => sandboxSpec(c, createSink())).map((d) => [d.code, d.span])).toEqual([['CHART101', at(2, 7)]]);
  });

  it('refuses an image mark whose url comes from outside, in the mark or from a data field', () => {
    const c = withSpans(
      {
        layer: [
          { mark: { type: 'image', url: 'https://evil.example/logo.png' } },
          { mark: 'image', encoding: { url: { field: 'plaatje', type: 'nominal' } } },
        ],
      },
      [
        ['/layer/0/mark/url', at(3, 30)],
        ['/layer/1/encoding/url', at(5, 28)],
      ],
    );
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([
      chartMessages.urlRefused('url', 'https://evil.example/logo.png', at(3, 30)),
      chartMessages.urlRefused('url', 'field plaatje', at(5, 28)),
    ]);
  });

  it('refuses a dataset name that is not one of the report\'s, e.g. a path', () => {
    const c = withSpans({ data: { name: '../figures.yaml' }, mark: 'bar' }, [['/data/name', at(1, 15)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.unknownDataset('../figures.yaml', ['d'], at(1, 15))]);
  });

  it('lets a map use the world-atlas outlines by name, and names them when a geo: name is unknown', () => {
    const geo = (name: string) => withSpans({ data: { name, format: { type: 'topojson', feature: 'countries' } }, mark: 'geoshape' }, [['/data/name', at(2, 9)]]);
    expect(sandboxSpec(geo('geo:countries-50m'), createSink())).toMatchObject({ data: { name: 'geo:countries-50m' } });
    const [d] = refusals(() => sandboxSpec(geo('geo:countries-10m'), createSink()));
    expect([d!.code, d!.span, d!.hints]).toEqual(['CHART103', at(2, 9), ['map outlines: geo:countries-110m, geo:countries-50m, geo:land-110m, geo:land-50m']]);
  });

  it('refuses inline values, top-level datasets and a url in a nested layer or lookup', () => {
    const c = withSpans(
      {
        datasets: { x: [] },
        layer: [
          { data: { values: [{ a: 1 }] }, mark: 'bar' },
          { mark: 'image', encoding: { url: { value: 'https://evil.example/p.png' } } },
        ],
        transform: [{ lookup: 'a', from: { data: { url: 'https://evil.example/t.json' }, key: 'a' } }],
      },
      [
        ['/datasets', at(1, 1)],
        ['/layer/0/data', at(4, 7)],
        ['/layer/1/encoding/url', at(7, 18)],
        ['/transform/0/from/data', at(9, 30)],
      ],
    );
    const codes = refusals(() => sandboxSpec(c, createSink())).map((d) => `${d.code}@${d.span?.line}:${d.span?.column}`);
    expect(codes).toEqual(['CHART102@1:1', 'CHART102@4:7', 'CHART104@7:18', 'CHART101@9:30']);
  });

  it('refuses file: inside any string, such as an expression, at the nearest known position', () => {
    const c = withSpans({ mark: 'text', transform: [{ calculate: "'file:///etc/hosts'", as: 'u' }] }, [['/transform/0', at(5, 5)]]);
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.fileRefused("'file:///etc/hosts'", at(5, 5))]);
  });

  it('drops a non-http link with a warning and keeps an https link', () => {
    const diag = createSink();
    const c = withSpans(
      { mark: { type: 'bar', href: 'javascript:alert(1)' }, encoding: { href: { value: 'https://ind.nl/' } } },
      [['/mark/href', at(2, 25)]],
    );
    const out = sandboxSpec(c, diag) as { mark: Record<string, unknown>; encoding: Record<string, unknown> };
    expect(out.mark).toEqual({ type: 'bar' });
    expect(out.encoding.href).toEqual({ value: 'https://ind.nl/' });
    expect(diag.items).toEqual([chartMessages.hrefDropped('javascript:alert(1)', at(2, 25))]);
  });

  it('falls back to the chart block position when the spec has no spans', () => {
    const c = chart('c', { data: { url: 'x.csv' } }, rows);
    expect(spanAt(c, '/data/url')).toEqual(c.source);
  });

  it(`refuses more than ${MAX_ROWS} rows before rendering, at the spec file`, () => {
    const big = Array.from({ length: MAX_ROWS + 1 }, (_, i) => ({ i }));
    const c = chart('big', { mark: 'point' }, big, { spans: new Map([['', at(1, 1)]]) });
    expect(refusals(() => sandboxSpec(c, createSink()))).toEqual([chartMessages.tooManyRows(MAX_ROWS + 1, MAX_ROWS, at(1, 1))]);
  });
});

describe('renderCharts sandbox at render time', () => {
  const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt };

  it(`refuses a generated dataset that draws more than ${MAX_MARKS} marks`, async () => {
    const c = chart('gen', { data: { sequence: { start: 0, stop: 60_000 } }, mark: 'tick', encoding: { x: { field: 'data', type: 'quantitative' } } }, rows, {
      spans: new Map([['', at(1, 1)]]),
    });
    const err = await renderCharts([c], opts, { diag: createSink() }).catch((e: unknown) => e);
    // 60,000 ticks plus the axis's own ticks, labels and rules.
    const d = isReportError(err) ? err.diagnostics : [];
    expect(d.map((x) => [x.code, x.span])).toEqual([['CHART107', at(1, 1)]]);
    expect(d[0].message).toMatch(/^chart has 600\d\d marks, more than the limit of 50000$/);
  });

  it('reports every refused chart at once, each at its own position', async () => {
    const a = chart('a', { data: { url: 'https://x.org/a.csv' }, mark: 'bar' }, rows, { spans: new Map([['/data/url', at(2, 3)]]) });
    const b = chart('b', { data: { name: 'nope' }, mark: 'bar' }, rows, { spans: new Map([['/data/name', at(4, 5)]]) });
    const err = await renderCharts([a, b], opts, { diag: createSink() }).catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => d.code)).toEqual(['CHART101', 'CHART103']);
  });
});

describe('renderCharts links and loader', () => {
  it('keeps an https link in the SVG', async () => {
    const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt };
    const enc = { x: { field: 'jaar', type: 'ordinal' }, y: { field: 'n', type: 'quantitative' }, href: { value: 'https://ind.nl/' } };
    const svg = (await renderCharts([chart('l', { mark: 'bar', encoding: enc }, rows)], opts, { diag: createSink() })).get('l')!.svg;
    expect(svg).toMatch(/<a xlink:href="https:\/\/ind\.nl\/"/);
  });

  it('the vega loader fetches nothing and passes only http(s) links', async () => {
    const refused: string[] = [];
    const dropped: string[] = [];
    const loader = createSandboxLoader(refused, dropped);
    await expect(loader.sanitize('https://ind.nl/', { context: 'href' })).resolves.toEqual({ href: 'https://ind.nl/' });
    await expect(loader.sanitize('https://ind.nl/logo.png', { context: 'image' })).rejects.toThrow('not allowed');
    // a link is dropped (no href), never rejected: vega's SVG renderer would dereference the rejection's null
    await expect(loader.sanitize('javascript:alert(1)', { context: 'href' })).resolves.toEqual({});
    await expect(loader.load('data.csv')).rejects.toThrow('not allowed');
    await expect(loader.file('/etc/passwd')).rejects.toThrow('not allowed');
    await expect(loader.http('https://x.org')).rejects.toThrow('not allowed');
    expect(refused).toEqual(['https://ind.nl/logo.png', 'data.csv', '/etc/passwd', 'https://x.org']);
    expect(dropped).toEqual(['javascript:alert(1)']);
  });
});

describe('row limit in practice', () => {
  it(`renders ${MAX_ROWS} rows aggregated into a few bars`, async () => {
    const opts = { theme: loadTestTheme().chart, fonts: testFonts(), frameWidthPt };
    const many = Array.from({ length: MAX_ROWS }, (_, i) => ({ soort: `s${i % 4}`, n: i % 7 }));
    const c = chart('agg', { mark: 'bar', encoding: { x: { field: 'soort', type: 'nominal' }, y: { aggregate: 'sum', field: 'n', type: 'quantitative' } } }, many);
    const t = performance.now();
    const a = await renderCharts([c], opts, { diag: createSink() });
    expect(a.get('agg')!.svg).toContain('>s3</text>');
    expect(performance.now() - t).toBeLessThan(5000);
  }, 10_000);
});
