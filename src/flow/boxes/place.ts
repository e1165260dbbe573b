import type { SourceSpan } from '../../diag/types.ts';
import { content, node, within } from '../../model/tags.ts';
import type { FrameItem, StructNode } from '../../model/types.ts';
import type { ParagraphSpec, StyledRun } from '../../style/types.ts';
import type { Line } from '../../text/types.ts';
import type { Pt } from '../../util/geometry.ts';
import { lineItems, translateItem } from '../translate.ts';
import type { Box, LayoutEnv } from '../types.ts';

/** Tolerance for comparing lengths in points (float noise from summed advances). */
const EPS = 1e-6;

/** A paragraph set at a position inside a box. */
export interface PlacedPara {
  readonly items: FrameItem[];
  readonly lines: readonly Line[];
  readonly heightPt: Pt;
  readonly footnoteIds: string[];
}

/**
 * Breaks `para` at `widthPt` and stacks its lines with their top at (x, top). Right and centred lines are
 * moved to their edge here as well, so a breaker that only sets left-aligned lines still gives right-aligned
 * numbers. Glyph items carry `source`.
 */
export function placePara(para: ParagraphSpec, x: Pt, top: Pt, widthPt: Pt, env: LayoutEnv, source?: SourceSpan): PlacedPara {
  const lines = env.breakLines(para, Math.max(widthPt, 1));
  const items: FrameItem[] = [];
  const footnoteIds: string[] = [];
  let y = top;
  for (const [i, line] of lines.entries()) {
    const shift = alignShift(line, para.align, widthPt);
    for (const it of lineItems(line, x + shift, y, undefined, i)) items.push(it.kind === 'glyphs' && source ? { ...it, source } : it);
    for (const r of line.runs) if (r.footnoteId && !footnoteIds.includes(r.footnoteId)) footnoteIds.push(r.footnoteId);
    y += line.heightPt;
  }
  return { items, lines, heightPt: y - top, footnoteIds };
}

/** Extra x offset that puts a right/centre line at its edge (0 when the breaker already did). */
function alignShift(line: Line, align: ParagraphSpec['align'], widthPt: Pt): Pt {
  if (align !== 'right' && align !== 'center') return 0;
  const end = line.runs.reduce((m, r) => Math.max(m, r.xPt + r.widthPt), 0);
  const slack = widthPt - end;
  if (slack <= EPS) return 0;
  return align === 'right' ? slack : slack / 2;
}

/** Natural (unbroken) width of a paragraph's text, measured with the layout fonts. */
export function naturalWidth(para: ParagraphSpec, env: LayoutEnv): Pt {
  return para.runs.reduce((w, r) => w + runWidth(r, env), 0);
}

/** Advance width of one styled run. */
export function runWidth(r: StyledRun, env: LayoutEnv): Pt {
  return env.fonts.measure(r.text, r.font, r.sizePt, r.features);
}

/** A single run drawn with its baseline at y (list markers). */
export function runItem(r: StyledRun, x: Pt, baseline: Pt, env: LayoutEnv, source?: SourceSpan): FrameItem {
  return {
    kind: 'glyphs', x, y: baseline - (r.risePt ?? 0), text: r.text, font: r.font, sizePt: r.sizePt, color: r.color,
    features: r.features, wordSpacingPt: 0, widthPt: runWidth(r, env), ...(source ? { source } : {}),
  };
}

/** Rounds up to a multiple of the grid (no-op without a grid); tolerant of float noise. */
export function snapUp(h: Pt, gridPt?: Pt): Pt {
  if (!gridPt || gridPt <= 0) return h;
  return Math.ceil(h / gridPt - EPS) * gridPt;
}

/** Outer spacing of a box: the block's space before/after from the template. */
export interface Spacing {
  readonly spaceBeforePt: Pt;
  readonly spaceAfterPt: Pt;
}

/**
 * Finishes a box composed at the origin. heightPt is the drawn height (decoration included); the spacing is
 * reported in spaceBeforePt/spaceAfterPt, where spaceAfterPt also absorbs the grid rounding so that
 * spaceBeforePt + heightPt + spaceAfterPt is a multiple of env.gridPt and body text after the box stays on the grid.
 */
export function finishBox(
  widthPt: Pt, heightPt: Pt, items: readonly FrameItem[], spacing: Spacing, env: LayoutEnv, source?: SourceSpan, footnoteIds: readonly string[] = [],
): Box {
  const outer = snapUp(spacing.spaceBeforePt + heightPt + spacing.spaceAfterPt, env.gridPt);
  return {
    widthPt,
    heightPt,
    items,
    ...(source ? { source } : {}),
    spaceBeforePt: spacing.spaceBeforePt,
    spaceAfterPt: outer - spacing.spaceBeforePt - heightPt,
    ...(footnoteIds.length ? { footnoteIds } : {}),
  };
}

/** Moves items down by dy (stacking composed parts). */
export function shiftItems(items: readonly FrameItem[], dx: Pt, dy: Pt): FrameItem[] {
  return items.map((it) => translateItem(it, dx, dy));
}

/** A placed paragraph as (part of) structure element `el` at content position `order` within its block. */
export function tagPara(p: PlacedPara, el: StructNode | readonly StructNode[], ...order: number[]): PlacedPara {
  return { ...p, items: within(p.items, content(Array.isArray(el) ? el : [el as StructNode], order)) };
}

export { node };
