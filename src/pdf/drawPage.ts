/**
 * One page drawn into the document: its parts (head furniture, content, foot furniture: Page.furniture) each as its
 * own content stream in the page's /Contents array, in reading order, so a part's stream depends only on its own
 * items: a page whose number moved (an edit earlier in the report) keeps its content's stream, and only the small
 * running-head and folio streams are new. Each part is looked up in the page-stream cache (pageStreams.ts) by its
 * items, marks and place; a hit walks the part's items muted (for their fonts, glyphs, images, links and
 * destinations) replaying what SVGs and glyph runs recorded, and puts the cached stream in place. Marked-content
 * sequences never cross parts (structure.ts), so every stream balances its BDC/EMC; the print variant's sheet
 * translation is set and restored in each part, and its crop marks close the last.
 */
import type { Page } from '../model/types.ts';
import type { GlyphRecord, GlyphWriter } from './glyphRuns.ts';
import type { EmbeddedFont } from './cidFonts.ts';
import { recordDrawing, type DrawEvent } from './drawRecorder.ts';
import { type SvgDrawing, captureOps, compressPageOnce, endParts, muteContent, newPart, putStream, streamKeyOf, rememberDrawing, svgKey, writeOps } from './pageStreams.ts';
import { rememberLater } from './laterStreams.ts';
import { type LinkedRun, partSteps, replayDrawing } from './partReplay.ts';
import type { SvgCmyk } from './drawSvg.ts';
import { drawItem, type DrawHooks, type GlyphItem, type LinkHook, type SvgItem } from './drawItem.ts';
import type { PartKeyFn } from './partKeys.ts';
import { drawKeptRun, type KeptRuns } from './keptRuns.ts';
import { pageParts, type MarkGroup, type PageMarks } from './structure.ts';
import { beginMark, endMark, type StructParents } from './tagged.ts';
import { finishSheet } from './printSheet.ts';
import type { SourceSpan } from '../diag/types.ts';
import type { PdfOptions } from './writePdf.ts';

/** What every page of one document is drawn with besides its items. */
export interface DrawEnv {
  readonly opts: PdfOptions;
  /** The document's fonts by resource name (replayed SVG records name them so). */
  readonly fonts: ReadonlyMap<string, EmbeddedFont>;
  /** Each part's content key (partKeys.ts), shared with the document ID. */
  readonly partKey: PartKeyFn;
  readonly drawGlyphs: GlyphWriter;
  readonly print: boolean;
  /** The document's images by their bytes: each distinct image is embedded once (drawShapes.ts drawImage). */
  readonly images: Map<unknown, unknown>;
  /** print: the document's CMYK rasters and their XObject names (drawShapes.ts drawCmykImage). */
  readonly cmykImages: Map<unknown, unknown>;
  /** print: the SVG colour mapping (svg-to-pdfkit's colorCallback). */
  svgCmyk?: SvgCmyk;
  /** The source position of the item being drawn, for colour errors. */
  at: SourceSpan | undefined;
  /** Where the page's top-left corner sits on the sheet (print: the slug), for destinations pdfkit does not transform. */
  readonly origin: number;
  /** The current page's stream comes from the page cache: items are walked for their other effects only. */
  muted: boolean;
  /** Every font draws glyph ids as codes (cidFonts.ts), so a page's stream depends on that page alone. */
  readonly stableCodes: boolean;
  /**
   * Without a page cache (a build with caches off): this document's SVG drawings, so a chart repeated on later pages
   * runs svg-to-pdfkit once and its operators are written again (the same bytes: pageStreams.ts svgKey).
   */
  readonly drawings?: Map<string, SvgDrawing>;
  /** A watch session's glyph runs as drawn (keptRuns.ts), and what they were drawn for (page-cache scope, variant). */
  readonly keptRuns?: KeptRuns;
  readonly runScope?: string;
  /** Without a page cache: this document's compressed streams by a hash of their bytes (pageStreams.ts compressPageOnce). */
  readonly deflated?: Map<string, Uint8Array>;
}

/** A page's place in the structure: its index, planned marked-content sequences and the ParentTree keys. */
export interface PageTagging {
  readonly index: number;
  readonly marks: PageMarks;
  readonly parents: StructParents;
}

/** Draws a page: each part into its own content stream, each run of items inside its marked-content sequence. */
export function drawPage(doc: PDFKit.PDFDocument, page: Page, t: PageTagging, env: DrawEnv): void {
  const slug = env.origin;
  doc.addPage({ size: [page.widthPt + 2 * slug, page.heightPt + 2 * slug], margin: 0 });
  if (t.marks.mcids.length > 0) t.parents.page(doc, t.index);
  const parts = pageParts(page);
  const streams = parts.map(([from, to], k) => {
    const stream = k === 0 ? undefined : newPart(doc);
    drawPart(doc, page, from, to, { first: k === 0, last: k === parts.length - 1 }, t, env);
    return stream;
  });
  endParts(doc, streams);
}

/** Draws items [from, to) of the page into the current content stream, from the cache when it holds them. */
function drawPart(doc: PDFKit.PDFDocument, page: Page, from: number, to: number, place: { first: boolean; last: boolean }, t: PageTagging, env: DrawEnv): void {
  const { print, opts } = env;
  // print: the trimmed page inside a sheet with room for bleed and crop marks; everything drawn shifted onto it.
  if (print) doc.save().translate(env.origin, env.origin);
  // CFF-flavoured fonts keep pdfkit's first-use codes (cidFonts.ts), so their pages' streams are not cacheable
  const cache = env.stableCodes ? opts.pageCache : undefined;
  const groups = t.marks.groups.filter((g) => g.from >= from && g.to <= to);
  // the first part holds pdfkit's page set-up (the y flip), the last the print sheet's marks
  const items = page.items.slice(from, to);
  const key = cache && streamKeyOf(cache, page, env.partKey(items, { page, from, to }), marksKey(groups, from), `${opts.variant ?? 'screen'}\u0000${place.first}/${place.last}`);
  const hit = key === undefined ? undefined : cache!.entries.get(key);
  if (key !== undefined) cache!.used?.add(key);
  const unmute = hit ? muteContent(doc) : undefined;
  // records by the item's place in the part (the part may sit after another number of furniture items next time)
  const recorded = key !== undefined && !hit ? new Map<number, readonly DrawEvent[] | undefined>() : undefined;
  const glyphRecord: GlyphRecord | undefined = recorded && { events: [], seen: new Map() };
  const linked = new Map<number, LinkedRun>();
  env.muted = !!hit;
  const starts = new Map(groups.map((g) => [g.from, g]));
  let end = -1;
  // the item being drawn (its index on the page, and in the part: records are kept by place in the part, since the
  // part may sit after another number of furniture items next time); the hooks below are made once per part
  let i = from;
  let r = 0;
  // an SVG of a cached part is replayed from its record; on a miss with the cache on, its effects are recorded,
  // and its operators come from the drawing cache when the same SVG was drawn at the same place before
  const svg = (draw: () => void, what: SvgItem) => {
    const events = hit?.svg.get(r);
    if (events) return replayDrawing(doc, events, env.fonts);
    const drawings = cache?.drawings ?? (env.stableCodes ? env.drawings : undefined);
    const dk = !hit && drawings ? svgKey(what.svg, what.box, what.bleed, page.heightPt, `${cache?.scope}\u0000${opts.variant ?? 'screen'}`) : undefined;
    if (dk !== undefined) cache?.usedDrawings?.add(dk);
    const drawn = dk === undefined ? undefined : drawings!.get(dk);
    if (drawn) {
      writeOps(doc, drawn.ops);
      // the effects only: the operators (alpha states' gs included) are in `ops` already
      const unmuteReplay = muteContent(doc);
      replayDrawing(doc, drawn.events, env.fonts);
      unmuteReplay();
      recorded?.set(r, drawn.events);
    } else if (recorded || dk !== undefined) {
      let ops: Uint8Array = new Uint8Array(0);
      const record = recordDrawing(doc, () => (ops = captureOps(doc, draw)));
      recorded?.set(r, record);
      if (record && dk !== undefined) rememberDrawing(drawings!, dk, { ops, events: record });
    } else draw();
  };
  // so is an unlinked glyph run (its fonts and glyphs: glyphRuns.ts), so a cached part shapes nothing again
  const glyphs = (g: GlyphItem, o?: object) => {
    const events = g.link ? undefined : hit?.svg.get(r);
    if (events) return replayDrawing(doc, events, env.fonts);
    const at = glyphRecord?.events.length ?? 0;
    if (glyphRecord) glyphRecord.link = undefined;
    // a missed part's unlinked run as drawn before in the session (keptRuns.ts), or drawn and kept
    if (env.keptRuns && glyphRecord && !g.link) drawKeptRun(doc, g, env.keptRuns, env.runScope!, env.fonts, env.drawGlyphs, glyphRecord);
    else env.drawGlyphs(g, o, glyphRecord);
    if (glyphRecord && !g.link) recorded!.set(r, glyphRecord.events.slice(at));
    // a linked run: its annotation's rectangle between its font's events and its glyphs'
    const l = glyphRecord?.link;
    if (l) linked.set(r, { run: r, rect: l.rect, before: glyphRecord!.events.slice(at, l.at), after: glyphRecord!.events.slice(l.at) });
  };
  const hooks: DrawHooks = { svg, glyphs };
  const link: LinkHook = (contents, draw) => t.parents.link(doc, t.index, i, t.marks.annots.get(i), contents, draw);
  if (hit?.steps) {
    // a hit's marks and boxes only write operators (muted): its steps replay the records and walk the other items
    for (const step of hit.steps) {
      if (Array.isArray(step)) {
        replayDrawing(doc, step, env.fonts);
        continue;
      }
      if (typeof step !== 'number') {
        // a linked run: its font, its annotation (with the structure's entries, as drawn), its glyphs
        const { run, rect, before, after } = step as LinkedRun;
        const url = (page.items[from + run] as GlyphItem).link!;
        i = from + run;
        link(url, (o) => {
          replayDrawing(doc, before, env.fonts);
          doc.link(...rect, url, o as never);
          replayDrawing(doc, after, env.fonts);
        });
        continue;
      }
      r = step;
      i = from + step;
      const item = page.items[i]!;
      env.at = 'source' in item ? item.source : undefined;
      drawItem(doc, item, env, link, hooks);
    }
  } else {
    for (; i < to; i++) {
      const item = page.items[i]!;
      const group = starts.get(i);
      if (group) {
        beginMark(doc, group.mark);
        end = group.to - 1;
      }
      env.at = 'source' in item ? item.source : undefined;
      r = i - from;
      drawItem(doc, item, env, link, hooks);
      if (i === end) endMark(doc);
    }
  }
  env.at = undefined;
  if (print) {
    doc.restore();
    if (place.last) finishSheet(doc, page.widthPt, page.heightPt);
  }
  unmute?.();
  env.muted = false;
  if (hit) putStream(doc, hit.stream);
  else if (key !== undefined) rememberLater(doc, cache!.entries, key, { svg: recorded!, steps: partSteps(items, recorded!, linked) });
  else if (!opts.pageCache && env.deflated) compressPageOnce(doc, env.deflated);
}

/**
 * What the part's marked-content operators say (structure.ts plans them), by place in the part: part of its key.
 * Written as plain text, not JSON of arrays made for it (every part of every rebuild makes one): roles, artifact
 * types and subtypes are letters, so "," and ";" keep the fields and groups apart.
 */
export function marksKey(groups: readonly MarkGroup[], from: number): string {
  let s = '';
  for (const { from: f, to, mark: m } of groups) s += `${f - from},${to - from},${'mcid' in m ? `m${m.elem.role},${m.mcid}` : `a${m.artifact},${m.subtype ?? ''},${m.bbox?.join(' ') ?? ''}`};`;
  return s;
}
