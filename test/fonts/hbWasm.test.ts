/**
 * The shaper reads HarfBuzz's memory through its own instance of harfbuzz.wasm (fonts/hbWasm.ts). Oracle: the same
 * texts shaped through harfbuzzjs's public API (its Buffer's glyph infos and positions, its Font's hmtx advance,
 * its Face's character map), for every word and line of the bundled examples in two faces, with every feature set
 * the templates use; and the font's hmtx table read by fontkit for the widths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import * as hb from 'harfbuzzjs';
import { describe, expect, test } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { harfBuzz } from '../../src/fonts/hbWasm.ts';
import { createShaper } from '../../src/fonts/shaper.ts';

const root = join(import.meta.dirname, '..', '..');
const fontsDir = join(root, 'fonts');
const yaml = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yaml(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : []));
const texts = yaml(join(root, 'content'));
const words = [...new Set(texts.join(' ').split(/[\s\u00ad]+/u).filter(Boolean))];
const lines = [...new Set(texts.join('\n').split('\n').map((l) => l.trim()).filter((l) => l.includes(' ') && l.length < 200))];

/** harfbuzzjs's own shaping of `text`: what createShaper used to return through the Buffer API. */
function viaApi(font: hb.Font, text: string, features: string[]) {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer, features.map((f) => hb.Feature.fromString(f)!).filter(Boolean));
  const infos = buffer.getGlyphInfos();
  const pos = buffer.getGlyphPositions();
  return {
    ids: infos.map((i) => i.codepoint),
    clusters: infos.map((i) => i.cluster),
    advances: pos.map((p) => p.xAdvance),
    offsets: pos.flatMap((p) => [p.xOffset, p.yOffset]),
    widths: infos.map((i) => font.glyphHAdvance(i.codepoint)),
  };
}

describe('shaping through HarfBuzz memory equals harfbuzzjs\'s API', () => {
  for (const file of ['SourceSerif4_400Regular.ttf', 'SourceSans3_700Bold.ttf']) {
    test(`${file}: every word and line, every feature set`, () => {
      const bytes = readFileSync(join(fontsDir, file));
      const font = new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
      const hmtx = fontkit.create(bytes) as Font;
      const shaper = createShaper(bytes);
      for (const features of [['kern', 'liga'], ['kern', 'liga', 'tnum'], ['kern', 'liga', 'pnum'], []]) {
        for (const t of [...words, ...lines]) {
          const run = shaper.shape(t, features);
          const api = viaApi(font, t, features);
          const ours = { ids: [...run.ids], clusters: [...run.clusters], advances: [...run.advances], offsets: run.offsets ? [...run.offsets] : api.offsets.map(() => 0), widths: [...run.widths] };
          expect(ours, `${features} ${JSON.stringify(t)}`).toEqual(api);
          expect(run.widths.every((w, i) => w === hmtx.getGlyph(run.ids[i]!).advanceWidth)).toBe(true);
        }
      }
    });
  }

  test('a text longer than any before grows the text buffer; many faces share one instance', () => {
    const a = createShaper(readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf')));
    const b = createShaper(readFileSync(join(fontsDir, 'NotoSans_400Regular.ttf')));
    const font = new hb.Font(new hb.Face(new hb.Blob(readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf'))), 0));
    const long = lines.join(' ').slice(0, 20000);
    expect([...a.shape(long).advances]).toEqual(viaApi(font, long, []).advances);
    expect(b.shape('Tot V. Wij').ids.length).toBe(10);
    expect(a.shape('Tot V. Wij').advance).toBe(viaApi(font, 'Tot V. Wij', []).advances.reduce((x, y) => x + y, 0));
  });

  test('an unknown feature name is left out, as harfbuzzjs leaves it out', () => {
    const bytes = readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf'));
    const shaper = createShaper(bytes);
    expect([...shaper.shape('officieel 1234', ['kern', '', 'liga']).ids]).toEqual([...shaper.shape('officieel 1234', ['kern', 'liga']).ids]);
  });
});

describe('a dropped shaper gives its HarfBuzz memory back', () => {
  test('shapers made and dropped again and again do not grow HarfBuzz\'s memory', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const bytes = readFileSync(join(fontsDir, 'SourceSerif4_400Regular.ttf'));
    const round = async () => {
      for (let i = 0; i < 8; i++) createShaper(bytes).shape(lines[i]!, ['kern', 'liga', 'tnum']);
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await round();
    await round();
    const settled = harfBuzz().memory.buffer.byteLength;
    for (let k = 0; k < 4; k++) await round();
    // without the frees, every round would add eight copies of the font file (8 × 400 KB)
    expect(harfBuzz().memory.buffer.byteLength).toBeLessThan(settled + 4 * bytes.byteLength);
  });
});
