import type { FrameItem } from '../../model/types.ts';
import type { Block, BoxStyle } from '../../style/types.ts';
import type { Pt } from '../../util/geometry.ts';
import type { Box, LayoutEnv } from '../types.ts';
import { asArtifact, content, isContent, within } from '../../model/tags.ts';
import { finishBox, naturalWidth, node, placePara, runItem, shiftItems, snapUp, tagPara, type PlacedPara } from './place.ts';
import { qrSvg, urlPieces } from './qr.ts';

/** Gap under a box title (about a third of a 9.5pt title's leading). */
const TITLE_GAP_PT = 4;
/** Gap between rows and list items: tight, the leading already separates them. */
const ROW_GAP_PT = 2;
/** Gap between a label and its right-aligned value. */
const COLUMN_GAP_PT = 8;
/** A value column never takes more than this share of the inner width; longer values wrap. */
const MAX_VALUE_SHARE = 0.45;
/** A key figure sits beside its text when it takes at most this share of the inner width. */
const KEY_BESIDE_SHARE = 0.42;
/** Gap between the key figure and the text beside it. */
const KEY_GAP_PT = 10;
/** Gap between a quote and its attribution. */
const QUOTE_BY_GAP_PT = 4;
/** Size of the drawn play symbol of a video box. */
const PLAY_ICON_PT = 12;
/** Gap between the play symbol and the label. */
const PLAY_GAP_PT = 7;
/**
 * Side of a video's QR code including its quiet zone: about 19 mm, so a module is about 0.45 mm for a link of up to
 * about 60 characters (version 4–5 at level M), well above the 0.33 mm phone cameras read from paper.
 */
const QR_PT = 54;
/** Gap between the text and the QR code, and between the label and the printed URL. */
const QR_GAP_PT = 10;
const URL_GAP_PT = 2;

type Of<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Inner area of a box style at a width. */
function inner(box: BoxStyle, widthPt: Pt): { x: Pt; y: Pt; w: Pt } {
  return { x: box.padding.left, y: box.padding.top, w: Math.max(1, widthPt - box.padding.left - box.padding.right) };
}

/** Fill, outline and left bar of a box of the given height, drawn under the content. */
function decoration(box: BoxStyle, widthPt: Pt, heightPt: Pt): FrameItem[] {
  const out: FrameItem[] = [];
  if (box.fill || box.stroke) {
    out.push({
      kind: 'rect', x: 0, y: 0, width: widthPt, height: heightPt,
      ...(box.fill ? { fill: box.fill } : {}), ...(box.stroke ? { stroke: box.stroke, strokeWidthPt: box.strokeWidthPt ?? 0.5 } : {}),
    });
  }
  if (box.barColor) out.push({ kind: 'rect', x: 0, y: 0, width: box.barWidthPt ?? 3, height: heightPt, fill: box.barColor });
  return out;
}

/**
 * Wraps content parts into a decorated box: height = content + bottom padding. A filled or outlined panel grows
 * to the baseline grid itself (content centred in the extra room), so the rounding is inside the tint instead of
 * an empty band under it, and the next heading sits one line below the box, not up to two.
 */
function panel(box: BoxStyle, widthPt: Pt, contentBottom: Pt, parts: readonly PlacedPara[], extra: FrameItem[], env: LayoutEnv, source: Block['source']): Box {
  const natural = contentBottom + box.padding.bottom;
  const visible = Boolean(box.fill || box.stroke);
  const heightPt = visible ? snapUp(box.spaceBeforePt + natural + box.spaceAfterPt, env.gridPt) - box.spaceBeforePt - box.spaceAfterPt : natural;
  const content = shiftItems([...extra, ...parts.flatMap((p) => p.items)], 0, (heightPt - natural) / 2);
  const items = [...decoration(box, widthPt, heightPt), ...content];
  return finishBox(widthPt, heightPt, items, box, env, source, [...new Set(parts.flatMap((p) => p.footnoteIds))]);
}

/** Tinted box with a bar: title, then label left / value right on one row per item. */
export function composeFacts(b: Of<'facts'>, widthPt: Pt, env: LayoutEnv): Box {
  const { x, y: top, w } = inner(b.box, widthPt);
  const title = tagPara(placePara(b.title, x, top, w, env, b.source), node('H3', 't'), 0);
  const parts: PlacedPara[] = [title];
  let y = top + title.heightPt + TITLE_GAP_PT;
  for (const [i, it] of b.items.entries()) {
    if (i > 0) y += ROW_GAP_PT;
    const valueW = Math.min(naturalWidth(it.value, env) + 0.5, w * MAX_VALUE_SHARE);
    // one P per row: label, then value
    const row = node('P', `r${i}`);
    const label = tagPara(placePara(it.label, x, y, w - valueW - COLUMN_GAP_PT, env, b.source), row, i + 1, 0);
    // Align the first baselines when label and value use different leadings.
    const probe = env.breakLines(it.value, valueW)[0];
    const dy = probe && label.lines[0] ? label.lines[0].ascentPt - probe.ascentPt : 0;
    const value = tagPara(placePara(it.value, x + w - valueW, y + Math.max(0, dy), valueW, env, b.source), row, i + 1, 1);
    parts.push(label, value);
    y = Math.max(y + label.heightPt, y + Math.max(0, dy) + value.heightPt);
  }
  return panel(b.box, widthPt, y, parts, [], env, b.source);
}

/** Left bar, big number and its text beside it (last baselines aligned) when the number is short, else below it. */
export function composeKeyFigure(b: Of<'keyFigure'>, widthPt: Pt, env: LayoutEnv): Box {
  const { x, y: top, w } = inner(b.box, widthPt);
  const valueW = naturalWidth(b.value, env) + 0.5;
  // the number is the box's heading, its text a paragraph under it
  const asValue = (p: PlacedPara) => tagPara(p, node('H3', 'v'), 0);
  const asText = (p: PlacedPara) => tagPara(p, node('P', 't'), 1);
  if (valueW <= w * KEY_BESIDE_SHARE) {
    const value = asValue(placePara(b.value, x, top, valueW, env, b.source));
    const textX = x + valueW + KEY_GAP_PT;
    const textW = w - valueW - KEY_GAP_PT;
    const probe = placePara(b.text, textX, top, textW, env, b.source);
    // Baseline-align the text's last line with the number (clamped so it never rises above the padding).
    const last = probe.lines[probe.lines.length - 1];
    const valueBase = value.lines[0]?.ascentPt ?? 0;
    const dy = last ? Math.max(0, valueBase - (probe.heightPt - last.heightPt + last.ascentPt)) : 0;
    const text = asText(dy > 0 ? placePara(b.text, textX, top + dy, textW, env, b.source) : probe);
    return panel(b.box, widthPt, top + Math.max(value.heightPt, dy + text.heightPt), [value, text], [], env, b.source);
  }
  const value = asValue(placePara(b.value, x, top, w, env, b.source));
  const text = asText(placePara(b.text, x, top + value.heightPt, w, env, b.source));
  return panel(b.box, widthPt, top + value.heightPt + text.heightPt, [value, text], [], env, b.source);
}

/** Quote text beside a bar, attribution below. */
export function composeQuote(b: Of<'quote'>, widthPt: Pt, env: LayoutEnv): Box {
  const { x, y: top, w } = inner(b.box, widthPt);
  const text = tagPara(placePara(b.text, x, top, w, env, b.source), node('P', 'q'), 0);
  let y = top + text.heightPt;
  const parts = [text];
  if (b.by) {
    const by = tagPara(placePara(b.by, x, y + QUOTE_BY_GAP_PT, w, env, b.source), node('P', 'by'), 1);
    parts.push(by);
    y += QUOTE_BY_GAP_PT + by.heightPt;
  }
  return panel(b.box, widthPt, y, parts, [], env, b.source);
}

/** Tinted box: optional title, then items with hanging markers ("1.", "•"). */
export function composeList(b: Of<'list'>, widthPt: Pt, env: LayoutEnv): Box {
  const { x, y: top, w } = inner(b.box, widthPt);
  const parts: PlacedPara[] = [];
  const markers: FrameItem[] = [];
  let y = top;
  if (b.title) {
    const title = tagPara(placePara(b.title, x, y, w, env, b.source), node('Caption', 't'), 0);
    parts.push(title);
    y += title.heightPt + TITLE_GAP_PT;
  }
  for (const [i, item] of b.items.entries()) {
    if (i > 0) y += ROW_GAP_PT;
    const li = node('LI', `i${i}`);
    const p = tagPara(placePara(item, x + b.indentPt, y, w - b.indentPt, env, b.source), [li, node('LBody', 'b')], i + 1, 1);
    const marker = b.markers[i];
    if (marker && p.lines[0]) markers.push(...within([runItem(marker, x, y + p.lines[0].ascentPt, env, b.source)], content([li, node('Lbl', 'l')], [i + 1, 0])));
    parts.push(p);
    y += p.heightPt;
  }
  return panel(b.box, widthPt, y, parts, markers, env, b.source);
}

/**
 * Outlined box: a drawn play symbol, the linked label, the URL printed under it and a QR code of the URL at the
 * right, so the video can be found from paper; on screen the whole box is one link area (print has no links).
 * The QR code is an artifact, not a Figure: the URL beside it is real text in the Link element that a screen
 * reader reads, and the code says nothing more.
 */
export function composeVideo(b: Of<'video'>, widthPt: Pt, env: LayoutEnv): Box {
  const { x, y: top, w } = inner(b.box, widthPt);
  const textX = x + PLAY_ICON_PT + PLAY_GAP_PT;
  const textW = Math.max(1, w - PLAY_ICON_PT - PLAY_GAP_PT - QR_PT - QR_GAP_PT);
  const label = placePara(b.label, textX, top, textW, env, b.source);
  const first = label.lines[0];
  const iconTop = top + (first ? Math.max(0, (first.heightPt - PLAY_ICON_PT) / 2) : 0);
  const color = b.label.runs[0]?.color ?? '#000000';
  // The printed URL, broken only after / - . ? (never inside a word, never with a hyphen added).
  let y = top + label.heightPt + URL_GAP_PT;
  const urlItems: FrameItem[] = [];
  const run = b.urlPara.runs[0]!;
  for (const text of urlLines(run, textW, env)) {
    const line = placePara({ ...b.urlPara, runs: [{ ...run, text }] }, textX, y, textW, env, b.source);
    urlItems.push(...line.items);
    y += line.heightPt;
  }
  const bottom = Math.max(y, top + QR_PT, iconTop + PLAY_ICON_PT);
  const heightPt = bottom + b.box.padding.bottom;
  const icon = asArtifact([{ kind: 'svg', x, y: iconTop, width: PLAY_ICON_PT, height: PLAY_ICON_PT, svg: playIcon(color), alt: '' }], 'Layout');
  const qr = asArtifact([{ kind: 'svg', x: x + w - QR_PT, y: top, width: QR_PT, height: QR_PT, svg: qrSvg(b.url, run.color, env.qrCodes), alt: '' }], 'Layout');
  const title = b.label.runs.map((r) => r.text).join('');
  const area: FrameItem = { kind: 'link', x: 0, y: 0, width: widthPt, height: heightPt, url: b.url, label: title, tag: content([node('Link', 'a')], [1]) };
  // the label, the printed URL and the box's link area are one Link element naming the video (the linked runs
  // give way to the area: one annotation); the URL reads after the label
  const unlinked = (items: readonly FrameItem[], order?: number) =>
    items.map((i) => {
      if (i.kind !== 'glyphs') return i;
      const { link: _own, ...glyphs } = i;
      if (order !== undefined) return { ...glyphs, tag: content([], [order]) };
      // a passage in another language stays a Span (with its /Lang) inside the box's Link
      return isContent(glyphs.tag) ? { ...glyphs, tag: content(glyphs.tag.path.filter((n) => n.role !== 'Link'), glyphs.tag.order) } : glyphs;
    });
  const textItems = within([...unlinked(label.items), ...unlinked(urlItems, URL_ORDER)], content([node('Link', 'a')], [0]));
  const items = [...decoration(b.box, widthPt, heightPt), ...icon, ...textItems, ...qr, area];
  return finishBox(widthPt, heightPt, items, b.box, env, b.source, label.footnoteIds);
}

/** Content order of the printed URL inside the Link element: after every run of the label. */
const URL_ORDER = 1_000_000;

/** The printed URL in lines of at most `widthPt`, filled greedily with urlPieces (a piece wider than that gets a line). */
function urlLines(run: { text: string; font: string; sizePt: Pt; features: readonly string[] }, widthPt: Pt, env: LayoutEnv): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of urlPieces(run.text)) {
    if (line && env.fonts.measure(line + piece, run.font, run.sizePt, run.features) > widthPt) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  if (line) lines.push(line);
  return lines;
}

/** A filled circle with a white play triangle, as vector SVG (no font needs a ▶ glyph). */
export function playIcon(color: string): string {
  const s = PLAY_ICON_PT;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 12 12">` +
    `<circle cx="6" cy="6" r="6" fill="${color}"/><path d="M4.6 3.4L8.9 6L4.6 8.6Z" fill="#ffffff"/></svg>`
  );
}
