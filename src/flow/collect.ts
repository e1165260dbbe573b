import { blockTag, headingAnchor, noteTag } from './structure.ts';
import { tableItems } from './tables.ts';
import { EPS } from './geometry.ts';
import type { ComposeFns, FlowBlock, FlowItem, FlowLine, FootnoteBody, LayoutEnv } from './types.ts';
import type { Block, ParagraphSpec, StyledSection } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';
import { within } from '../model/tags.ts';

/** What collect needs to turn blocks into flow items. */
export interface CollectContext {
  readonly env: LayoutEnv;
  readonly compose: ComposeFns;
  readonly columnWidthPt: Pt;
  /** Text-area width, for full-width charts in multi-column sections. */
  readonly fullWidthPt: Pt;
  readonly columns: number;
  readonly gridPt: Pt;
  readonly tableContinued: string;
  /** Section id, for the names of heading anchors. */
  readonly sectionId?: string;
}

/** Breaks paragraphs into lines and composes boxes: Block[] → FlowItem[] (typst's collect step). */
export function collect(section: StyledSection, ctx: CollectContext): { items: FlowItem[]; notes: Map<string, FootnoteBody> } {
  const items: FlowItem[] = [];
  let order = 0;
  let para = 0;
  const nextOrder = () => order++;
  // first block (index; -1 = the opener's lead) that references each note: the Note follows it in the tree
  const noteAt = new Map<string, number>();
  const noted = (ids: readonly string[], at: number) => ids.forEach((id) => noteAt.has(id) || noteAt.set(id, at));
  noted(section.opener.lead?.runs.flatMap((r) => (r.footnoteId ? [r.footnoteId] : [])) ?? [], -1);
  for (const [b, block] of section.blocks.entries()) {
    const start = items.length;
    if (block.kind === 'paragraph' || block.kind === 'heading') {
      items.push(...paragraphLines(block.para, block, para++, { ...ctx, sectionId: section.id }, nextOrder, blockTag(block.kind, b, block.lang), b));
    } else if (block.kind === 'table') {
      items.push(...tableItems(block, ctx.columnWidthPt, ctx.env, ctx.compose, ctx.tableContinued, nextOrder, b));
    } else {
      // a signature never starts a page alone: the text before it keeps with it
      const last = items[items.length - 1];
      if (block.kind === 'signature' && last) items[items.length - 1] = { ...last, keepWithNext: true };
      items.push(boxItem(block, ctx, nextOrder(), b));
    }
    for (const it of items.slice(start)) noted(it.footnotes, b);
  }
  const notes = new Map<string, FootnoteBody>();
  for (const [id, spec] of section.footnotes) {
    const lines = ctx.env.breakLines(spec, ctx.columnWidthPt);
    const struct = noteTag(section.id, id, noteAt.get(id) ?? section.blocks.length);
    notes.set(id, { id, anchor: `${section.id}^${id}`, lines, heightPt: lines.reduce((s, l) => s + l.heightPt, 0), struct });
  }
  return { items, notes };
}

type TextBlock = Extract<Block, { kind: 'paragraph' | 'heading' }>;

function paragraphLines(spec: ParagraphSpec, block: TextBlock, para: number, ctx: CollectContext, nextOrder: () => number, struct: FlowLine['struct'], blockIndex: number): FlowLine[] {
  const lines = ctx.env.breakLines(spec, ctx.columnWidthPt);
  const ratio = spec.leadingPt / ctx.gridPt;
  const offGrid = Math.abs(ratio - Math.round(ratio)) > EPS;
  return lines.map((line, index) => ({
    kind: 'line',
    line,
    para,
    index,
    count: lines.length,
    footnotes: line.runs.flatMap((r) => (r.footnoteId ? [r.footnoteId] : [])),
    spaceBeforePt: index === 0 ? block.spaceBeforePt : 0,
    spaceAfterPt: index === lines.length - 1 ? block.spaceAfterPt : 0,
    keepWithNext: block.kind === 'heading',
    snapBefore: index === 0,
    snapAfter: offGrid && index === lines.length - 1,
    order: nextOrder(),
    source: block.source,
    struct,
    ...(block.kind === 'paragraph' && { paragraphBlock: blockIndex }),
    // an editor's id names the heading's anchor (page references); else the block's own name (outline)
    ...(index === 0 && block.kind === 'heading' && { anchor: block.anchor ?? headingAnchor(ctx.sectionId, blockIndex) }),
  }));
}

function boxItem(block: Exclude<Block, TextBlock | { kind: 'table' }>, ctx: CollectContext, order: number, index: number): FlowBlock {
  const full = block.kind === 'chart' && block.size === 'full' && ctx.columns > 1;
  const widthPt = full ? ctx.fullWidthPt : ctx.columnWidthPt;
  const compose = () => ctx.compose.composeBlock(block, widthPt, ctx.env);
  // kept by content between layouts when flow has a section cache (sectionCache.ts)
  const composed = ctx.env.sections ? ctx.env.sections.box(block, widthPt, ctx.env.gridPt, compose) : compose();
  const box = { ...composed, items: within(composed.items, blockTag(block.kind, index, block.lang)) };
  const signature = block.kind === 'signature';
  // boxes that report their own (grid-rounded) spacing start right after it; others start on a grid line
  const own = box.spaceBeforePt !== undefined;
  return {
    kind: 'block',
    box,
    // a signature closes the text; everything else may float to the next column top
    float: !signature,
    span: full ? 'page' : 'column',
    spaceBeforePt: box.spaceBeforePt ?? (signature ? block.spaceBeforePt : block.box.spaceBeforePt),
    spaceAfterPt: box.spaceAfterPt ?? (signature ? 0 : block.box.spaceAfterPt),
    keepWithNext: false,
    snapBefore: !own,
    snapAfter: !own,
    footnotes: box.footnoteIds ?? [],
    order,
    ...((block.kind === 'chart' || block.kind === 'image') && block.anchor ? { anchor: block.anchor } : {}),
    source: block.source,
  };
}
