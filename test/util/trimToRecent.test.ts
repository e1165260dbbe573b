/**
 * util/buildContext.ts trimToRecent, which bounds a kept session's flowed sections (build context `sectionFlows`)
 * to a few versions per section. Oracles: the keys left, worked out by hand for a small map; and a session edited
 * many times, whose cache stays within three versions per section while every rebuild (including one returning to
 * a version that was dropped) has the bytes of a build without caches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildReport } from '../../src/index.ts';
import type { SectionFlow } from '../../src/flow/sectionCache.ts';
import { createBuildContext, trimToRecent } from '../../src/util/buildContext.ts';
import { scratchReport } from '../helpers/scratchReport.ts';

test('drops the oldest unused keys down to versions × used, never a used one', () => {
  const m = new Map(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, k]));
  // used: b (oldest of all) and g; cap 2 × 2 = 4: a, c, d go (oldest unused first), b stays though older
  trimToRecent(m, new Set(['b', 'g']), 2);
  expect([...m.keys()]).toEqual(['b', 'e', 'f', 'g']);
  trimToRecent(m, new Set(['b', 'g']), 2);
  expect([...m.keys()]).toEqual(['b', 'e', 'f', 'g']);
  // nothing used: nothing known, nothing dropped
  trimToRecent(m, new Set(), 1);
  expect(m.size).toBe(4);
  // more used than the cap allows unused: only unused ones go
  trimToRecent(m, new Set(['b', 'e', 'f']), 1);
  expect([...m.keys()]).toEqual(['b', 'e', 'f']);
});

test('a session edited many times keeps at most three versions per section, and its PDFs stay those of fresh builds', async () => {
  const dir = scratchReport('rp-trim-flows-');
  const article = join(dir, 'sections', '01-artikel.yaml');
  const original = readFileSync(article, 'utf8');
  const session = createBuildContext();
  await buildReport({ contentDir: dir }, session);
  const flows = session.cache<SectionFlow>('sectionFlows');
  const sections = flows.size;
  expect(sections).toBeGreaterThan(0);
  const version = (i: number) => original.replace('zorgvuldige planning', `zorgvuldige planning ${i}`);
  for (let i = 0; i < 12; i++) {
    writeFileSync(article, version(i));
    await buildReport({ contentDir: dir }, session);
    expect(flows.size).toBeLessThanOrEqual(3 * sections);
  }
  // back to the first edit, long dropped (made again), and to the last but one (still kept): as fresh builds
  for (const i of [0, 10]) {
    writeFileSync(article, version(i));
    const rebuilt = await buildReport({ contentDir: dir }, session);
    const fresh = await buildReport({ contentDir: dir });
    expect(Buffer.from(rebuilt.pdf).equals(Buffer.from(fresh.pdf)), `version ${i}`).toBe(true);
  }
}, 120_000);
