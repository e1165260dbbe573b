import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Font } from 'fontkit';
import { ReportError } from '../diag/errors.ts';
import { missingFontFile } from '../diag/messages.ts';
import type { SourceSpan } from '../diag/types.ts';
import { memo } from '../util/buildContext.ts';
import { fontFiles, fontStat, type FontFiles } from './fontFiles.ts';
import type { Pt } from '../util/geometry.ts';
import { prefixUnits } from './prefixUnits.ts';
import { createShaper, type ShapedPrefix, type ShapedRun, type Shaper } from './shaper.ts';

/** What one face has shaped with one set of features, by text. */
interface Shelf {
  readonly shaper: Shaper;
  readonly features: readonly string[];
  readonly runs: Map<string, ShapedRun>;
  readonly prefixes: Map<string, ShapedPrefix>;
}

/**
 * The report's fonts, loaded once from the repo's fonts/ folder by template key.
 * Layout measures through this (never through pdfkit), and pdf/ draws the runs it shaped, so line breaking,
 * vega labels and the PDF agree to the glyph.
 */
export interface FontStore {
  /** Font key → absolute file path (pdf/ embeds the same files). */
  readonly files: Readonly<Record<string, string>>;
  /** Font key → SHA-256 of the file's bytes (cache keys: chart renders, line breaks). Absent in test fakes. */
  readonly hashes?: Readonly<Record<string, string>>;
  /**
   * The file's bytes of font `key` when shaping has read them already, else undefined (never reads): pdf/ embeds
   * these instead of reading the file a second time. Absent in test fakes.
   */
  readBytes?(key: string): Uint8Array | undefined;
  has(key: string): boolean;
  /** The fontkit face (tests compare with it); loaded on first use; throws for an unknown key. */
  face(key: string): Font;
  /** A glyph's outline as SVG path data in font units, y up (chart PNGs draw text as outlines). Absent in fakes. */
  outline?(key: string, glyphId: number): string;
  /** Advance width of `text` set in `key` at `sizePt`, shaped with kerning/ligatures as pdf/ draws it. */
  measure(text: string, key: string, sizePt: Pt, features?: readonly string[]): Pt;
  /**
   * Width of text.slice(0, i) for every code-unit boundary i (0..length), from one shaping of the whole text, so the
   * pieces of a word between break points keep the word's kerning and ligatures (a ligature's advance is split evenly).
   * Optional so that test fakes need only `measure`; text/ then measures each prefix.
   */
  prefixWidths?(text: string, key: string, sizePt: Pt, features?: readonly string[]): readonly Pt[];
  /** prefixWidths in ems: the width of text.slice(0, i) is units[i] × size (the same numbers). Absent in test fakes. */
  prefixUnits?(text: string, key: string, features?: readonly string[]): Float64Array;
  /** The shaped run of `text` (cached by content): what measure() summed and what pdf/ draws. Absent in test fakes. */
  shape?(text: string, key: string, features?: readonly string[]): ShapedRun;
  /** True when face `key` has a glyph for `codePoint` in its character map. Absent in test fakes (all covered). */
  covers?(key: string, codePoint: number): boolean;
  /** covers(key, ·) as one function, for asking about every character of a text. Absent in test fakes. */
  coverage?(key: string): (codePoint: number) => boolean;
  /** The faces that draw what `key` lacks, in order (see fallback.ts); absent in test fakes. */
  fallbacks?(key: string): readonly string[];
}

/** Default OpenType features: kerning and standard ligatures (figure styles come from the template). */
export const DEFAULT_FEATURES: readonly string[] = ['kern', 'liga'];

/**
/**
 * Loads every face of the template from fontsDir (only there), except the faces a content-folder template brought
 * (`own`: key → absolute path, found and checked inside the content folder by load/templateFonts.ts); shapes and
 * widths are cached in the store. `fallback` (template `fallback`): per font key, or `default`, the faces tried
 * first for characters it lacks. With a cache (the build context's `fonts`), a store whose files have the same
 * bytes and the same fallbacks is reused, with every run it has shaped: a rebuild shapes only new text.
 */
export function createFontStore(
  fontsDir: string,
  fonts: Readonly<Record<string, string>>,
  fallback: Readonly<Record<string, readonly string[]>> = {},
  cache?: Map<string, FontStore>,
  own: Readonly<Record<string, string>> = {},
  /** Where the template names each font file (template.yaml's fonts), for FONT001. */
  spans: Readonly<Record<string, SourceSpan>> = {},
  /** The font files' hashes known by their stat (fonts/fontFiles.ts: session and disk); none: every file is read and hashed. */
  known: FontFiles = fontFiles(undefined),
): FontStore {
  const files: Record<string, string> = {};
  const bytes = new Map<string, () => Uint8Array>();
  const readBytes = new Map<string, () => Uint8Array | undefined>();
  const hashes: Record<string, string> = {};
  for (const [key, file] of Object.entries(fonts)) {
    const path = own[key] ?? resolve(fontsDir, file);
    if (!own[key] && dirname(path) !== resolve(fontsDir)) throw new ReportError(missingFontFile(key, file, fontsDir, spans[key]));
    const st = fontStat(path);
    if (!st?.isFile()) throw new ReportError(missingFontFile(key, file, fontsDir, spans[key]));
    files[key] = path;
    // the hash now, the bytes when a face is first shaped (a build whose caches hold every word reads none)
    const entry = known.open(path, st);
    bytes.set(key, () => entry.bytes());
    readBytes.set(key, () => entry.readBytes());
    hashes[key] = entry.hash;
  }
  if (!cache) return loadFontStore(files, bytes, readBytes, hashes, fallback);
  const key = JSON.stringify([Object.entries(files).map(([k, p]) => [k, p, hashes[k]]), fallback]);
  return memo(cache, key, () => loadFontStore(files, bytes, readBytes, hashes, fallback));
}

function loadFontStore(
  files: Readonly<Record<string, string>>,
  bytes: ReadonlyMap<string, () => Uint8Array>,
  readBytes: ReadonlyMap<string, () => Uint8Array | undefined>,
  hashes: Readonly<Record<string, string>>,
  fallback: Readonly<Record<string, readonly string[]>>,
): FontStore {
  const shapers = new Map<string, Shaper>();
  const read = (key: string): Uint8Array => {
    const b = bytes.get(key);
    if (!b) throw new Error(`unknown font key "${key}"`);
    return b();
  };
  const shaper = (key: string): Shaper => {
    let s = shapers.get(key);
    if (!s) shapers.set(key, (s = createShaper(read(key))));
    return s;
  };
  const faces = new Map<string, Font>();
  const face = (key: string): Font => {
    let f = faces.get(key);
    if (!f) {
      // fontkit is not used by builds (HarfBuzz shapes and outlines); loaded only when asked for (≈ 70 ms).
      const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
      faces.set(key, (f = fontkit.create(Buffer.from(read(key))) as Font));
    }
    return f;
  };
  // Shaped runs and prefix advances per face, then per features, then per text: one shaping serves every size and
  // every caller. Nested maps, not one map keyed by a joined string: a lookup hashes the text alone (a word is
  // looked up thousands of times), and the features are found by their array before they are ever joined.
  const shelves = new Map<string, Map<string, Shelf>>();
  const joined = new WeakMap<readonly string[], string>();
  const shelf = (key: string, features: readonly string[]): Shelf => {
    let byFeatures = shelves.get(key);
    if (!byFeatures) shelves.set(key, (byFeatures = new Map()));
    let names = joined.get(features);
    if (names === undefined) joined.set(features, (names = features.join(',')));
    let sh = byFeatures.get(names);
    if (!sh) byFeatures.set(names, (sh = { shaper: shaper(key), features, runs: new Map(), prefixes: new Map() }));
    return sh;
  };
  const shapeOn = (sh: Shelf, text: string): ShapedRun => {
    let run = sh.runs.get(text);
    if (!run) sh.runs.set(text, (run = sh.shaper.shape(text, sh.features)));
    return run;
  };
  const shape = (text: string, key: string, features: readonly string[] = DEFAULT_FEATURES): ShapedRun => shapeOn(shelf(key, features), text);
  // A word's prefix advances come from a shaping that keeps no glyph run (breaking never draws a word); a text
  // already shaped for drawing takes them from its run, which gives the same numbers (prefixUnits).
  const prefix = (text: string, key: string, features: readonly string[]): ShapedPrefix => {
    const sh = shelf(key, features);
    let p = sh.prefixes.get(text);
    if (!p) {
      const run = sh.runs.get(text);
      sh.prefixes.set(text, (p = run ? { units: prefixUnits(text, run), advance: run.advance } : sh.shaper.prefix(text, sh.features)));
    }
    return p;
  };
  // The named fallbacks first, then every other face in the template's order as a last resort.
  const chains = new Map<string, readonly string[]>();
  const fallbacks = (key: string): readonly string[] => {
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = [...new Set([...(fallback[key] ?? fallback.default ?? []), ...Object.keys(files)])].filter((k) => k !== key && Object.hasOwn(files, k))));
    return chain;
  };
  return {
    files,
    hashes,
    readBytes: (key) => readBytes.get(key)?.(),
    has: (key) => Object.hasOwn(files, key),
    covers: (key, cp) => shaper(key).covers(cp),
    coverage: (key) => shaper(key).covers,
    fallbacks,
    face,
    shape,
    outline: (key, id) => shaper(key).outline(id),
    prefixUnits: (text, key, features = DEFAULT_FEATURES) => prefix(text, key, features).units,
    prefixWidths(text, key, sizePt, features = DEFAULT_FEATURES) {
      const { units } = prefix(text, key, features);
      const out = new Array<Pt>(units.length);
      for (let i = 0; i < units.length; i++) out[i] = units[i]! * sizePt;
      return out;
    },
    measure(text, key, sizePt, features = DEFAULT_FEATURES) {
      const sh = shelf(key, features);
      // the same sum as the glyph run's, when only the word's prefix advances were shaped
      const advance = sh.runs.get(text)?.advance ?? sh.prefixes.get(text)?.advance ?? shapeOn(sh, text).advance;
      return (advance * sizePt) / sh.shaper.unitsPerEm;
    },
  };
}
