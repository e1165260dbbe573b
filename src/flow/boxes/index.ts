/**
 * Block composers: a styled non-text Block + a width → a Box of frame items relative to its top-left corner.
 *
 * In: Block (not paragraph/heading), width in points, LayoutEnv (fonts, breakLines, optional gridPt).
 * Out: Box { widthPt, heightPt (drawn height), items, spaceBeforePt/spaceAfterPt (outer spacing, grid-rounded),
 * footnoteIds }, or for tables a ComposedTable split by rows. Every glyph item carries the block's source.
 * Never paginates, never looks at the page: flow/ places the boxes.
 */
import type { Block } from '../../style/types.ts';
import { assertNever } from '../../util/assertNever.ts';
import type { Pt } from '../../util/geometry.ts';
import type { Box, LayoutEnv } from '../types.ts';
import { composeTable } from './composeTable.ts';
import { composeChart, composeImage, composeSignature } from './figures.ts';
import { composeFacts, composeKeyFigure, composeList, composeQuote, composeVideo } from './panels.ts';

export { composeTable };

/** Composes one box-like block at `widthPt`; paragraphs, headings and tables are rejected (flow sets those). */
export function composeBlock(block: Block, widthPt: Pt, env: LayoutEnv): Box {
  switch (block.kind) {
    case 'facts':
      return composeFacts(block, widthPt, env);
    case 'keyFigure':
      return composeKeyFigure(block, widthPt, env);
    case 'quote':
      return composeQuote(block, widthPt, env);
    case 'list':
      return composeList(block, widthPt, env);
    case 'video':
      return composeVideo(block, widthPt, env);
    case 'chart':
      return composeChart(block, widthPt, env);
    case 'image':
      return composeImage(block, widthPt, env);
    case 'signature':
      return composeSignature(block, widthPt, env);
    case 'paragraph':
    case 'heading':
    case 'table':
      throw new Error(`composeBlock: "${block.kind}" blocks are set by flow (use breakLines or composeTable)`);
    default:
      return assertNever(block, 'block kind');
  }
}
