import type { FrameItem } from '../../model/types.ts';
import type { Block } from '../../style/types.ts';
import type { Pt } from '../../util/geometry.ts';
import type { Box, LayoutEnv } from '../types.ts';
import { asArtifact, content } from '../../model/tags.ts';
import { finishBox, node, placePara, tagPara, type PlacedPara } from './place.ts';

/** Gap between a graphic and its caption. */
const CAPTION_GAP_PT = 5;
/** Gap between a signatory's name and role: none, the leading separates them. */
const ROLE_GAP_PT = 0;

type Of<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Scale that fits a graphic of natural width `naturalPt` into `widthPt`; never enlarges (labels keep their size). */
export function fitScale(naturalPt: Pt, widthPt: Pt): number {
  return naturalPt > widthPt && naturalPt > 0 ? widthPt / naturalPt : 1;
}

/** The chart at its placed size, scaled down to fit the width, with the caption below. */
export function composeChart(b: Of<'chart'>, widthPt: Pt, env: LayoutEnv): Box {
  const k = fitScale(b.chart.widthPt, widthPt);
  const graphic: Extract<FrameItem, { kind: 'chart' }> = {
    kind: 'chart', x: 0, y: 0, width: b.chart.widthPt * k, height: b.chart.heightPt * k, chartId: b.chart.id, alt: b.chart.alt,
    tag: content([node('Figure', 'f', { alt: b.chart.alt })], [0]),
  };
  return withCaption(graphic, b.caption, widthPt, b, env);
}

/** The image at the full width (height from its aspect), with the caption below; SVG as vectors. */
export function composeImage(b: Of<'image'>, widthPt: Pt, env: LayoutEnv): Box {
  const at = { x: 0, y: 0, width: widthPt, height: widthPt * b.aspect, alt: b.alt };
  const drawn: Extract<FrameItem, { kind: 'svg' | 'image' }> =
    b.svg !== undefined
      ? { kind: 'svg', ...at, svg: b.svg, source: b.source }
      : { kind: 'image', ...at, png: b.png ?? new Uint8Array(), widthPx: b.widthPx, source: b.source };
  // an image without alt text is decoration (check reports content images that lack it)
  const graphic = b.alt.trim() ? { ...drawn, tag: content([node('Figure', 'f', { alt: b.alt })], [0]) } : asArtifact([drawn], 'Layout')[0]!;
  return withCaption(graphic, b.caption, widthPt, b, env);
}

function withCaption(graphic: Extract<FrameItem, { kind: 'chart' | 'image' | 'svg' }>, caption: Of<'chart'>['caption'], widthPt: Pt, b: Of<'chart'> | Of<'image'>, env: LayoutEnv): Box {
  let y = graphic.height;
  let cap: PlacedPara | undefined;
  if (caption) {
    cap = tagPara(placePara(caption, 0, y + CAPTION_GAP_PT, widthPt, env, b.source), node('Caption', 'c'), 1);
    y += CAPTION_GAP_PT + cap.heightPt;
  }
  return finishBox(widthPt, y, [graphic, ...(cap?.items ?? [])], b.box, env, b.source, cap?.footnoteIds);
}

/** Name over role, left-aligned; spacing above comes from the block, none below (it ends the text). */
export function composeSignature(b: Of<'signature'>, widthPt: Pt, env: LayoutEnv): Box {
  const name = tagPara(placePara(b.name, 0, 0, widthPt, env, b.source), node('P', 'n'), 0);
  const role = b.role ? tagPara(placePara(b.role, 0, name.heightPt + ROLE_GAP_PT, widthPt, env, b.source), node('P', 'r'), 1) : undefined;
  const heightPt = name.heightPt + (role ? ROLE_GAP_PT + role.heightPt : 0);
  const spacing = { spaceBeforePt: b.spaceBeforePt, spaceAfterPt: 0 };
  return finishBox(widthPt, heightPt, [...name.items, ...(role?.items ?? [])], spacing, env, b.source, [...name.footnoteIds, ...(role?.footnoteIds ?? [])]);
}
