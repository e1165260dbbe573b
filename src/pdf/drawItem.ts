/**
 * One page item drawn (drawPage.ts walks a part's items and calls this for each): glyph runs and SVGs go through the
 * part's hooks (drawn, recorded or replayed), links and destinations through the structure's link hook, boxes,
 * rules and images straight to pdfkit. A cached part's walk is muted: what only writes operators is skipped.
 */
import type { FrameItem } from '../model/types.ts';
import { assertNever } from '../util/assertNever.ts';
import { drawCmykImage, drawImage, drawRect, drawRule } from './drawShapes.ts';
import { drawSvg } from './drawSvg.ts';
import type { DrawEnv } from './drawPage.ts';

export type GlyphItem = Extract<FrameItem, { kind: 'glyphs' }>;

/** What decides an SVG item's drawing besides the document: its SVG, box and print bleed. */
export interface SvgItem {
  readonly svg: string;
  readonly box: readonly number[];
  readonly bleed?: unknown;
}

/** Adds a link annotation with `draw(options)`, registering it with the structure (OBJR, /Contents). */
export type LinkHook = (contents: string, draw: (options: object) => void) => void;

/** How drawPage draws an SVG (draw, record or replay) and a glyph run (GlyphWriter, recorded or replayed). */
export interface DrawHooks {
  svg(draw: () => void, what: SvgItem): void;
  glyphs(g: GlyphItem, linkOptions?: object): void;
}

export function drawItem(doc: PDFKit.PDFDocument, item: FrameItem, env: DrawEnv, link: LinkHook, hooks: DrawHooks): void {
  const { opts, images, svgCmyk } = env;
  const { svg, glyphs: drawGlyphs } = hooks;
  switch (item.kind) {
    case 'glyphs':
      // a linked run draws its own annotation: it joins the run's Link element
      if (item.link) link(item.link, (o) => drawGlyphs(item, o));
      else drawGlyphs(item);
      break;
    // boxes and rules only write operators (their colours allocate nothing): a cached part skips them
    case 'rect':
      if (!env.muted) drawRect(doc, item);
      break;
    case 'rule':
      if (!env.muted) drawRule(doc, item);
      break;
    case 'image':
      if (env.print) {
        // print: only separated CMYK pixels (cli/build.ts runs images/printRaster.ts first); never RGB
        if (!item.cmyk) throw new Error('print variant: a raster image reached pdf/ without its CMYK separation');
        drawCmykImage(doc, item, item.cmyk, env.cmykImages);
      } else drawImage(doc, item, images);
      break;
    case 'svg':
      svg(() => drawSvg(doc, item.svg, item.x, item.y, item.width, item.height, opts.svgFontKey, undefined, svgCmyk, item.bleed), { svg: item.svg, box: [item.x, item.y, item.width, item.height], bleed: item.bleed });
      break;
    case 'chart': {
      const chart = opts.charts?.get(item.chartId);
      if (!chart) throw new Error(`chart "${item.chartId}" was laid out but not rendered`);
      svg(() => drawSvg(doc, chart.svg, item.x, item.y, item.width, item.height, opts.svgFontKey, undefined, svgCmyk), { svg: chart.svg, box: [item.x, item.y, item.width, item.height] });
      break;
    }
    case 'link':
      link(item.label ?? item.url, (o) => doc.link(item.x, item.y, item.width, item.height, item.url, o as never));
      break;
    case 'goto':
      link(item.label ?? item.dest, (o) => doc.goTo(item.x, item.y, item.width, item.height, item.dest, o as never));
      break;
    case 'anchor':
      // pdfkit takes the destination in sheet coordinates (it ignores the page's translation): add the origin.
      doc.addNamedDestination(item.name, 'XYZ', env.origin, env.origin + item.y, null);
      break;
    default:
      assertNever(item, 'frame item');
  }
}
