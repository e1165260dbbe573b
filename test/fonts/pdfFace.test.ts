import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createPdfFace } from '../../src/fonts/pdfFace.ts';
import { FONTS_DIR } from '../../src/paths.ts';

const load = (file: string) => fontkit.create(readFileSync(`${FONTS_DIR}/${file}`)) as Font;
const serif = load('SourceSerif4_400Regular.ttf');

/** What pdfkit reads of a run: glyph ids and every position field. */
const shape = (f: Font, text: string, features?: string[]) => {
  const r = f.layout(text, features);
  return { ids: r.glyphs.map((g) => g.id), positions: r.positions.map((p) => ({ ...p })) };
};

// Kerning pairs, ligatures, a trailing space, quotes and dashes, figures with and without tabular features.
const TEXTS = ['AVANT ', 'Toeval ', 'officieel ', 'afficheren', '“Wij ', 'T.o.v. ', '’s-Hertogenbosch ', '13.670 ', '2019–2020', 'Ä ', ' '];

describe('pdfFace prefetch', () => {
  it('gives every text exactly the run a call of its own gives, with and without features', () => {
    for (const features of [undefined, ['tnum']]) {
      const face = createPdfFace(serif);
      face.prefetch(TEXTS, features);
      for (const t of TEXTS) expect(shape(face, t, features), `${t} ${features}`).toEqual(shape(serif, t, features));
    }
  });

  it('leaves texts with a line feed to pdfkit, and reuses prefetched runs without shaping again', () => {
    const face = createPdfFace(serif);
    let calls = 0;
    const counting = new Proxy(serif, {
      get: (t, p) => (p === 'layout' ? (...a: Parameters<Font['layout']>) => (calls++, t.layout(...a)) : Reflect.get(t, p, t)),
    });
    const counted = createPdfFace(counting);
    counted.prefetch(['Asiel ', 'Nareis ', 'met\nregel']);
    expect(calls).toBe(1); // one batch
    counted.layout('Asiel ');
    counted.layout('Nareis ');
    expect(calls).toBe(1);
    counted.layout('met\nregel');
    expect(calls).toBe(2);
    expect(shape(face, 'met\nregel')).toEqual(shape(serif, 'met\nregel'));
  });
});
