/**
 * HarfBuzz's runs against the font's own tables, read independently by fontkit: every glyph id, every hmtx width and
 * every advance with kerning (GPOS/kern as applied) for every word of the bundled examples, in every face, with the
 * figure features the templates use; and whole lines, so kerning across spaces is measured in the same call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, test } from 'vitest';
import { createShaper, type ShapedRun } from '../../src/fonts/shaper.ts';
import { prefixUnits } from '../../src/fonts/prefixUnits.ts';

const root = join(import.meta.dirname, '..', '..');
const fontsDir = join(root, 'fonts');

/** Every YAML file of every bundled content folder and template (the words a build can set). */
function yamlTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'content'));
  walk(join(root, 'templates'));
  return out;
}

const texts = yamlTexts();
const words = [...new Set(texts.join(' ').split(/[\s\u00ad]+/u).filter(Boolean))];
const lines = [...new Set(texts.join('\n').split('\n').map((l) => l.trim()).filter((l) => l.includes(' ') && l.length < 200))];
const FEATURE_SETS = [['kern', 'liga'], ['kern', 'liga', 'pnum'], ['kern', 'liga', 'tnum']];

/** fontkit's run of the same text: glyph ids, hmtx widths and positioned advances. */
function tables(face: Font, text: string, features: string[]) {
  const r = face.layout(text, features);
  return { ids: r.glyphs.map((g) => g.id), widths: r.glyphs.map((g) => g.advanceWidth), advances: r.positions.map((p) => p.xAdvance) };
}
const ours = (run: ShapedRun) => ({ ids: [...run.ids], widths: [...run.widths], advances: [...run.advances] });

describe('HarfBuzz shaping agrees with the font tables', () => {
  test('the corpus is the bundled report', () => {
    expect(words.length).toBeGreaterThan(2000);
    expect(lines.length).toBeGreaterThan(300);
  });

  for (const file of readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'))) {
    test(`${file}: every word and every line, with each feature set`, () => {
      const bytes = readFileSync(join(fontsDir, file));
      const face = fontkit.create(bytes) as Font;
      const shaper = createShaper(bytes);
      expect(shaper.unitsPerEm).toBe(face.unitsPerEm);
      for (const features of FEATURE_SETS) {
        // whole lines once (kerning across spaces); every word with every feature set
        for (const t of features.length === 3 && features[2] === 'pnum' ? [...words, ...lines] : words) {
          const run = shaper.shape(t, features);
          expect(ours(run), `${file} ${features} ${JSON.stringify(t)}`).toEqual(tables(face, t, features));
          expect(run.advance).toBe(run.advances.reduce((a, b) => a + b, 0));
        }
      }
    });
  }

  test('kerning across a space is part of a line\'s width ("AV AV" is not the sum of its words)', () => {
    const shaper = createShaper(readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf')));
    const whole = shaper.shape('Tot V. Wij').advance;
    const parts = ['Tot', ' ', 'V.', ' ', 'Wij'].reduce((n, t) => n + shaper.shape(t).advance, 0);
    expect(whole).toBeLessThan(parts);
  });

  test('prefix advances follow clusters: a ligature is shared evenly, the end is the run\'s advance', () => {
    const shaper = createShaper(readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf')));
    const run = shaper.shape('officieel');
    expect(run.ids.length).toBeLessThan('officieel'.length); // the ffi ligature
    const p = prefixUnits('officieel', run);
    expect(p[9]! * run.unitsPerEm).toBeCloseTo(run.advance, 6);
    expect(p[2]! - p[1]!).toBeCloseTo(p[3]! - p[2]!, 9);
  });
});

describe('the breaking path of the shaper (no glyph run kept)', () => {
  for (const file of ['SourceSerif4_400Regular.ttf', 'SourceSans3_400Regular_Italic.ttf', 'NotoSans_400Regular.ttf'].filter((f) => readdirSync(fontsDir).includes(f))) {
    test(`${file}: prefix() gives the glyph run's prefix advances and fontkit's width for every word`, () => {
      const bytes = readFileSync(join(fontsDir, file));
      const face = fontkit.create(bytes) as Font;
      const shaper = createShaper(bytes);
      for (const t of words) {
        const p = shaper.prefix(t, ['kern', 'liga']);
        const run = shaper.shape(t, ['kern', 'liga']);
        expect([...p.units], t).toEqual([...prefixUnits(t, run)]);
        expect(p.advance, t).toBe(face.layout(t, ['kern', 'liga']).advanceWidth);
      }
    });
  }

  test('covers() is the character map fontkit reads from the cmap table', () => {
    for (const file of readdirSync(fontsDir).filter((f) => f.endsWith('.ttf'))) {
      const bytes = readFileSync(join(fontsDir, file));
      const cmap = new Set((fontkit.create(bytes) as Font).characterSet);
      // fontkit lists U+FFFF, the end marker every format 4 cmap must have (a noncharacter, mapped to no glyph)
      cmap.delete(0xffff);
      const shaper = createShaper(bytes);
      const wrong: number[] = [];
      for (let cp = 0; cp < 0x3000; cp++) if (shaper.covers(cp) !== cmap.has(cp)) wrong.push(cp);
      for (const cp of [...cmap].filter((c) => c >= 0x3000)) if (!shaper.covers(cp)) wrong.push(cp);
      if (shaper.covers(0x10ffff) !== cmap.has(0x10ffff)) wrong.push(0x10ffff);
      expect(wrong, file).toEqual([]);
    }
  });
});
