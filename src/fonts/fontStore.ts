import { readFileSync, statSync } from 'node:fs';
import { ReportError } from '../diag/errors.ts';
import { missingFontFile } from '../diag/messages.ts';
import { createPdfFace, type PdfFace } from './pdfFace.ts';
import { BATCH, SEPARATOR, shapeTogether } from './batchShaping.ts';
import { effectiveFeatures } from './features.ts';
import { persistRuns, persistShapes, restoreRuns, restoreShapes } from './shapingCache.ts';
import { dirname, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font, Glyph, GlyphPosition } from 'fontkit';
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
  /** The face as handed to pdfkit: same tables, plus a shaping cache shared by every PDF this process writes. */
  pdfFace?(key: string): PdfFace;
  /** Advance width of `text` set in `key` at `sizePt`, shaped with kerning/ligatures as pdf/ draws it. */
  measure(text: string, key: string, sizePt: Pt, features?: readonly string[]): Pt;
  metrics(key: string): FaceMetrics;
  /**
   * Width of text.slice(0, i) for every code-unit boundary i (0..length), from one shaping of the whole text, so the
   * pieces of a word between break points keep the word's kerning and ligatures (a ligature's advance is split evenly).
   * Optional so that test fakes need only `measure`; text/ then measures each prefix.
   */
  prefixWidths?(text: string, key: string, sizePt: Pt, features?: readonly string[]): readonly Pt[];
  /** Shapes the words of a text at once ahead of measuring them (fontkit's cost is mostly per call); cached. */
  prefetch?(text: string, key: string, features?: readonly string[]): void;
  /** Loads the word shapes an earlier build kept in `cacheDir` (shapingCache.ts); once per folder. */
  restoreShapes?(cacheDir: string): void;
  /** Keeps this store's word shapes in `cacheDir` for the next build, when it shaped anything new. */
  persistShapes?(cacheDir: string): void;
}

/** Default OpenType features: kerning and standard ligatures (figure styles come from the template). */
export const DEFAULT_FEATURES: readonly string[] = ['kern', 'liga'];

/**
 * Stores already made in this process, keyed by folder, faces and file stamps: a rebuild (bench, watch, tests)
 * keeps parsed font tables and every measured width; a changed font file gets a fresh store.
 */
const stores = new Map<string, FontStore>();

/** Loads every face of the template (or reuses this process's store for the same files); fontsDir only. */
export function createFontStore(fontsDir: string, fonts: Readonly<Record<string, string>>): FontStore {
  const files: Record<string, string> = {};
  const stamps: string[] = [];
  for (const [key, file] of Object.entries(fonts)) {
    const path = resolve(fontsDir, file);
    if (dirname(path) !== resolve(fontsDir)) throw new ReportError(missingFontFile(key, file, fontsDir));
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) throw new ReportError(missingFontFile(key, file, fontsDir));
    files[key] = path;
    stamps.push(`${key}=${path}:${st.size}:${st.mtimeMs}`);
  }
  const id = stamps.join('|');
  let store = stores.get(id);
  if (!store) {
    store = loadFontStore(files);
    stores.set(id, store);
  }
  return store;
}

function loadFontStore(files: Readonly<Record<string, string>>): FontStore {
  const faces = new Map<string, Font>();
  for (const [key, path] of Object.entries(files)) faces.set(key, fontkit.create(readFileSync(path)) as Font);
  const pdfFaces = new Map<string, PdfFace>();
  const face = (key: string): Font => {
    const f = faces.get(key);
    if (!f) throw new Error(`unknown font key "${key}"`);
    return f;
  };
  // Prefix advances per (face, features, text) at 1000 units, so one cache serves every size and both measure calls.
  const prefixCache = new Map<string, Float64Array>();
  const cacheKey = (text: string, key: string, features: readonly string[]) => `${key}\u0000${features.join(',')}\u0000${text}`;
  const prefixUnits = (text: string, key: string, features: readonly string[]): Float64Array => {
    const ck = cacheKey(text, key, features);
    let units = prefixCache.get(ck);
    if (!units) {
      units = shapePrefix(face(key), text, features);
      prefixCache.set(ck, units);
    }
    return units;
  };
  const seenTexts = new Set<string>();
  const prefetch = (text: string, key: string, features: readonly string[] = DEFAULT_FEATURES): void => {
    // A rebuild sees the same paragraphs again: skip texts whose words are all shaped already.
    const seen = cacheKey(text, key, features);
    if (seenTexts.has(seen)) return;
    seenTexts.add(seen);
    const words = text.split(/[\s\u00ad]+/u);
    const todo = [...new Set(words)].filter((w) => w && !w.includes(SEPARATOR) && !prefixCache.has(cacheKey(w, key, features)));
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      shapeBatch(face(key), batch, features).forEach((units, j) => {
        if (units) prefixCache.set(cacheKey(batch[j], key, features), units);
      });
    }
  };
  const pdfFace = (key: string): PdfFace => {
    let f = pdfFaces.get(key);
    if (!f) {
      f = createPdfFace(face(key));
      pdfFaces.set(key, f);
    }
    return f;
  };
  /** Everything shaped: measured words and pdfkit runs (to know whether there is anything new to keep). */
  const shapeCount = () => prefixCache.size + [...pdfFaces.values()].reduce((n, f) => n + f.runCount, 0);
  const restored = new Set<string>();
  let persistedSize = -1;
  return {
    files,
    prefetch,
    restoreShapes(dir) {
      if (restored.has(dir)) return;
      restored.add(dir);
      restoreShapes(dir, files, prefixCache);
      for (const [key, path] of Object.entries(files)) {
        const runs = restoreRuns(dir, path);
        if (runs) pdfFace(key).importRuns(runs);
      }
      persistedSize = shapeCount();
    },
    persistShapes(dir) {
      if (shapeCount() === persistedSize) return;
      persistShapes(dir, files, prefixCache);
      for (const [key, f] of pdfFaces) persistRuns(dir, files[key]!, f.exportRuns());
      persistedSize = shapeCount();
    },
    pdfFace,
    prefixWidths(text, key, sizePt, features = DEFAULT_FEATURES) {
      const units = prefixUnits(text, key, features);
      const out = new Array<Pt>(units.length);
      for (let i = 0; i < units.length; i++) out[i] = (units[i] * sizePt) / 1000;
      return out;
    },
    has: (key) => faces.has(key),
    face,
    measure(text, key, sizePt, features = DEFAULT_FEATURES) {
      const units = prefixUnits(text, key, features);
      return (units[text.length] * sizePt) / 1000;
    },
    metrics(key) {
      const f = face(key);
      const u = f.unitsPerEm;
      return { ascender: f.ascent / u, descender: f.descent / u, capHeight: f.capHeight / u, xHeight: f.xHeight / u };
    },
  };
}

/**
 * Prefix advances of each word, shaped in one fontkit call; a word whose glyphs do not line up with its text
 * (should not happen with a separator nothing kerns against) gets undefined and is shaped on its own later.
 */
function shapeBatch(f: Font, words: readonly string[], features: readonly string[]): (Float64Array | undefined)[] {
  const pieces = shapeTogether(f, words, effectiveFeatures(words.join(SEPARATOR), features));
  return pieces.map((p, i) => p && prefixFromGlyphs(f, words[i]!, p.glyphs, p.positions, true));
}

/** Cumulative advance (1000 units/em) at each code-unit boundary of `text`, shaped once with `features`. */
function shapePrefix(f: Font, text: string, features: readonly string[]): Float64Array {
  const run = f.layout(text, effectiveFeatures(text, features));
  return prefixFromGlyphs(f, text, run.glyphs, run.positions) ?? new Float64Array(text.length + 1);
}

/** Cumulative advance (1000 units/em) at each code-unit boundary, from a word's shaped glyphs. */
function prefixFromGlyphs(f: Font, text: string, glyphs: readonly Glyph[], positions: readonly GlyphPosition[], strict = false): Float64Array | undefined {
  const run = { glyphs, positions };
  const out = new Float64Array(text.length + 1);
  const scale = 1000 / f.unitsPerEm;
  let i = 0;
  let x = 0;
  run.glyphs.forEach((g, k) => {
    const adv = run.positions[k].xAdvance * scale;
    const units = g.codePoints.reduce((n, cp) => n + (cp > 0xffff ? 2 : 1), 0);
    for (let u = 1; u <= units && i + u <= text.length; u++) out[i + u] = x + (adv * u) / units;
    i += units;
    x += adv;
  });
  if (strict && i !== text.length) return undefined;
  // Glyphs that do not map one-to-one onto the text (unexpected reordering): fall back to the total at the end.
  for (let j = Math.min(i, text.length) + 1; j <= text.length; j++) out[j] = x;
  out[text.length] = x;
  return out;
}
