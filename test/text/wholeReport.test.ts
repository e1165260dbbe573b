import { expect, test } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { createLineBreaker } from '../../src/text/breakLines.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { lineStats } from '../../src/text/stats.ts';
import { reportCorpus } from './reportCorpus.ts';

/*
 * Breaks every paragraph of the bundled report and checks the result. The times are printed for reading, never
 * asserted: a test that fails on a busy machine proves nothing (`npm run bench` measures speed).
 */
test('breaks the whole report: enough lines, none overfull, hyphen runs and word spaces within target', async () => {
  const paras = reportCorpus();
  const breakLines = createLineBreaker({ fonts: createFontStore('fonts', { serif: 'SourceSerif4_400Regular.ttf' }), hyphenator: await createHyphenator() });
  // Fresh paragraph objects each time, so the breaker's per-paragraph memo does not hide the work.
  const run1 = (): number => paras.reduce((n, p) => n + breakLines({ ...p }, 232.6).length, 0);
  let t = performance.now();
  const lineCount = run1();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    run1();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  paras.forEach((p) => breakLines(p, 232.6));
  t = performance.now();
  paras.forEach((p) => breakLines(p, 232.6));
  const memo = performance.now() - t;
  const lines = paras.filter((p) => p.align === 'justify').flatMap((p) => breakLines(p, 232.6));
  const stats = lineStats(lines);
  const q = (f: number) => [...stats.spaceRatios].sort((a, b) => a - b)[Math.floor(f * (stats.spaceRatios.length - 1))].toFixed(2);
  console.log(
    `text: ${paras.length} paragraphs, ${lineCount} lines; cold ${cold.toFixed(0)} ms, warm min ${warm[0].toFixed(1)} ms, median ${warm[2].toFixed(1)} ms, same objects again ${memo.toFixed(1)} ms; ` +
      `justified: ${stats.lines} lines, ${stats.hyphenated} hyphenated, max ${stats.maxConsecutiveHyphens} in a row, ${stats.overfull} overfull; ` +
      `space ratio p5 ${q(0.05)} p25 ${q(0.25)} p50 ${q(0.5)} p75 ${q(0.75)} p95 ${q(0.95)} max ${q(1)}`,
  );
  expect(lineCount).toBeGreaterThan(1500);
  expect(stats.overfull).toBe(0);
  expect(stats.maxConsecutiveHyphens).toBeLessThanOrEqual(2);
  // issue 3's word-space targets hold on the whole corpus too
  expect(Number(q(0.95))).toBeLessThanOrEqual(1.5);
  expect(Math.max(...stats.spaceRatios)).toBeLessThanOrEqual(2 + 1e-9);
});
