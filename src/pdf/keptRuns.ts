/**
 * Glyph runs drawn once per watch session (build context `keptRuns`, by item object): the operators a run wrote and
 * its font's and glyphs' effects. A part that misses the page-stream cache (the edited one) is drawn again whole,
 * but after an edit all of its runs but the edited line's are the previous build's item objects
 * (internPages.ts), and shaping, encoding and formatting each again was most of drawing that part. A kept run
 * writes its operators again and does what the glyph writer (glyphRuns.ts) does besides them: the font as a page
 * resource, its glyphs registered in the subset (the first registration of a glyph decides, as there) and, for the
 * part's record, the events the writer would have recorded. A run's operators depend on the item, the page's height,
 * the fonts' resource names and the paint (variant, colours): the page-stream cache's scope, the variant and the
 * page height are kept with them and compared. Only with glyph codes that are glyph ids (stable codes: drawPage.ts
 * uses the page cache only then) and never for a linked run (its annotation is an object of the structure).
 */
import { includeGlyph, isRegisteredGlyph, type EmbeddedFont } from './cidFonts.ts';
import type { DrawEvent } from './drawRecorder.ts';
import type { GlyphRecord, GlyphWriter } from './glyphRuns.ts';
import { captureOps, writeOps } from './pageStreams.ts';
import type { GlyphItem } from './drawItem.ts';

type GlyphEvent = Extract<DrawEvent, readonly ['glyph', ...unknown[]]>;

/** A run as drawn: what it was drawn for, its operators, its font's resource name and its glyphs in first-use order. */
export interface KeptRun {
  readonly scope: string;
  readonly height: number;
  readonly ops: Uint8Array;
  readonly font: string | undefined;
  readonly glyphs: readonly GlyphEvent[];
}

/** Kept runs by item object (items are immutable plain data). */
export type KeptRuns = WeakMap<object, KeptRun>;

interface DocInternals {
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
}

/**
 * Draws unlinked run `g` into the current part (not muted) and adds its events to the part's record: from `runs`
 * when it was drawn for the same scope and page height, else with `draw` (the document's glyph writer), keeping it.
 */
export function drawKeptRun(doc: PDFKit.PDFDocument, g: GlyphItem, runs: KeptRuns, scope: string, fonts: ReadonlyMap<string, EmbeddedFont>, draw: GlyphWriter, part: GlyphRecord): void {
  const d = doc as unknown as DocInternals;
  const height = d.page.height;
  const k = runs.get(g);
  if (k && k.scope === scope && k.height === height) {
    if (k.font === undefined) return;
    const font = fonts.get(k.font)!;
    d.page.fonts[k.font] ??= font.ref();
    for (const e of k.glyphs) if (!isRegisteredGlyph(font, e[2])) includeGlyph(font, e[2], e[3], [...e[4]]);
    writeOps(doc, k.ops);
    addToPart(part, k.font, k.glyphs);
    return;
  }
  // the run's own record: its font and each of its glyphs once, in the order the writer met them
  const own: GlyphRecord = { events: [], seen: new Map() };
  const ops = captureOps(doc, () => draw(g, undefined, own));
  const first = own.events[0];
  const font = first?.[0] === 'font' ? first[1] : undefined;
  const glyphs = own.events.filter((e): e is GlyphEvent => e[0] === 'glyph');
  runs.set(g, { scope, height, ops, font, glyphs });
  if (font !== undefined) addToPart(part, font, glyphs);
}

/** The events the writer records for a run in a part (glyphRuns.ts): the font's first use, each glyph's first. */
function addToPart(part: GlyphRecord, font: string, glyphs: readonly GlyphEvent[]): void {
  let seen = part.seen.get(font);
  if (!seen) {
    part.seen.set(font, (seen = new Set()));
    part.events.push(['font', font]);
  }
  for (const e of glyphs) {
    if (seen.has(e[2])) continue;
    seen.add(e[2]);
    part.events.push(e);
  }
}
