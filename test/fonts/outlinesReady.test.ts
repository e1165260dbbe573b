/**
 * Glyph outlines (fonts/shaper.ts, harfbuzzjs's draw API) need harfbuzzjs loaded first: outlinesReady loads it on
 * demand, so a build that rasterises no chart never evaluates it. Before that an outline is an error, not a wrong
 * path; after it, a glyph's outline is a closed path, and shaping never needed harfbuzzjs at all.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { createShaper, outlinesLoaded, outlinesReady } from '../../src/fonts/shaper.ts';

const font = readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'fonts', 'SourceSans3_400Regular.ttf'));

it('outlines glyphs only once harfbuzzjs is loaded, and shapes without it', async () => {
  const shaper = createShaper(font);
  const run = shaper.shape('H');
  expect(run.ids.length).toBe(1);
  expect(outlinesLoaded()).toBe(false);
  expect(() => shaper.outline(run.ids[0]!)).toThrow(/outlinesReady/);
  await outlinesReady();
  expect(outlinesLoaded()).toBe(true);
  // "H": one closed contour of straight segments (12 corners), in font units with y up
  const path = shaper.outline(run.ids[0]!);
  expect(path.startsWith('M')).toBe(true);
  expect(path.trim().endsWith('Z')).toBe(true);
  expect(path.match(/L/g)!.length).toBeGreaterThanOrEqual(11);
});
