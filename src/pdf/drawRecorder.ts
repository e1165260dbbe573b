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
  | readonly ['gs', number | undefined, number | undefined]
  // objects a drawing allocates itself (svg-to-pdfkit's gradients: functions, shadings, patterns, soft masks), by
  // their place among the drawing's own objects; their data is plain JSON with {$ref: k} for the k-th of them
  | readonly ['ref', number, unknown]
  | readonly ['end', number, string]
  // a page Pattern resource set to the drawing's k-th object, and how far the drawing advanced pdfkit's gradient count
  | readonly ['pattern', string, number]
  | readonly ['grad', number];

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
  ref(data?: object): Ref;
  _gradCount: number;
  page: { resources: { data: Record<string, object | undefined> }; dictionary: { data: { Annots?: unknown[] } } };
}
interface Ref {
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  end(chunk?: unknown): void;
}

/** Fonts, alpha states and patterns are replayed; any other resource or an annotation added by a drawing is not. */
const REPLAYED = new Set(['Font', 'ExtGState', 'ProcSet', 'Pattern']);

/**
 * A copy of an object's data as plain JSON, the drawing's own objects as {$ref: k}; undefined when it holds anything
 * else (another object's reference, strings as PDF strings, bytes, dates), which a replay could not rebuild.
 */
function plainData(v: unknown, own: Map<unknown, number>): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (own.has(v)) return { $ref: own.get(v) };
  if (Array.isArray(v)) {
    const out = v.map((x) => plainData(x, own));
    return out.includes(undefined) ? undefined : out;
  }
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype || '$ref' in v) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if ((out[k] = plainData(x, own)) === undefined) return undefined;
  return out;
}

/** Draws with a recorder set; returns the events, or undefined when the drawing did something not recordable. */
export function recordDrawing(doc: PDFKit.PDFDocument, draw: () => void): readonly DrawEvent[] | undefined {
  const d = doc as unknown as Watched & { [RECORDER]?: DrawRecorder };
  const events: DrawEvent[] = [];
  const rec: DrawRecorder = { events, quiet: 0, other: false };
  // the drawing's own objects (by reference) and the page's patterns as last seen
  const own = new Map<unknown, number>();
  const patterns = new Map(Object.entries(d.page.resources.data.Pattern ?? {}));
  const grad0 = d._gradCount;
  // a pattern the drawing set is noted before its next event (the order decides the resource dictionary's order)
  const sync = () => {
    // inside a group (svg-to-pdfkit's clip paths and masks draw into a form whose "page" has no resources of this
    // shape) nothing is tracked: such a drawing is not replayed, as before drawings recorded their own objects
    const res = d.page.resources?.data;
    if (!res) {
      rec.other = true;
      return;
    }
    for (const [name, ref] of Object.entries(res.Pattern ?? {})) {
      if (patterns.get(name) === ref) continue;
      patterns.set(name, ref);
      if (own.has(ref)) Array.prototype.push.call(events, ['pattern', name, own.get(ref)!]);
      else rec.other = true;
    }
  };
  events.push = (...e: DrawEvent[]) => {
    sync();
    return Array.prototype.push.apply(events, e);
  };
  // the document's own `ref` (objectText.ts gives each reference its serialiser) is put back afterwards
  const ref = d.ref;
  const ownRef = Object.hasOwn(d, 'ref');
  d.ref = function watchedRef(this: unknown, data?: object) {
    const r = ref.call(this, data);
    if (rec.quiet > 0) return r;
    // an object of the drawing's own: replayable when its data is plain and it is ended before the next is made
    const k = own.size;
    const json = plainData(r.data, own);
    own.set(r, k);
    if (json === undefined) rec.other = true;
    else events.push(['ref', k, json]);
    const text = JSON.stringify(json);
    const end = r.end;
    r.end = function watchedEnd(this: Ref, chunk?: unknown) {
      delete (r as Partial<Ref>).end;
      if (chunk) (this as unknown as { write(c: unknown): void }).write(chunk);
      const data = { ...this.data };
      if (this.buffer.length > 0) {
        delete data.Length;
        delete data.Filter;
      }
      // its data changed after it was made, or another object was made before it ended: not replayable
      if (JSON.stringify(plainData(data, own)) !== text || own.size !== k + 1) rec.other = true;
      events.push(['end', k, Buffer.concat(this.buffer).toString('latin1')]);
      end.call(this);
    };
    return r;
  };
  // what a replay would not redo: resources other than fonts, alpha states and patterns, their counts, annotations
  const other = () => {
    const res = d.page.resources.data;
    const kinds = Object.keys(res).filter((k) => !REPLAYED.has(k));
    return `${kinds.join()}|${kinds.map((k) => Object.keys(res[k] ?? {}).length).join()}|${d.page.dictionary.data.Annots?.length ?? -1}`;
  };
  const before = other();
  // an alpha state of the drawing's own objects (a soft mask) would not be replayed: its ExtGState is checked
  const states = () => Object.values(d.page.resources.data.ExtGState ?? {}).some((s) => own.has(s));
  d[RECORDER] = rec;
  try {
    draw();
  } finally {
    delete d[RECORDER];
    if (ownRef) d.ref = ref;
    else delete (d as Partial<Watched>).ref; // back to the prototype's
  }
  sync();
  if (d._gradCount !== grad0) Array.prototype.push.call(events, ['grad', d._gradCount - grad0]);
  return rec.other || other() !== before || states() ? undefined : [...events];
}
