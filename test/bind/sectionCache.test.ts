/**
 * Bound sections kept in a session (bind/sectionCache.ts). The oracle is binding the same folder with no build
 * context (nothing cached): after every edit the session's result and its diagnostics must equal that. Each input of
 * an entry's key and each dependency it checks is changed in turn (the section's text, a figure it cites, a
 * figure's format, a dataset its chart names, the language, the ids references may name, the chart ids taken
 * before it, the chart-value limit), and the sections that did not read what changed must be the cached objects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { A, B, twoSections } from './cacheFixture.ts';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';
import type { PrintMemo } from '../../src/bind/sectionCache.ts';
import { FIGURES_YAML } from '../load/fixture.ts';

async function bind(dir: string, build?: BuildContext) {
  const diag = createSink();
  const source = await loadReport(dir, { diag, ...(build && { build }) });
  const bound = bindFigures(source, { diag, ...(build && { build }) });
  return { bound, said: diag.items.map((d) => `${d.code} ${d.message} ${d.span?.file}:${d.span?.line}`) };
}

/** Binds in the session and afresh; they must agree. */
async function both(dir: string, session: BuildContext) {
  const cached = await bind(dir, session);
  const fresh = await bind(dir);
  expect(cached.bound).toStrictEqual(fresh.bound);
  expect(cached.said).toEqual(fresh.said);
  return cached.bound;
}

function edit(dir: string, rel: string, from: string | RegExp, to: string): void {
  const path = join(dir, rel);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${String(from)} not in ${rel}`);
  writeFileSync(path, next);
}

describe('bound sections in a session', () => {
  it('unchanged sections are the cached objects (their warnings said again); an edited one is bound again', async () => {
    const dir = twoSections();
    const session = createBuildContext();
    const first = await both(dir, session);
    expect((await bind(dir, session)).said.some((s) => s.includes('ongebruikt'))).toBe(true);
    const again = await both(dir, session);
    expect(again.sections[0]).toBe(first.sections[0]);
    expect(again.sections[1]).toBe(first.sections[1]);
    expect(again.charts[0]).toBe(first.charts[0]);
    edit(dir, 'sections/a.yaml', 'Eerste', 'Nieuwe eerste');
    const edited = await both(dir, session);
    expect(edited.sections[0]).not.toBe(first.sections[0]);
    expect(edited.sections[1]).toBe(first.sections[1]);
  });

  it('a figure, its format or a dataset binds again only the sections that read it', async () => {
    const dir = twoSections();
    const session = createBuildContext();
    const steps: [string, () => void, boolean, boolean][] = [
      ['a figure A cites', () => edit(dir, 'figures.yaml', 'eerste: { value: 13670', 'eerste: { value: 13671'), true, false],
      ['the format of a figure B cites', () => edit(dir, 'figures.yaml', 'value: 0.70, format: percent', 'value: 0.70, format: number'), false, true],
      ['the dataset B\'s chart names', () => edit(dir, 'figures.yaml', '"2019": 20430', '"2019": 20431'), false, true],
      ['a figure nobody cites', () => edit(dir, 'figures.yaml', 'volgend: 1600', 'volgend: 1601'), false, false],
    ];
    let before = await both(dir, session);
    for (const [what, change, a, b] of steps) {
      change();
      const after = await both(dir, session);
      expect(after.sections[0] === before.sections[0], `${what}: A kept`).toBe(!a);
      expect(after.sections[1] === before.sections[1], `${what}: B kept`).toBe(!b);
      before = after;
    }
  });

  it('figure prints are kept per figure table: the same while figures.yaml is, made again after it changed', async () => {
    const dir = twoSections();
    const session = createBuildContext();
    const printsOf = async () => {
      const source = await loadReport(dir, { diag: createSink(), build: session });
      const bound = bindFigures(source, { diag: createSink(), build: session });
      return { bound, kept: session.cache<PrintMemo>('figurePrints').get('prints')! };
    };
    const a = await printsOf();
    const b = await printsOf();
    expect(b.kept).toBe(a.kept);
    // the figure table is not part of the result: it is the session's figure stage (bind/figureCache.ts)
    const tables = session.cache<{ table: object; datasets: object }>('figureTables');
    const table = [...tables.values()][0]!;
    const first = a.kept.get(table.table)!.prints;
    expect(first.get('f:asiel.eerste')).toContain('13670');
    edit(dir, 'figures.yaml', 'eerste: { value: 13670', 'eerste: { value: 13671');
    const c = await both(dir, session);
    const newTable = [...tables.values()].find((t) => t !== table)!;
    expect(a.kept.get(newTable.table)!.prints.get('f:asiel.eerste')).toContain('13671');
    expect(c.sections[0]).not.toBe(b.bound.sections[0]);
  });

  it('the language, the reference targets, the chart ids taken before and the chart-value limit bind every section again', async () => {
    const dir = twoSections();
    const session = createBuildContext();
    const steps: [string, () => void][] = [
      ['language', () => edit(dir, 'report.yaml', 'template: rijksoverheid', 'template: rijksoverheid\nlanguage: en-GB')],
      // a new target: an id on a block of A
      ['targets', () => edit(dir, 'sections/a.yaml', '  - p: "Eerste', '  - heading: { text: Kop, id: kop }\n  - p: "Eerste')],
      // A takes the chart id "studie" first: B's chart becomes "studie-2"
      ['chart ids', () => edit(dir, 'sections/a.yaml', 'blocks:\n', 'blocks:\n  - chart: { spec: charts/studie.vl.yaml }\n')],
      ['chart values', () => edit(dir, 'report.yaml', 'template: rijksoverheid', 'template: rijksoverheid\nlimits: { chartValues: 500 }')],
    ];
    let before = await both(dir, session);
    for (const [what, change] of steps) {
      change();
      const after = await both(dir, session);
      expect(after.sections[1], what).not.toBe(before.sections[1]);
      before = after;
    }
    expect(before.charts.map((c) => c.id)).toEqual(['studie', 'studie-2']);
  });

  it('a binding that raised an error is not kept: the error is found again', async () => {
    const dir = twoSections();
    const session = createBuildContext();
    edit(dir, 'sections/b.yaml', 'Zie {page:a}', 'Zie {page:nergens} {asiel.onbekend}');
    const errors = async (build?: BuildContext) => {
      try {
        await bind(dir, build);
        return [];
      } catch (e) {
        if (!isReportError(e)) throw e;
        return e.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.column}`);
      }
    };
    const fresh = await errors();
    expect(fresh.length).toBe(2);
    expect(await errors(session)).toEqual(fresh);
    expect(await errors(session)).toEqual(fresh);
  });
});
