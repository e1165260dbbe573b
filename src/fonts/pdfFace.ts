import type { Font, Glyph, GlyphPosition } from 'fontkit';

/** The parts of a fontkit GlyphRun that pdfkit reads. */
interface RunCopy {
  readonly glyphs: Glyph[];
  readonly positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/**
 * Wraps a fontkit face for pdfkit with a shaping cache that outlives one document. pdfkit shapes every word
 * of every run again for each PDF it writes (its cache is per document) and fontkit rebuilds its feature
 * table on each call, so a rebuild spent most of the pdf stage re-shaping words it had shaped before.
 * pdfkit scales the returned positions in place, so each call gets fresh position objects.
 */
export function createPdfFace(face: Font): Font {
  const cache = new Map<string, { glyphs: Glyph[]; positions: GlyphPosition[] }>();
  const layout = (text: string, features?: unknown, ...rest: unknown[]): RunCopy => {
    if (rest.length > 0) return face.layout(text, features as string[], ...(rest as [])) as unknown as RunCopy;
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      const r = face.layout(text, features as string[]);
      run = { glyphs: r.glyphs, positions: r.positions.map((p) => ({ ...p })) };
      cache.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs.slice(),
      positions,
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  return new Proxy(face, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
