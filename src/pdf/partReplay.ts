/**
 * The replay of a cached page part (pageStreams.ts): what drawing the part did besides writing its stream (fonts
 * referenced, glyphs registered, an SVG's own objects and alpha states, a linked run's annotation), recorded on a
 * miss (drawRecorder.ts) and done again on a hit in the same order, so the document's objects and subsets come out
 * as in a full draw without walking, shaping or drawing the part's items.
 *
 * Written against pdfkit 0.20.2 (pinned): page.fonts/patterns, _gradCount, _doOpacity and ref() (PDFReference write/end).
 */
import { includeGlyph, isRegisteredGlyph, type EmbeddedFont } from './cidFonts.ts';
import type { DrawEvent } from './drawRecorder.ts';

/**
 * One step of a cached part's replay: a record of effects (drawRecorder.ts events: an SVG's, or the glyph runs'
 * between two other items, joined) or the place in the part of an item walked muted (links, destinations, images,
 * linked runs, SVGs without a usable record).
 */
export type PartStep = number | readonly DrawEvent[] | LinkedRun;

/**
 * A linked glyph run of a cached part: its font's events, its link annotation (the rectangle the run was measured to,
 * drawn again with doc.link inside the structure's link hook) and its glyphs' events, so it is not shaped again.
 */
export interface LinkedRun {
  readonly run: number;
  readonly rect: readonly [number, number, number, number];
  readonly before: readonly DrawEvent[];
  readonly after: readonly DrawEvent[];
}

/**
 * The replay steps of a part drawn with `records` (by place in the part; an unlinked glyph run always has one).
 * Boxes and rules write only operators and are left out. Consecutive glyph runs' records are joined into one step:
 * they make no objects of their own (only fonts' first references and glyph registrations, in order), while an
 * SVG's record numbers its own objects from 0 and stays a step of its own. A linked run with its record (`linked`)
 * is a step of its own too (its annotation is an object, made between its font's and its glyphs' events).
 */
export function partSteps(items: readonly { readonly kind: string; readonly link?: unknown }[], records: ReadonlyMap<number, readonly DrawEvent[] | undefined | null>, linked: ReadonlyMap<number, LinkedRun> = new Map()): PartStep[] {
  const steps: PartStep[] = [];
  let run: DrawEvent[] | undefined;
  const flush = () => {
    if (run && run.length > 0) steps.push(run);
    run = undefined;
  };
  items.forEach((it, r) => {
    if (it.kind === 'rect' || it.kind === 'rule') return;
    const events = records.get(r);
    if (it.kind === 'glyphs' && !it.link && events) {
      for (const e of events) (run ??= []).push(e);
      return;
    }
    flush();
    steps.push((it.kind === 'svg' || it.kind === 'chart') && events ? events : (linked.get(r) ?? r));
  });
  flush();
  return steps;
}

/** Does again what a recorded SVG drawing did besides its stream (drawRecorder.ts), in the same order. */
export function replayDrawing(doc: PDFKit.PDFDocument, events: readonly DrawEvent[], fonts: ReadonlyMap<string, EmbeddedFont>): void {
  const d = doc as unknown as { page: { fonts: Record<string, unknown>; patterns: Record<string, unknown> }; _gradCount: number; _doOpacity(f?: number, s?: number): unknown; ref(data: object): ReplayedRef };
  // the drawing's own objects, made again in the same order (so with the same numbers) and with the same data; most
  // records (a glyph run's fonts and glyphs) make none, and a replay allocates nothing for them
  let own: ReplayedRef[] | undefined;
  // glyph events are most of a record, in runs of one font: the font looked up once per run
  let fontId: string | undefined;
  let font: EmbeddedFont | undefined;
  for (const e of events) {
    if (e[0] === 'glyph') {
      if (e[1] !== fontId) font = fonts.get((fontId = e[1]))!;
      // a glyph id already registered keeps its first width and text (includeGlyph): nothing to do
      if (!isRegisteredGlyph(font!, e[2])) includeGlyph(font!, e[2], e[3], [...e[4]]);
    } else if (e[0] === 'font') d.page.fonts[e[1]] = fonts.get(e[1])!.ref();
    else if (e[0] === 'gs') d._doOpacity(e[1], e[2]);
    else if (e[0] === 'ref') (own ??= [])[e[1]] = d.ref(withRefs(e[2], own) as object);
    else if (e[0] === 'end') {
      const r = own![e[1]]!;
      if (e[2].length > 0) r.write(Buffer.from(e[2], 'latin1'));
      r.end();
    } else if (e[0] === 'pattern') d.page.patterns[e[1]] = own![e[2]];
    else d._gradCount += e[1];
  }
}

/** Recorded object data with each `{ $ref: n }` replaced by the replay's n-th own object. */
function withRefs(v: unknown, own: readonly ReplayedRef[]): unknown {
  if (Array.isArray(v)) return v.map((x) => withRefs(x, own));
  if (v === null || typeof v !== 'object') return v;
  if ('$ref' in v) return own[(v as { $ref: number }).$ref];
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withRefs(x, own)]));
}

/** What a replay does with the objects it makes (pdfkit's PDFReference). */
interface ReplayedRef {
  write(chunk: Uint8Array): void;
  end(): void;
}
