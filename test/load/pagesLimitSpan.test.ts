import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSink } from '../../src/diag/sink.ts';
import { loadReport } from '../../src/load/index.ts';

/** Paths in spans are relative to the working directory (the repository root under vitest). */
const HERE = import.meta.dirname;

describe('where the page limit is written (for INPUT001 when layout reaches it)', () => {
  it('at limits.pages when report.yaml sets it (line 15, "limits: { pages: " is 17 characters)', async () => {
    const src = await loadReport(join(HERE, '../hostile/cases/text-long-section'), { diag: createSink() });
    expect(src.meta.pagesLimitSpan).toMatchObject({ file: 'test/hostile/cases/text-long-section/report.yaml', line: 15, column: 18 });
  });
  it('else at the start of report.yaml', async () => {
    const src = await loadReport(join(HERE, '../golden/minimal'), { diag: createSink() });
    expect(src.meta.pagesLimitSpan).toMatchObject({ file: 'test/golden/minimal/report.yaml', line: 1, column: 1 });
  });
});
