import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartKey, chartsCodeHash } from '../../src/charts/chartKey.ts';
import { loadTestTheme, testFonts } from './helpers.ts';

const theme = loadTestTheme().chart;

describe('chart cache key', () => {
  it('changes with the data, the frame and the theme, and not with anything else', () => {
    const input = (n: number, frameWidthPt = 232.64) => ({ safe: { mark: 'bar' }, datasets: { d: [{ n }] }, frameWidthPt });
    const k = chartKey(input(1), theme, testFonts());
    expect(chartKey(input(1), theme, testFonts())).toBe(k);
    expect(chartKey(input(2), theme, testFonts())).not.toBe(k);
    expect(chartKey(input(1, 485.28), theme, testFonts())).not.toBe(k);
    expect(chartKey(input(1), { ...theme, fontSize: theme.fontSize + 1 }, testFonts())).not.toBe(k);
  });

  it('follows the chart code: editing any source file of the renderer gives another hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-code-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
      writeFileSync(join(dir, 'b.ts'), 'export const b = 1;');
      const before = chartsCodeHash(dir);
      writeFileSync(join(dir, 'notes.md'), 'not code');
      expect(chartsCodeHash(dir)).toBe(before);
      writeFileSync(join(dir, 'b.ts'), 'export const b = 2;');
      expect(chartsCodeHash(dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
