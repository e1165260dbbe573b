/**
 * Issue 11 item 3: numbers and dates as editors write them, in Dutch and English; tolerance checks; figures
 * named like keywords; the report's own dates. Expected strings are written by hand from the style guides
 * (Dutch: "€ 96,7 miljoen", English: "€96.7 million"; U+00A0 keeps number and word together).
 */
import { describe, expect, it } from 'vitest';
import { applyFormats } from '../../src/bind/formatters.ts';
import { joinRange } from '../../src/bind/interpolate.ts';
import { holds, parseComparison } from '../../src/bind/expression.ts';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import type { Diagnostic } from '../../src/diag/types.ts';
import type { BoundReport } from '../../src/bind/types.ts';
import { makeContent, REPORT_YAML } from '../load/fixture.ts';

const NB = '\u00a0';
const num = (value: number) => ({ kind: 'number' as const, value });
const date = (value: string) => ({ kind: 'date' as const, value });
const fmt = (v: ReturnType<typeof num> | ReturnType<typeof date>, chain: string, locale: string) =>
  applyFormats(v, chain.split('|').map((s) => s.trim()).filter(Boolean), undefined, locale);

describe('formats editors write', () => {
  it('scales and writes euros: millions:1 in Dutch and English', () => {
    expect(fmt(num(96_712_000), 'eur | millions:1', 'nl-NL')).toBe(`€${NB}96,7${NB}miljoen`);
    expect(fmt(num(96_712_000), 'eur | millions:1', 'en-GB')).toBe(`€96.7${NB}million`);
    expect(fmt(num(96_000_000), 'millions:1 | eur', 'nl-NL')).toBe(`€${NB}96,0${NB}miljoen`);
    expect(fmt(num(1_250_000_000), 'billions:2', 'nl-NL')).toBe(`1,25${NB}miljard`);
    expect(fmt(num(13_670), 'eur', 'nl-NL')).toBe(`€${NB}13.670`);
  });

  it('signs changes with a real minus', () => {
    expect(fmt(num(-0.12), 'signed | percent', 'nl-NL')).toBe('\u221212%');
    expect(fmt(num(0.03), 'percent | signed', 'en-GB')).toBe('+3%');
    expect(fmt(num(-2_500_000), 'eur | millions:1 | signed', 'nl-NL')).toBe(`\u2212€${NB}2,5${NB}miljoen`);
  });

  it('spells out small numbers with words and keeps digits for others', () => {
    expect(fmt(num(5), 'words', 'nl-NL')).toBe('vijf');
    expect(fmt(num(5), 'words', 'en-GB')).toBe('five');
    expect(fmt(num(12), 'words', 'nl-NL')).toBe('twaalf');
    expect(fmt(num(40), 'words', 'en-US')).toBe('forty');
    expect(fmt(num(1234), 'words', 'nl-NL')).toBe('1.234');
  });

  it('writes month-only and quarter dates', () => {
    expect(fmt(date('2022-06'), '', 'nl-NL')).toBe('juni 2022');
    expect(fmt(date('2022-06'), '', 'en-GB')).toBe('June 2022');
    expect(fmt(date('2022-Q2'), '', 'nl-NL')).toBe('2e kwartaal 2022');
    expect(fmt(date('2022-Q2'), '', 'en-GB')).toBe('Q2 2022');
    expect(fmt(date('2022-11-15'), 'month', 'nl-NL')).toBe('november 2022');
    expect(fmt(date('2022-11-15'), 'quarter', 'nl-NL')).toBe('4e kwartaal 2022');
  });

  it('joins ranges with an en dash, writing a shared unit once', () => {
    expect(joinRange(`€${NB}3,1${NB}miljoen`, `€${NB}4,2${NB}miljoen`)).toBe(`€${NB}3,1\u20134,2${NB}miljoen`);
    expect(joinRange('12%', '15%')).toBe('12\u201315%');
    expect(joinRange('\u22123%', '+5%')).toBe('\u22123%\u2013+5%');
  });
});

describe('checks with a tolerance', () => {
  it('accepts rounded published numbers with ≈ or within', () => {
    expect(parseComparison('a + b ≈ c').op).toBe('≈');
    expect(parseComparison('a ~= c').op).toBe('≈');
    expect(holds('≈', 100.4, 100)).toBe(true); // 0.4% apart
    expect(holds('≈', 101, 100)).toBe(false); // 1% apart
    expect(holds('=', 99.5, 100, 1)).toBe(true);
    expect(holds('=', 98.9, 100, 1)).toBe(false);
    expect(holds('<', 100.5, 100, 1)).toBe(false);
  });
});

async function bind(section: string, figures: string, report = REPORT_YAML) {
  const dir = makeContent({ 'sections/a.yaml': section, 'figures.yaml': figures, 'report.yaml': report });
  const diag = createSink();
  try {
    return { bound: bindFigures(await loadReport(dir, { diag }), { diag }), diags: diag.items as Diagnostic[] };
  } catch (e) {
    if (!isReportError(e)) throw e;
    return { bound: undefined as unknown as BoundReport, diags: [...e.diagnostics, ...diag.items] };
  }
}
const text = (b: BoundReport) => (b.sections[0]!.blocks[0] as { text: { text: string } }).text.text;

describe('figures in prose', () => {
  it('allows figures named like keywords when written as figures', async () => {
    const { bound, diags } = await bind(
      'kind: article\ntitle: A\nblocks:\n  - p: "{g.change} {g.sum} {g.value} {g.ratio} {g.date}"\n',
      'figures:\n  g:\n    change: 3\n    sum: { value: 12 }\n    value: 7\n    ratio: 0.5\n    date: { date: 2022-06 }\n',
    );
    expect(diags).toEqual([]);
    expect(text(bound)).toBe('3 12 7 0,5 juni 2022');
  });

  it('reads a group with a figure named "value" beside others as a group', async () => {
    const { bound, diags } = await bind('kind: article\ntitle: A\nblocks:\n  - p: "{g.value} {g.aandeel}"\n', 'figures:\n  g:\n    value: 12\n    aandeel: 0.3\n');
    expect(diags).toEqual([]);
    expect(text(bound)).toBe('12 0,3');
  });

  it('rejects a derivation list written under a keyword in a group with one message naming it', async () => {
    const { diags } = await bind('kind: article\ntitle: A\nblocks:\n  - p: "{g.a}{g.b}"\n', 'figures:\n  g:\n    a: 3\n    b: 4\n    change: [g.a, g.b]\n');
    expect(diags.map((d) => [d.code, d.span?.line])).toEqual([['FIG011', 5]]);
    expect(diags[0]!.message).toContain('"change"');
  });

  it('formats ranges and the report’s own dates in prose and report.yaml', async () => {
    const report = REPORT_YAML.replace('title: Testverslag', 'title: "Jaarcijfers {report.period.end | month}"').replace('date: 2021-04-30', 'date: 2021-04-30\nperiod: { start: 2020-01, end: 2020-12 }');
    const { bound, diags } = await bind(
      'kind: article\ntitle: A\nblocks:\n  - p: "{laag .. hoog | eur | millions:1}, {report.period.start}–{report.period.end}, {report.date}"\n',
      'figures:\n  laag: 3120000\n  hoog: 4240000\n',
      report,
    );
    expect(diags).toEqual([]);
    expect(text(bound)).toBe(`€${NB}3,1\u20134,2${NB}miljoen, januari 2020–december 2020, 30 april 2021`);
    expect(bound.meta.title).toBe('Jaarcijfers december 2020');
  });
});
