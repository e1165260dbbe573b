/**
 * The editor's JSON Schemas: generated from the loader's zod schemas, they accept every bundled file, every bundled
 * file points at them with a yaml-language-server line, and they reject what the loader rejects (hand-made edits
 * checked against loadReport, and every schema-level case of the diagnostics suite).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_FILES, type SchemaKind } from '../../src/schema/jsonSchemas.ts';
import { loadReport } from '../../src/load/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { editFile, scratchReport } from '../helpers/scratchReport.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const schemas = jsonSchemas();
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = Object.fromEntries((Object.keys(schemas) as SchemaKind[]).map((k) => [k, ajv.compile(schemas[k])])) as Record<SchemaKind, ReturnType<typeof ajv.compile>>;
const valid = (kind: SchemaKind, file: string) => validators[kind](parse(readFileSync(file, 'utf8')) ?? {});

/** Every bundled file an editor opens, with the schema it must follow. */
function bundledFiles(): [SchemaKind, string][] {
  const out: [SchemaKind, string][] = [];
  for (const name of readdirSync(join(ROOT, 'content'))) {
    const dir = join(ROOT, 'content', name);
    if (!existsSync(join(dir, 'report.yaml'))) continue;
    const report = parse(readFileSync(join(dir, 'report.yaml'), 'utf8'));
    out.push(['report', join(dir, 'report.yaml')], ['figures', join(dir, report.figures ?? 'figures.yaml')]);
    for (const s of report.sections) out.push(['section', join(dir, s)]);
    const charts = join(dir, 'charts');
    if (existsSync(charts)) for (const c of readdirSync(charts).filter((f) => /\.ya?ml$/.test(f))) out.push(['chart', join(charts, c)]);
  }
  for (const t of readdirSync(join(ROOT, 'templates'))) {
    const f = join(ROOT, 'templates', t, 'template.yaml');
    if (existsSync(f)) out.push(['template', f]);
  }
  return out;
}

describe('JSON Schemas for editors', () => {
  const files = bundledFiles();

  it('covers every kind of bundled file', () => {
    expect(new Set(files.map(([k]) => k))).toEqual(new Set(Object.keys(SCHEMA_FILES)));
  });

  it.each(files.map(([k, f]) => [relative(ROOT, f), k, f] as const))('%s follows the %s schema', (_, kind, file) => {
    const ok = valid(kind, file);
    expect(validators[kind].errors ?? [], `${file}`).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(files.map(([k, f]) => [relative(ROOT, f), k, f] as const))('%s names its schema (%s) on a yaml-language-server line', (_, kind, file) => {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('# yaml-language-server: $schema='));
    const want = `# yaml-language-server: $schema=${relative(dirname(file), join(ROOT, 'schemas', SCHEMA_FILES[kind]))}`;
    expect(line, `add this first line to ${relative(ROOT, file)}:\n${want}`).toBe(want);
  });

  it('rejects what the loader rejects (hand-made edits)', async () => {
    const edits: [string, string, string, SchemaKind][] = [
      ['report.yaml', 'title: Proefverslag', 'titel: Proefverslag', 'report'],
      ['report.yaml', 'template: rijksoverheid', 'template: [rijksoverheid]', 'report'],
      ['report.yaml', 'date: 2021-04-30', 'date: 30 april 2021', 'report'],
      ['sections/01-artikel.yaml', 'kind: article', 'kind: essay', 'section'],
      ['sections/01-artikel.yaml', '  - heading: Aanvragen', '  - kop: Aanvragen', 'section'],
      ['sections/01-artikel.yaml', '  - facts:\n      title: Cijfers in het kort', '  - facts:\n      titel: Cijfers in het kort', 'section'],
      ['sections/01-artikel.yaml', '  - heading: Aanvragen en beslissingen', '  - heading: Aanvragen en beslissingen\n    p: twee sleutels', 'section'],
      ['figures.yaml', 'figures:', 'cijfers:', 'figures'],
    ];
    for (const [file, from, to, kind] of edits) {
      const dir = scratchReport();
      editFile(join(dir, file), from, to);
      const loaded = await loadReport(dir, { diag: createSink() }).then(() => 'accepted', () => 'rejected');
      expect(`${to}: loader ${loaded}`).toBe(`${to}: loader rejected`);
      expect(`${to}: schema ${valid(kind, join(dir, file)) ? 'accepted' : 'rejected'}`).toBe(`${to}: schema rejected`);
    }
  });

  it('rejects the files of every schema-level diagnostics case (unknown keys, types, values, block shapes)', () => {
    const CASES = join(ROOT, 'test', 'diag', 'cases');
    const kindOf = (f: string): SchemaKind | undefined =>
      basename(f) === 'report.yaml' ? 'report' : basename(f) === 'template.yaml' ? 'template' : /\.vl\.ya?ml$/.test(f) ? undefined : f.includes('/sections/') ? 'section' : undefined;
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    let checked = 0;
    for (const f of walk(CASES).filter((x) => /\.ya?ml$/.test(x))) {
      const kind = kindOf(f);
      // SPEC001–007: unknown key/block type, missing key, wrong type, bad value, unquoted reference, block shape.
      if (!kind || !/# error: \d+:\d+ SPEC00[1-7]\b/.test(readFileSync(f, 'utf8'))) continue;
      let doc: unknown;
      try {
        doc = parse(readFileSync(f, 'utf8'));
      } catch {
        continue; // a YAML syntax case: the editor flags it before any schema
      }
      expect(`${relative(CASES, f)}: ${validators[kind](doc) ? 'accepted' : 'rejected'}`).toBe(`${relative(CASES, f)}: rejected`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('rejects chart data from a URL or inline values, as the chart sandbox does', () => {
    expect(validators.chart({ data: { url: 'https://example.org/x.csv' }, mark: 'bar' })).toBe(false);
    expect(validators.chart({ data: { name: 'x', values: [] }, mark: 'bar' })).toBe(false);
    expect(validators.chart({ data: { name: 'studie-aanvragen' }, mark: 'bar' })).toBe(true);
  });
});

