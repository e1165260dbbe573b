/**
 * The figure table kept per session (bind/figureCache.ts): kept while figures.yaml, the report's dates and its limits
 * are unchanged, made again when any of them changes. The oracle is binding with no build context; a run with an
 * error is never kept (the error is found again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { isReportError } from '../../src/diag/errors.ts';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';
import type { FigureStage } from '../../src/bind/figureCache.ts';
import { makeContent } from '../load/fixture.ts';

const SECTION = 'kind: article\ntitle: A\nblocks:\n  - p: "{asiel.totaal} op {report.date | date}, {studie.verandering}."\n';

async function bind(dir: string, build?: BuildContext) {
  const diag = createSink();
  const source = await loadReport(dir, { diag, ...(build && { build }) });
  try {
    return { bound: bindFigures(source, { diag, ...(build && { build }) }), said: diag.items.map((d) => `${d.code} ${d.message}`) };
  } catch (e) {
    if (!isReportError(e)) throw e;
    return { errors: e.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.column}`) };
  }
}

function edit(dir: string, rel: string, from: string, to: string): void {
  const path = join(dir, rel);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${rel}`);
  writeFileSync(path, text.replace(from, to));
}

describe('figure table in a session', () => {
  it('kept while its inputs are unchanged; figures.yaml, the dates and the limits each make it again, equal to binding afresh', async () => {
    const dir = makeContent({ 'sections/a.yaml': SECTION });
    const session = createBuildContext();
    const tables = session.cache<FigureStage>('figureTables');
    expect(await bind(dir, session)).toStrictEqual(await bind(dir));
    const first = [...tables.values()];
    await bind(dir, session);
    expect([...tables.values()]).toEqual(first);
    expect(tables.size).toBe(1);
    const steps: [string, () => void][] = [
      ['a figure', () => edit(dir, 'figures.yaml', 'volgend: 1600', 'volgend: 1700')],
      ['the report date', () => edit(dir, 'report.yaml', 'date: 2021-04-30', 'date: 2021-05-01')],
      // one row per dataset at most: "totalen" (2 rows) is refused, by the session as by a fresh bind
      ['the limits', () => edit(dir, 'report.yaml', 'template: rijksoverheid', 'template: rijksoverheid\nlimits: { datasetRows: 1 }')],
    ];
    for (const [what, change] of steps) {
      change();
      const fresh = await bind(dir);
      expect(await bind(dir, session), what).toStrictEqual(fresh);
      expect(await bind(dir, session), `${what}, again`).toStrictEqual(fresh);
    }
    // the last step's run had an error: not kept
    expect(tables.size).toBe(3);
    expect((await bind(dir)).errors?.length).toBeGreaterThan(0);
  });
});
