import { asArtifact, content, node, within } from '../model/tags.ts';
import { blockTag } from './structure.ts';
import { translateItem } from './translate.ts';
import type { Box, ComposedTable, ComposeFns, FlowBlock, LayoutEnv } from './types.ts';
import type { Block, ParagraphSpec } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Stacks boxes vertically into one box (title over header, for the repeated header). */
export function stackBoxes(boxes: readonly (Box | undefined)[]): Box {
  let y = 0;
  let width = 0;
  const items = [];
  for (const b of boxes) {
    if (!b) continue;
    items.push(...b.items.map((it) => translateItem(it, 0, y)));
    y += b.heightPt;
    width = Math.max(width, b.widthPt);
  }
  return { widthPt: width, heightPt: y, items };
}

/** The title paragraph rewritten with the "continued" pattern ("{title} (vervolg)"), first run's style kept. */
export function continuedTitle(title: ParagraphSpec, pattern: string): ParagraphSpec {
  const text = title.runs.map((r) => r.text).join('');
  const first = title.runs[0];
  if (!first) return title;
  return { ...title, runs: [{ ...first, text: pattern.replace('{title}', text) }] };
}

/** Puts a box's items under `tag` (a part of the table's structure). */
function tagBox(box: Box, tag: ReturnType<typeof content>): Box {
  return { ...box, items: within(box.items, tag) };
}

/**
 * The table's structure: title → Caption, header → THead/TR (cells TH, tagged by the composer), rows →
 * TBody/TR, source line and note → Ps after the table; the repeated header and continued title are artifacts
 * (read once).
 */
function tagTable(t: ComposedTable, index: number, lang?: string): ComposedTable {
  const table = blockTag('table', index, lang);
  const part = (path: Parameters<typeof content>[0], ...order: number[]) => content([...table.path, ...path], [...table.order, ...order]);
  return {
    ...(t.title ? { title: tagBox(t.title, part([node('Caption', 'c')], 0)) } : {}),
    header: tagBox(t.header, part([node('THead', 'h'), node('TR', 'h')], 1)),
    rows: t.rows.map((r, i) => tagBox(r, part([node('TBody', 'b'), node('TR', `r${i}`)], 2, i))),
    ...(t.sourceLine ? { sourceLine: tagBox(t.sourceLine, content([node('P', `b${index}-source`)], [index, 3])) } : {}),
    // the note is the editor's text in the table's language; the source line starts with the template's word
    ...(t.note ? { note: tagBox(t.note, content([node('P', `b${index}-note`, lang ? { lang } : {})], [index, 4])) } : {}),
  };
}

/**
 * A table as flow blocks: title+header (kept with the first row), one block per row, the source line and note
 * kept with the last row; a short table (`keepWhole`) never breaks. Rows ≥ 1 carry the header to repeat (with the continued title) when they start a column.
 * `index` is the block's place in its section (structure order).
 */
export function tableItems(
  block: TableBlock,
  widthPt: Pt,
  env: LayoutEnv,
  compose: ComposeFns,
  continuedPattern: string,
  nextOrder: () => number,
  index = 0,
): FlowBlock[] {
  const t = tagTable(compose.composeTable(block, widthPt, env), index, block.lang);
  let repeat: Box = { ...t.header, items: asArtifact(t.header.items, 'Pagination') };
  if (block.title) {
    const cont = compose.composeTable({ ...block, title: continuedTitle(block.title, continuedPattern) }, widthPt, env);
    repeat = stackBoxes([cont.title, t.header]);
    repeat = { ...repeat, items: asArtifact(repeat.items, 'Pagination') };
  }
  const first = t.title ?? t.header;
  const parts: { box: Box; row?: number; before?: number }[] = [{ box: stackBoxes([t.title, t.header]), row: 0, before: first.spaceBeforePt }];
  t.rows.forEach((box, i) => parts.push({ box, row: i + 1 }));
  // the source line and the note travel together under the last row
  const tail = t.sourceLine || t.note ? stackBoxes([t.sourceLine, t.note]) : undefined;
  if (tail) parts.push({ box: { ...tail, spaceAfterPt: (t.note ?? t.sourceLine)!.spaceAfterPt } });
  let id = -1;
  return parts.map((p, i): FlowBlock => {
    const last = i === parts.length - 1;
    const order = nextOrder();
    if (i === 0) id = order;
    const table = p.row === undefined ? undefined : { id, row: p.row, rows: t.rows.length, ...(p.row >= 1 ? { repeat } : {}), ...(block.keepWhole ? { whole: true } : {}) };
    const group = p.row !== undefined && p.row >= 1 && block.rowKinds[p.row - 1]?.kind === 'group';
    return {
      kind: 'block',
      box: p.box,
      float: false,
      span: 'column',
      spaceBeforePt: i === 0 ? (p.before ?? block.box.spaceBeforePt) : 0,
      spaceAfterPt: last ? (p.box.spaceAfterPt ?? block.box.spaceAfterPt) : 0,
      footnotes: p.box.footnoteIds ?? [],
      // the header and a group row stay with the next row; the last row stays with the source line and note
      keepWithNext: i === 0 || group || (!!tail && i === parts.length - 2),
      snapBefore: i === 0 && p.before === undefined,
      snapAfter: last && p.box.spaceAfterPt === undefined,
      order,
      ...(i === 0 && block.anchor ? { anchor: block.anchor } : {}),
      source: block.source,
      ...(table ? { table } : {}),
    };
  });
}
