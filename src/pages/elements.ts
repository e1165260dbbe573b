/**
 * Draws a template's declarative page elements (cover, running heads, folios, decoration) on one page: lengths
 * evaluated on that page (percentages of the page, the text area's edges, earlier elements' ids), text slots
 * filled from the report's metadata and the page. No design lives here: only the primitives.
 */
import type { LayoutEnv } from '../flow/types.ts';
import type { FrameItem, Page } from '../model/types.ts';
import { evalLength, parseLength } from '../spec/pageLength.ts';
import type { Length, PageElement, ResolvedTheme, TextStyleSpec } from '../spec/theme.ts';
import { MASTER_TOC } from './masters.ts';
import { glyphLine, setBlock } from './text.ts';

/** Slot values of text elements: "{title}" → values.title; "{word:contents}" → the theme's word. */
export type SlotValues = Readonly<Record<string, string | undefined>>;

/** The page an element list is drawn on: its size, number (null: unnumbered, laid out as a right-hand page), master and text area. */
type PageGeometry = Pick<Page, 'widthPt' | 'heightPt' | 'number' | 'master' | 'textArea'>;

/** Where an element's `on:` list applies: contents pages, article openers, every other numbered page. */
function masterGroup(master: string): 'contents' | 'opener' | 'body' {
  return master === MASTER_TOC ? 'contents' : master === 'opener' ? 'opener' : 'body';
}

/** True when the element belongs on this page. */
export function appliesTo(e: PageElement, page: PageGeometry): boolean {
  const even = page.number !== null && page.number % 2 === 0;
  if (e.side && e.side !== (even ? 'even' : 'odd')) return false;
  return !e.on || e.on.includes(masterGroup(page.master));
}

/** Fills "{slot}" patterns; `undefined` when the pattern has slots and every one of them is empty. */
export function fillSlots(pattern: string, values: SlotValues, theme: ResolvedTheme): string | undefined {
  let slots = 0;
  let filled = 0;
  const text = pattern.replace(/\{(word:)?([\w.]+)\}/g, (_m, word: string | undefined, k: string) => {
    slots++;
    const v = word ? (theme.words as unknown as Record<string, string>)[k] : values[k];
    if (v) filled++;
    return v ?? '';
  });
  return slots > 0 && filled === 0 ? undefined : text;
}

/** Gives the items drawn for one element their structure tags (content on the cover, artifacts elsewhere). */
export type TagElement = (e: PageElement, index: number, items: FrameItem[]) => FrameItem[];

/** The page's items for `elements`, in order. */
export function drawElements(elements: readonly PageElement[], page: PageGeometry, theme: ResolvedTheme, env: LayoutEnv, values: SlotValues, tag: TagElement = (_e, _i, items) => items): FrameItem[] {
  const a = page.textArea;
  const even = page.number !== null && page.number % 2 === 0;
  const names: Record<string, number> = {
    'page.width': page.widthPt,
    'page.height': page.heightPt,
    'text.left': a.x,
    'text.right': a.x + a.width,
    'text.top': a.y,
    'text.bottom': a.y + a.height,
    'text.width': a.width,
    'text.height': a.height,
    inner: even ? a.x + a.width : a.x,
    outer: even ? a.x : a.x + a.width,
    grid: theme.text.body?.leading ?? 0,
  };
  const X = (v: Length) => evalLength(parseLength(v), page.widthPt, names);
  const Y = (v: Length) => evalLength(parseLength(v), page.heightPt, names);
  const all: FrameItem[] = [];
  for (const [index, e] of elements.entries()) {
    if (!appliesTo(e, page)) continue;
    const items: FrameItem[] = [];
    switch (e.type) {
      case 'rect':
        items.push({ kind: 'rect', x: X(e.x), y: Y(e.y), width: X(e.width), height: Y(e.height), fill: e.fill, stroke: e.stroke, strokeWidthPt: e.strokeWidth });
        break;
      case 'rule':
        items.push({ kind: 'rule', x1: X(e.x1), y1: Y(e.y1), x2: X(e.x2), y2: Y(e.y2), color: e.color, widthPt: e.width });
        break;
      case 'image': {
        const box = { x: X(e.x), y: Y(e.y), width: X(e.width), height: Y(e.height) };
        if (e.svg) items.push({ kind: 'svg', ...box, svg: e.svg, alt: '' });
        else if (e.png) items.push({ kind: 'image', ...box, png: e.png, alt: '' });
        break;
      }
      case 'text': {
        const style = theme.text[e.style];
        const text = fillSlots(e.text, values, theme);
        const top = e.y !== undefined ? Y(e.y) : Y(e.baseline!);
        if (!style || text === undefined) {
          if (e.id) Object.assign(names, { [`${e.id}.top`]: top, [`${e.id}.bottom`]: top, [`${e.id}.baseline`]: top });
          break;
        }
        const set = textElement(text, style, e, X, top, even, env);
        items.push(...set.items);
        if (e.id) Object.assign(names, { [`${e.id}.top`]: set.top, [`${e.id}.bottom`]: set.bottom, [`${e.id}.baseline`]: set.baseline });
        break;
      }
    }
    all.push(...tag(e, index, items));
  }
  return all;
}

/** One text element: a block broken at `width` when it has one, else a single line; aligned at x. */
function textElement(
  text: string,
  base: TextStyleSpec,
  e: Extract<PageElement, { type: 'text' }>,
  X: (v: Length) => number,
  y: number,
  even: boolean,
  env: LayoutEnv,
): { items: FrameItem[]; top: number; bottom: number; baseline: number } {
  const side = e.align === 'outer' ? (even ? 'left' : 'right') : e.align === 'inner' ? (even ? 'right' : 'left') : e.align ?? 'left';
  const style: TextStyleSpec = { ...base, color: e.color ?? base.color };
  const x = X(e.x);
  if (e.width === undefined || e.baseline !== undefined) {
    const baseline = e.baseline !== undefined ? y : y + style.leading * 0.75;
    const line = glyphLine(text, style, env, x, baseline, side === 'right' ? 'right' : 'left');
    const width = line.reduce((w, it) => w + (it.kind === 'glyphs' ? it.widthPt : 0), 0);
    const shifted = side === 'center' ? line.map((it) => (it.kind === 'glyphs' ? { ...it, x: it.x - width / 2 } : it)) : line;
    return { items: shifted, top: baseline - style.size, bottom: baseline + style.leading - style.size, baseline };
  }
  const width = X(e.width);
  const left = side === 'right' ? x - width : side === 'center' ? x - width / 2 : x;
  const set = setBlock(text, { ...style, align: side }, env, left, y, width, style.color);
  return { items: set.items, top: y, bottom: y + set.heightPt, baseline: set.lastBaseline };
}
