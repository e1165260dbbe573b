/**
 * Glyph runs drawn directly (pdfkit 0.20.2, pinned in package.json): layout's shaped runs are written straight
 * into the page's content stream as positioned glyphs (glyph ids, advances and offsets exactly as fonts/ measured
 * them), and each glyph is registered in the font subset with its width and the text it stands for
 * (cidFonts.ts, the module that holds pdfkit's font internals), so the font is embedded as a subset whose
 * ToUnicode CMap covers every code drawn. pdfkit's own text() (which would shape everything again, in pieces,
 * and lay it out) is never used for body text. test/pdf/glyphRuns.test.ts reads text, positions and fonts back
 * from the PDF.
 */
import type { ShapedRun } from '../fonts/shaper.ts';
import type { ShapeFn } from './cidFonts.ts';
import type { FrameItem } from '../model/types.ts';
import { clusterText, currentFont, hex4, includeGlyph } from './cidFonts.ts';
import type { DrawEvent } from './drawRecorder.ts';
import { isSpace } from '../text/charClass.ts';

type GlyphItem = Extract<FrameItem, { kind: 'glyphs' }>;

/**
 * What a page's glyph items did besides their operators, for the page-stream cache (pageStreams.ts): the first use
 * on the page of each font (its resource) and of each glyph (registered in the subset), in order, so a cached page
 * can do the same without shaping its text again.
 */
export interface GlyphRecord {
  readonly events: DrawEvent[];
  /** Fonts already recorded on this page, each with the glyph ids recorded. */
  readonly seen: Map<string, Set<number>>;
  /**
   * The link annotation the last linked run drew: its rectangle as passed to doc.link and how many events came
   * before it (its font's), so a cached page can draw the same annotation without shaping the run again.
   */
  link?: { readonly at: number; readonly rect: readonly [number, number, number, number] };
}

/** Draws one glyph item (linkOptions: its annotation's extra entries; record: collects its effects). */
export type GlyphWriter = (g: GlyphItem, linkOptions?: object, record?: GlyphRecord) => void;

export type { ShapeFn } from './cidFonts.ts';

/** pdfkit document internals used here: the page's height and font resources, the fill colour as fillColor keeps it. */
interface DocInternals {
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
  addContent(s: string | Uint8Array): unknown;
  _normalizeColor(color: string): number[] | null;
  _fillColor: unknown;
}

/**
 * Whether a code unit is whitespace that justification stretches: text/runWidth.ts STRETCHABLE (/\s/u) through the
 * table text/charClass.ts keeps of it, the very rule layout counted the stretch with; a regex test on a
 * one-character string for every glyph of a justified line was a tenth of drawing the glyphs.
 */
const stretchable = (text: string, at: number): boolean => isSpace(text.charCodeAt(at));

/** pdfkit's number format (PDFObject.number): at most six decimals. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * A writer of glyph items for one document: each item becomes one text object (q … BT … TJ … ET Q) in the current
 * page's content stream. Keeps, per font, the code of every glyph id it has registered (cidFonts.ts: for TrueType
 * fonts the code is the glyph id, so the stream does not depend on what earlier pages drew). While `muted()`, an
 * item selects its font, registers its glyphs and makes its link, but writes no operators.
 */
export function createGlyphWriter(doc: PDFKit.PDFDocument, shape: ShapeFn, muted: () => boolean = () => false): GlyphWriter {
  const codes = new Map<string, Map<number, string>>();
  const paint = createPaintOps(doc as unknown as DocInternals);
  // linkOptions: extra entries of the run's link annotation (the tagged PDF's /StructParent and /Contents)
  return (g, linkOptions, record) => {
    const text = g.text;
    if (!text) return;
    doc.font(g.font).fontSize(g.sizePt);
    const internals = doc as unknown as DocInternals;
    // fillColor's operators, written with the run's (paintOps); the colour kept as fillColor keeps it
    const colorOps = paint(g.color);
    internals._fillColor = [g.color, undefined];
    const font = currentFont(doc);
    internals.page.fonts[font.id] ??= font.ref();
    let seenIds = record?.seen.get(font.id);
    if (record && !seenIds) {
      record.seen.set(font.id, (seenIds = new Set()));
      record.events.push(['font', font.id]);
    }
    let byId = codes.get(font.id);
    if (!byId) codes.set(font.id, (byId = new Map()));
    const run = shape(text, g.font, g.features);
    const toUnits = 1000 / run.unitsPerEm;
    // Exactly as measured: even a tiny stretch adds up over a line (1.00008 × 232 pt is 0.02 pt).
    const extra = (g.wordSpacingPt * 1000) / g.sizePt;
    const scale = g.scale ?? 1;
    const tc = g.letterSpacingPt ?? 0;
    if (g.link) {
      const rect = linkOver(doc, g, run, extra, scale, tc, linkOptions);
      if (record) record.link = { at: record.events.length, rect };
    }
    const n = run.ids.length;
    // Encode: subset code per glyph, registered with its /W width and the text of its cluster (ToUnicode).
    const hex: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const id = run.ids[i]!;
      let code = byId.get(id);
      if (code === undefined) byId.set(id, (code = hex4(includeGlyph(font, id, run.widths[i]! * toUnits, clusterText(text, run, i)))));
      hex[i] = code;
      // every glyph the page uses, whether or not an earlier page registered it: a replay must not depend on them
      if (seenIds && !seenIds.has(id)) {
        seenIds.add(id);
        record!.events.push(['glyph', font.id, id, run.widths[i]! * toUnits, clusterText(text, run, i)]);
      }
    }
    // A page whose stream comes from the cache (pageStreams.ts) needs everything above but no operators.
    if (muted()) return;
    const actual = lineEndText(g);
    // the line's text as extraction should read it, around the whole text object (its TJ stays one, as drawn)
    const ops: string[] = actual ? [`/Span <</ActualText ${actual}>> BDC`, 'BT'] : ['BT'];
    const x0 = g.x;
    const y0 = internals.page.height - g.y;
    ops.push(`1 0 0 1 ${num(x0)} ${num(y0)} Tm`, `/${font.id} ${num(g.sizePt)} Tf`);
    if (tc) ops.push(`${num(tc)} Tc`);
    if (scale !== 1) ops.push(`${num(scale * 100)} Tz`);
    ops.push(...showGlyphs(text, run, hex, extra, g.sizePt, scale, tc, x0, y0));
    ops.push('ET');
    if (actual) ops.push('EMC');
    // as bytes: pdfkit would turn the string into bytes one character at a time (fromBinaryString, low byte of each
    // code unit, then a newline), which Latin-1 encoding does natively with the same result; in one chunk with what
    // doc.save(), doc.transform(1, 0, 0, -1, 0, height) and doc.restore() would write around it (q, the cm as pdfkit
    // formats it, Q): the same bytes and, save and restore cancelling out, the same CTM, without three more writes
    // and pdfkit's matrix arithmetic for every run
    internals.addContent(Buffer.from(`${colorOps}q\n1 0 0 -1 0 ${num(internals.page.height)} cm\n${ops.join('\n')}\nQ\n`, 'latin1'));
  };
}

/**
 * What pdfkit's fillColor(color) writes (ColorMixin._setColorCore: the colour space, then the channels with `scn`,
 * each a line; fillOpacity(undefined) adds nothing), by colour, for one document. Body text has a handful of colours
 * and a 10× report tens of thousands of runs: fillColor parsed the colour again for every run and wrote two more
 * chunks through pdfkit's character-by-character encoder. The colour goes through the document's own
 * _normalizeColor (the print variant's CMYK table replaces it, paint.ts), so a colour without a CMYK value still
 * stops the build at its first run; '' for what pdfkit does not draw (fillColor writes nothing then either).
 */
export function createPaintOps(doc: { _normalizeColor(color: string): number[] | null }): (color: string) => string {
  const ops = new Map<string, string>();
  return (color) => {
    let p = ops.get(color);
    if (p === undefined) {
      const c = doc._normalizeColor(color);
      // a spot colour (an object, pdfkit's `1 scn` in its own space) is never registered here
      if (c && !Array.isArray(c)) throw new Error(`pdf/glyphRuns.ts: spot colour ${color} is not supported`);
      ops.set(color, (p = c ? `/${c.length === 4 ? 'DeviceCMYK' : 'DeviceRGB'} cs\n${c.join(' ')} scn\n` : ''));
    }
    return p;
  };
}

/**
 * TJ arrays for a run: glyphs with their adjustment (drawn advance − /W width, in thousandths of an em, negated) and,
 * for glyphs with an offset (mark positioning), a text matrix of their own, as pdfkit's _fragment does.
 */
function showGlyphs(text: string, run: ShapedRun, hex: readonly string[], extra: number, size: number, scale: number, tc: number, x0: number, y0: number): string[] {
  const ops: string[] = [];
  const toUnits = 1000 / run.unitsPerEm;
  let parts: string[] = [];
  let pending = '';
  let x = x0;
  const flushHex = () => {
    if (pending) parts.push(`<${pending}>`);
    pending = '';
  };
  const flush = () => {
    flushHex();
    if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
    parts = [];
  };
  for (let i = 0; i < run.ids.length; i++) {
    const stretch = extra && stretchable(text, run.clusters[i]!) ? extra : 0;
    const advance = run.advances[i]! * toUnits + stretch;
    const adjust = advance - run.widths[i]! * toUnits;
    const dx = run.offsets ? run.offsets[2 * i]! : 0;
    const dy = run.offsets ? run.offsets[2 * i + 1]! : 0;
    if (dx || dy) {
      flush();
      ops.push(`1 0 0 1 ${num(x + ((dx * toUnits * size) / 1000) * scale)} ${num(y0 + (dy * toUnits * size) / 1000)} Tm`, `[<${hex[i]}> ${num(-adjust)}] TJ`);
      x += ((advance * size) / 1000 + tc) * scale;
      ops.push(`1 0 0 1 ${num(x)} ${num(y0)} Tm`);
      continue;
    }
    pending += hex[i];
    if (Math.abs(adjust) > 1e-9) {
      flushHex();
      parts.push(String(num(-adjust)));
    }
    x += ((advance * size) / 1000 + tc) * scale;
  }
  flush();
  return ops;
}

/**
 * How the last glyph run of a broken line reads in text extraction and to assistive technology (ISO 32000-1,
 * 14.9.4 ActualText, as a PDF text string), so the word boundary or the word survives the break: where the
 * break took a word space, the run's text plus a space; where it added a hyphen, the text with a soft hyphen U+00AD
 * for it ("ko-|lommen" reads "ko\u00adlommen", one word). Undefined where nothing was taken or added (the
 * paragraph's last line, a break after the word's own dash). The span covers the whole text object, so nothing
 * drawn changes (not even the split of a TJ, which moves anti-aliasing in some renderers).
 */
function lineEndText(g: GlyphItem): string | undefined {
  if (g.lineEnd === 'space') return textString(`${g.text} `);
  if (g.lineEnd === 'hyphen' && g.text.endsWith('-')) return textString(`${g.text.slice(0, -1)}\u00ad`);
  return undefined;
}

/** Characters of PDFDocEncoding (ISO 32000-1, D.2) outside ASCII and Latin-1 that body text uses, by code. */
const PDFDOC: Readonly<Record<string, number>> = {
  '\u2022': 0x80, '\u2020': 0x81, '\u2021': 0x82, '\u2026': 0x83, '\u2014': 0x84, '\u2013': 0x85, '\u2044': 0x87,
  '\u2039': 0x88, '\u203a': 0x89, '\u2212': 0x8a, '\u2030': 0x8b, '\u201e': 0x8c, '\u201c': 0x8d, '\u201d': 0x8e,
  '\u2018': 0x8f, '\u2019': 0x90, '\u201a': 0x91, '\u2122': 0x92, '\ufb01': 0x93, '\ufb02': 0x94, '\u20ac': 0xa0,
};

/** Printable ASCII but the three characters a PDF literal string escapes: ( ) and \. */
const PLAIN_LITERAL = /^[\x20-\x27\x2a-\x5b\x5d-\x7e]*$/;

/**
 * A PDF text string: a literal in PDFDocEncoding when every character has a code there (a quarter of the bytes of
 * UTF-16 hex, which body text would otherwise double the file with), else UTF-16BE hex with its byte-order mark.
 */
export function textString(s: string): string {
  // most line ends are printable ASCII without ( ) \: each character codes itself, the literal is the text
  if (PLAIN_LITERAL.test(s)) return `(${s})`;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // ASCII and Latin-1 code themselves, except U+00AD, which PDFDocEncoding leaves undefined
    const code = PDFDOC[ch] ?? ((c >= 0x20 && c < 0x7f) || (c >= 0xa1 && c <= 0xff && c !== 0xad) ? c : undefined);
    if (code === undefined) return `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
    out += code >= 0x80 ? `\\${code.toString(8)}` : ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `(${out})`;
}

/**
 * A link annotation over the drawn glyphs: from the face's ascender to its descender around the baseline, as wide
 * as the run is drawn. Returns its rectangle (x, top, width, height), which a cached page draws again (drawPage.ts).
 */
function linkOver(doc: PDFKit.PDFDocument, g: GlyphItem, run: ShapedRun, extra: number, scale: number, tc: number, options?: object): [number, number, number, number] {
  let width = 0;
  for (let i = 0; i < run.ids.length; i++) {
    const stretch = extra && stretchable(g.text, run.clusters[i]!) ? extra : 0;
    width += (((run.advances[i]! * 1000) / run.unitsPerEm + stretch) * g.sizePt) / 1000 + tc;
  }
  const f = (doc as unknown as { _font: { ascender: number; descender: number } })._font;
  const top = g.y - (f.ascender * g.sizePt) / 1000;
  const rect: [number, number, number, number] = [g.x, top, width * scale, ((f.ascender - f.descender) * g.sizePt) / 1000];
  doc.link(...rect, g.link!, options as never);
  return rect;
}
