import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfFace } from '../../src/fonts/pdfFace.ts';
import { persistRuns, persistShapes, restoreRuns, restoreShapes } from '../../src/fonts/shapingCache.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

const SERIF = join(FONTS_DIR, 'SourceSerif4_400Regular.ttf');
const files = { serif: SERIF };
const scratch = () => mkdtempSync(join(tmpdir(), 'rp-shapes-'));

describe('shaping cache between builds', () => {
  it('restores measured words exactly, under the store’s own font key', () => {
    const dir = scratch();
    try {
      const words = new Map([
        ['serif\u0000kern,liga\u0000Toeval', Float64Array.from([0, 556.5, 1050.25, 1500, 1900.125, 2300, 2600])],
        ['serif\u0000kern,liga,tnum\u000012.310', Float64Array.from([0, 500, 1000, 1250, 1750, 2250, 2750])],
      ]);
      persistShapes(dir, files, words);
      const back = new Map<string, Float64Array>();
      restoreShapes(dir, { body: SERIF }, back);
      expect([...back.keys()]).toEqual(['body\u0000kern,liga\u0000Toeval', 'body\u0000kern,liga,tnum\u000012.310']);
      expect([...back.values()].map((u) => [...u])).toEqual([...words.values()].map((u) => [...u]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ignores a damaged file and entries whose length does not fit their text', () => {
    const dir = scratch();
    try {
      persistShapes(dir, files, new Map([['serif\u0000kern\u0000ab', Float64Array.from([0, 1, 2])]]));
      const [file] = readdirSync(join(dir, 'shaping'));
      writeFileSync(join(dir, 'shaping', file!), JSON.stringify({ 'kern\u0000abc': [0, 1], 'kern\u0000ok': [0, 1, 2] }));
      const back = new Map<string, Float64Array>();
      restoreShapes(dir, files, back);
      expect([...back.keys()]).toEqual(['serif\u0000kern\u0000ok']);
      writeFileSync(join(dir, 'shaping', file!), '{"kern');
      const none = new Map<string, Float64Array>();
      restoreShapes(dir, files, none);
      expect(none.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives pdfkit the same runs from the file as from fontkit, glyphs and positions', () => {
    const dir = scratch();
    try {
      const font = () => fontkit.create(readFileSync(SERIF)) as Font;
      const texts = ['AVANT ', 'officieel ', '’s-Hertogenbosch ', '13.670'];
      const first = createPdfFace(font());
      for (const t of texts) first.layout(t);
      first.layout('2019', ['tnum']);
      persistRuns(dir, SERIF, first.exportRuns());
      const fresh = font();
      const second = createPdfFace(fresh);
      second.importRuns(restoreRuns(dir, SERIF)!);
      let shaped = 0;
      const spy = fresh.layout.bind(fresh);
      (fresh as { layout: unknown }).layout = (...a: Parameters<Font['layout']>) => (shaped++, spy(...a));
      const view = (f: Font, t: string, feat?: string[]) => {
        const r = f.layout(t, feat);
        return { ids: r.glyphs.map((g) => g.id), cps: r.glyphs.map((g) => g.codePoints), pos: r.positions.map((p) => ({ ...p })) };
      };
      for (const t of texts) expect(view(second, t)).toEqual(view(first, t));
      expect(view(second, '2019', ['tnum'])).toEqual(view(first, '2019', ['tnum']));
      expect(shaped).toBe(0); // nothing was shaped again
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
