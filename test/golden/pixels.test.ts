/**
 * Pixel goldens, one behaviour per case (test/helpers/pixelGolden.ts): every pinned page equals its reference in
 * every pixel (each channel within ±1), and the manifest pins each case's input and reference files. Regenerate
 * only with `npm run golden:update`, in a commit of its own.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES_DIR, caseNames, caseSpec, decodeRgba, inputHash, pngName, pixelDiff, readManifest, renderCase, sha256, sideBySide } from '../helpers/pixelGolden.ts';

const manifest = readManifest();
const UPDATE = 'npm run golden:update';

describe('pixel goldens', () => {
  it('has a manifest entry for exactly the case folders, each named after what it guards', () => {
    expect(Object.keys(manifest).sort()).toEqual(caseNames());
    expect(caseNames().length).toBeGreaterThanOrEqual(6);
    for (const name of caseNames()) expect(manifest[name]!.guards).toBe(caseSpec(name).guards);
  });

  for (const name of caseNames()) {
    it(name, async () => {
      const entry = manifest[name];
      expect(entry, `no manifest entry: run ${UPDATE}`).toBeDefined();
      expect(inputHash(name), `the case's input changed since its references were made: run ${UPDATE}`).toBe(entry!.inputHash);
      expect(Object.keys(entry!.pages)).toEqual(caseSpec(name).pages.map(pngName));
      const diffDir = join(CASES_DIR, name, '__diff__');
      rmSync(diffDir, { recursive: true, force: true });
      const problems: string[] = [];
      for (const { page, render } of await renderCase(name)) {
        const file = join(CASES_DIR, name, 'expected', pngName(page));
        const bytes = readFileSync(file);
        expect(sha256(bytes), `${pngName(page)} is not the reference the manifest pins`).toBe(entry!.pages[pngName(page)]);
        const ref = decodeRgba(bytes);
        const d = pixelDiff(render, ref);
        if (d.differing === 0) continue;
        mkdirSync(diffDir, { recursive: true });
        writeFileSync(join(diffDir, pngName(page)), sideBySide([ref, render, d.map]));
        problems.push(`page ${page}: ${d.differing === Infinity ? 'page size differs' : `${d.differing} px differ by more than ±1`} (old | new | diff in ${name}/__diff__/${pngName(page)})`);
      }
      expect(problems).toEqual([]);
    });
  }
});
