/**
 * Shaping agrees with the font tables for every word and every line both bundled examples actually set, in the face
 * and with the features each was set in (after fallback, figure styles, curled quotes, formatted figures, hyphens
 * added at line ends): HarfBuzz's glyph ids and kerned advances against fontkit's layout of the same text (an
 * independent shaper), and its /W widths against the font's own hmtx table read by test/helpers/fontTables.ts.
 * (shaper.test.ts covers the words of the YAML sources; this covers the words as typeset.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { createShaper, type Shaper } from '../../src/fonts/shaper.ts';
import { buildReport } from '../../src/index.ts';
import { FONTS_DIR, PACKAGE_ROOT } from '../../src/paths.ts';
import { readFontTables, type FontTables } from '../helpers/fontTables.ts';

interface Face {
  readonly shaper: Shaper;
  readonly fontkit: Font;
  readonly tables: FontTables;
}

/** Distinct (font key, features, text) of every glyph item: its words and the whole drawn run. */
interface SetText {
  readonly font: string;
  readonly features: readonly string[];
  readonly text: string;
}

describe.each(['jaarverslag-2020', 'annual-report-2020-en'])('shaping of the bundled report %s as set', (name) => {
  const words = new Map<string, SetText>();
  const lines = new Map<string, SetText>();
  const faces = new Map<string, Face>();
  beforeAll(async () => {
    const build = await buildReport({ contentDir: resolve(PACKAGE_ROOT, 'content', name) });
    for (const [key, name] of Object.entries(build.document.fonts)) {
      const file = resolve(FONTS_DIR, name);
      const bytes = readFileSync(file);
      faces.set(key, { shaper: createShaper(bytes), fontkit: fontkit.create(bytes) as Font, tables: readFontTables(file) });
    }
    for (const page of build.document.pages) {
      for (const g of page.items) {
        if (g.kind !== 'glyphs' || !g.text.trim()) continue;
        const add = (into: Map<string, SetText>, text: string) => into.set(JSON.stringify([g.font, g.features, text]), { font: g.font, features: g.features, text });
        if (/\s/u.test(g.text)) add(lines, g.text);
        for (const w of g.text.split(/\s+/u)) if (w) add(words, w);
      }
    }
  }, 60_000);

  const check = (set: Map<string, SetText>) => {
    for (const { font, features, text } of set.values()) {
      const face = faces.get(font)!;
      const run = face.shaper.shape(text, features);
      const theirs = face.fontkit.layout(text, [...features]);
      const at = `${font} ${features.join(',')} ${JSON.stringify(text)}`;
      expect([...run.ids], at).toEqual(theirs.glyphs.map((g) => g.id));
      expect([...run.advances], at).toEqual(theirs.positions.map((p) => p.xAdvance));
      expect([...run.widths], at).toEqual([...run.ids].map((id) => face.tables.advance(id)));
      expect(run.advance, at).toBe(run.advances.reduce((a, b) => a + b, 0));
    }
  };

  test('every word: glyph ids and kerned advances as fontkit shapes them, widths from hmtx', () => {
    expect(words.size).toBeGreaterThan(name === 'jaarverslag-2020' ? 2500 : 500);
    check(words);
  });

  test('every drawn run with spaces: kerning across its spaces as fontkit shapes the whole run', () => {
    expect(lines.size).toBeGreaterThan(name === 'jaarverslag-2020' ? 800 : 150);
    check(lines);
  });
});
