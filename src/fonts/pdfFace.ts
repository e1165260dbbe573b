import type { Font, Glyph, GlyphPosition } from 'fontkit';
import { BATCH, codeUnits, SEPARATOR, shapeTogether } from './batchShaping.ts';

/** The parts of a fontkit GlyphRun that pdfkit reads. */
interface RunCopy {
  readonly glyphs: Glyph[];
  readonly positions: GlyphPosition[];
  readonly advanceWidth: number;
}

interface Run {
  readonly glyphs: Glyph[];
  readonly positions: GlyphPosition[];
}

/** A fontkit face as handed to pdfkit, with a shaping cache that can be filled ahead of drawing. */
export type PdfFace = Font & {
  /**
   * Shapes texts pdfkit will ask for (same `features` as it will pass) in batches: fontkit's cost is mostly per
   * call, so one call per ~50 texts instead of one per text. Each text's run is exactly what a call of its own
   * gives (the batch separator, a line feed, takes part in no kerning or ligature; a text with a line feed, or
   * whose slice does not line up, is left to pdfkit's own call).
   */
  prefetch(texts: Iterable<string>, features?: readonly string[]): void;
  /** The runs shaped so far, as plain data (fonts/shapingCache.ts keeps them between builds). */
  exportRuns(): Record<string, StoredRun>;
  /** Runs of an earlier build; each becomes a run (with fontkit glyphs) when pdfkit first asks for it. */
  importRuns(runs: Record<string, StoredRun>): void;
  /** Number of runs shaped or imported. */
  readonly runCount: number;
};

/** A run as stored: glyph ids, each glyph's code points, and [xAdvance, yAdvance, xOffset, yOffset] per glyph. */
export type StoredRun = readonly [readonly number[], readonly (readonly number[])[], readonly (readonly number[])[]];

/**
 * Wraps a fontkit face for pdfkit with a shaping cache that outlives one document. pdfkit shapes every word
 * of every run again for each PDF it writes (its cache is per document) and fontkit rebuilds its feature
 * table on each call, so a rebuild spent most of the pdf stage re-shaping words it had shaped before.
 * pdfkit scales the returned positions in place, so each call gets fresh position objects.
 */
export function createPdfFace(face: Font): PdfFace {
  const cache = new Map<string, Run>();
  const stored = new Map<string, StoredRun>();
  /** A stored run with fontkit's glyph objects, made when first used so glyphs are created in drawing order. */
  const fromStored = (s: StoredRun): Run => ({
    glyphs: s[0].map((id, i) => face.getGlyph(id, [...s[1][i]!])),
    positions: s[2].map(([xAdvance, yAdvance, xOffset, yOffset]) => ({ xAdvance, yAdvance, xOffset, yOffset }) as GlyphPosition),
  });
  const keyOf = (text: string, features: unknown) => (features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`);
  const layout = (text: string, features?: unknown, ...rest: unknown[]): RunCopy => {
    if (rest.length > 0) return face.layout(text, features as string[], ...(rest as [])) as unknown as RunCopy;
    const key = keyOf(text, features);
    let run = cache.get(key);
    if (!run) {
      const s = stored.get(key);
      if (s) {
        stored.delete(key);
        run = fromStored(s);
      } else {
        const r = face.layout(text, features as string[]);
        run = { glyphs: r.glyphs, positions: r.positions.map((p) => ({ ...p })) };
      }
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
  const prefetch = (texts: Iterable<string>, features?: readonly string[]): void => {
    const todo = [...new Set(texts)].filter((t) => t && !t.includes(SEPARATOR) && !cache.has(keyOf(t, features)) && !stored.has(keyOf(t, features)));
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      shapeTogether(face, batch, features).forEach((piece, j) => {
        if (piece && codeUnits(piece.glyphs) === batch[j]!.length) {
          cache.set(keyOf(batch[j]!, features), { glyphs: piece.glyphs, positions: piece.positions.map((p) => ({ ...p })) });
        }
      });
    }
  };
  const exportRuns = (): Record<string, StoredRun> => {
    const out: Record<string, StoredRun> = Object.fromEntries(stored);
    for (const [k, r] of cache) {
      out[k] = [r.glyphs.map((g) => g.id), r.glyphs.map((g) => g.codePoints), r.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])];
    }
    return out;
  };
  const importRuns = (runs: Record<string, StoredRun>): void => {
    for (const [k, r] of Object.entries(runs)) if (!cache.has(k)) stored.set(k, r);
  };
  const own: Record<PropertyKey, unknown> = { layout, prefetch, exportRuns, importRuns };
  return new Proxy(face, {
    get(target, prop) {
      if (Object.hasOwn(own, prop)) return own[prop];
      if (prop === 'runCount') return cache.size + stored.size;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as PdfFace;
}
