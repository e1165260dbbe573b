/** `reportpress init`: the new folder builds at once, carries schema lines that resolve, and is never written over. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { initReport } from '../../src/cli/init.ts';
import { buildReport } from '../../src/index.ts';
import { openPdf } from '../../src/raster/openPdf.ts';
import { toWords } from '../../src/diff/wordDiff.ts';

it('scaffolds a report that builds without warnings, with every figure and the chart in the PDF', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'rp-init-')), 'mijn-verslag');
  const files = await initReport(dir, '2025-03-31');
  for (const f of ['report.yaml', 'figures.yaml', 'sections/01-inleiding.yaml', 'charts/aanvragen.vl.yaml', 'schemas/report.schema.json']) expect(existsSync(join(dir, f))).toBe(true);
  // Every YAML file names a schema that exists, relative to itself.
  for (const f of files.filter((x) => x.endsWith('.yaml'))) {
    const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(f, 'utf8'));
    expect(m, f).not.toBeNull();
    expect(existsSync(resolve(dirname(f), m![1]!)), f).toBe(true);
  }
  const r = await buildReport({ contentDir: dir });
  expect(r.diagnostics.items).toEqual([]);
  expect(r.charts.size).toBe(1);
  const pdf = await openPdf(r.pdf);
  const words: string[] = [];
  for (let n = 1; n <= pdf.pageCount; n++) words.push(...toWords((await pdf.text(n)).map((t) => t.str).join(' ')));
  await pdf.close();
  // The figures as the nl-NL locale writes them: 1.250 and 1.100, and their change (1250/1100 − 1 = 13.6…%).
  expect(words).toContain('1.250');
  expect(words.join(' ')).toMatch(/1\.100/);
  expect(words.join(' ')).toMatch(/14\s?%|13,6\s?%/);
  expect(words).toContain('Mijn');
  await expect(initReport(dir, '2025-03-31')).rejects.toThrow(/not empty/);
}, 120_000);
