/**
 * What drawing an SVG does to the document besides its page's content stream, recorded so that a page taken from
 * the page-stream cache (pageStreams.ts) can do it again without running svg-to-pdfkit: fonts it takes a reference
 * of, glyphs it registers in the subsets, constant-alpha states it uses, in order (the order decides object numbers
 * and subset order). cidFonts.ts and resourceNames.ts report to the recorder while one is set on the document;
 * anything else an SVG could do (other objects, images, patterns, annotations) makes the record unusable, and such
 * an item is drawn again (muted) on a hit.
 */

/** One effect of a drawing, in the order it happened. */
export type DrawEvent =
  | readonly ['font', string]
  | readonly ['glyph', string, number, number, readonly number[]]
  | readonly ['gs', number | undefined, number | undefined];

/** The recorder set on a document while an SVG is drawn. */
export interface DrawRecorder {
  readonly events: DrawEvent[];
  /** Depth of reported calls that allocate objects themselves (a font's first reference, a new alpha state). */
  quiet: number;
  /** Set when an object was allocated outside those calls: the record cannot be replayed. */
  other: boolean;
}

const RECORDER = Symbol('reportpress.drawRecorder');

/** The document's recorder, if an SVG is being recorded. */
export function recorderOf(doc: unknown): DrawRecorder | undefined {
  return (doc as { [RECORDER]?: DrawRecorder })[RECORDER];
}

/** Runs `f` reported as one quiet (self-allocating) call when recording. */
export function quietly<T>(r: DrawRecorder | undefined, f: () => T): T {
  if (!r) return f();
  r.quiet++;
  try {
    return f();
  } finally {
    r.quiet--;
  }
}

/** pdfkit document internals watched while recording (pdfkit 0.20.2); read raw, since PDFPage's getters create. */
interface Watched {
  ref(...args: unknown[]): unknown;
  page: { resources: { data: Record<string, object | undefined> }; dictionary: { data: { Annots?: unknown[] } } };
}

/** Fonts and alpha states are replayed; any other resource or an annotation added by a drawing is not. */
const REPLAYED = new Set(['Font', 'ExtGState', 'ProcSet']);

/** Draws with a recorder set; returns the events, or undefined when the drawing did something not recordable. */
export function recordDrawing(doc: PDFKit.PDFDocument, draw: () => void): readonly DrawEvent[] | undefined {
  const d = doc as unknown as Watched & { [RECORDER]?: DrawRecorder };
  const rec: DrawRecorder = { events: [], quiet: 0, other: false };
  const ref = d.ref;
  d.ref = function watchedRef(this: unknown, ...args: unknown[]) {
    if (rec.quiet === 0) rec.other = true;
    return ref.apply(this, args);
  };
  // what a replay would not redo: resources other than fonts and alpha states, their counts, annotations
  const other = () => {
    const res = d.page.resources.data;
    const kinds = Object.keys(res).filter((k) => !REPLAYED.has(k));
    return `${kinds.join()}|${kinds.map((k) => Object.keys(res[k] ?? {}).length).join()}|${d.page.dictionary.data.Annots?.length ?? -1}`;
  };
  const before = other();
  d[RECORDER] = rec;
  try {
    draw();
  } finally {
    delete d[RECORDER];
    delete (d as Partial<Watched>).ref; // back to the prototype's
  }
  return rec.other || other() !== before ? undefined : rec.events;
}
