import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { Pt } from '../util/geometry.ts';

/** Vertical metrics of a face, per 1 pt of font size. */
export interface FaceMetrics {
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

/**
 * The report's fonts, loaded once from the repo's fonts/ folder by template key.
 * Layout measures through this (never through pdfkit) so line breaking, vega labels and the PDF agree.
 */
export interface FontStore {
  /** Font key → absolute file path (pdf/ embeds the same files). */
  readonly files: Readonly<Record<string, string>>;
  has(key: string): boolean;
  /** The fontkit face; throws for an unknown key. */
  face(key: string): Font;
  /** Advance width of `text` set in `key` at `sizePt`, shaped with kerning/ligatures as pdf/ draws it. */
  measure(text: string, key: string, sizePt: Pt, features?: readonly string[]): Pt;
  metrics(key: string): FaceMetrics;
}

/** Default OpenType features for prose: kerning and standard ligatures, proportional figures. */
export const DEFAULT_FEATURES: readonly string[] = ['kern', 'liga'];

/** Loads every face of the template; file names are resolved inside fontsDir only. */
export function createFontStore(fontsDir: string, fonts: Readonly<Record<string, string>>): FontStore {
  const faces = new Map<string, Font>();
  const files: Record<string, string> = {};
  // Widths per (face, features, text) at 1000 units, so one cache serves every size.
  const cache = new Map<string, number>();
  for (const [key, file] of Object.entries(fonts)) {
    const path = join(fontsDir, file);
    files[key] = path;
    faces.set(key, fontkit.create(readFileSync(path)) as Font);
  }
  const face = (key: string): Font => {
    const f = faces.get(key);
    if (!f) throw new Error(`unknown font key "${key}"`);
    return f;
  };
  return {
    files,
    has: (key) => faces.has(key),
    face,
    measure(text, key, sizePt, features = DEFAULT_FEATURES) {
      const ck = `${key}\u0000${features.join(',')}\u0000${text}`;
      let units = cache.get(ck);
      if (units === undefined) {
        const f = face(key);
        const run = f.layout(text, features as string[]);
        let adv = 0;
        for (const p of run.positions) adv += p.xAdvance;
        units = (adv * 1000) / f.unitsPerEm;
        cache.set(ck, units);
      }
      return (units * sizePt) / 1000;
    },
    metrics(key) {
      const f = face(key);
      const u = f.unitsPerEm;
      return { ascender: f.ascent / u, descender: f.descent / u, capHeight: f.capHeight / u, xHeight: f.xHeight / u };
    },
  };
}
