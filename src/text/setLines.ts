import type { FontStore } from '../fonts/fontStore.ts';
import type { ParagraphSpec, StyledRun } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';
import { lineStart } from './firstFit.ts';
import { GLYPH_EXPANSION, INFINITY_PENALTY, type Item } from './itemize.ts';
import { EXPANSION_LIMIT, fitLine } from './justify.ts';
import { runWidth, spacedWidth } from './runWidth.ts';
import type { GlyphRun, Line } from './types.ts';

/** Share of the leading below the baseline: first baseline at 0.75 × leading from the line top (ascent = leading − descent). */
export const DESCENT_SHARE = 0.25;
/** Widths closer than this count as equal (floating-point sums of glyph advances). */
const EPSILON_PT = 0.01;

interface Segment {
  run: number;
  key: string;
  text: string;
  width: Pt;
  spaces: number;
}

const styleKey = (r: StyledRun): string =>
  `${r.font}|${r.sizePt}|${r.color}|${r.features.join(',')}|${r.link ?? ''}|${r.footnoteId ?? ''}|${r.risePt ?? 0}|${r.passage?.id ?? ''}`;

/** Items of one line merged into segments per style (spaces included, so text extraction gets real spaces). */
function segmentsOf(items: readonly Item[], from: number, to: number, keys: readonly string[]): Segment[] {
  const segs: Segment[] = [];
  for (let i = from; i < to; i++) {
    const it = items[i];
    if (it.kind === 'penalty' || it.run < 0) continue;
    const key = keys[it.run];
    let last = segs[segs.length - 1];
    if (!last || last.key !== key) {
      last = { run: it.run, key, text: '', width: 0, spaces: 0 };
      segs.push(last);
    }
    last.text += it.text;
    last.width += it.width;
    if (it.kind === 'glue') last.spaces++;
  }
  const brk = items[to];
  if (brk && brk.hyphen && segs.length > 0) {
    const last = segs[segs.length - 1];
    last.text += '-';
    last.width += brk.width;
  }
  return segs;
}

/** Turns chosen breakpoints into Lines: style runs, justification by word spacing, alignment offsets. */
export function setLines(items: readonly Item[], breaks: readonly number[], para: ParagraphSpec, widthPt: Pt, fonts: FontStore): Line[] {
  const lines: Line[] = [];
  const descent = para.leadingPt * DESCENT_SHARE;
  const keys = para.runs.map(styleKey);
  let from = 0;
  breaks.forEach((b, n) => {
    const last = n === breaks.length - 1;
    const indent = n === 0 && para.firstLineIndentPt > 0 ? para.firstLineIndentPt : 0;
    const segs = segmentsOf(items, from, b, keys);
    // Each run is drawn as one shaped string: its width includes kerning across spaces and before an added hyphen,
    // which the item sums used for breaking leave out.
    for (const g of segs) {
      const r = para.runs[g.run];
      g.width = runWidth(fonts, g.text, r.font, r.sizePt, r.features);
    }
    const available = widthPt - indent;
    const natural = segs.reduce((s, g) => s + g.width, 0);
    const spaces = segs.reduce((s, g) => s + g.spaces, 0);
    // The paragraph's end and a forced break (newline) are set with natural spaces.
    const forcedEnd = last || items[b].penalty <= -INFINITY_PENALTY;
    const justify = para.align === 'justify' && !forcedEnd && spaces > 0;
    // Any line too wide may still shrink its spaces (TeX: parfillskip only stretches; ragged lines can exceed by the
    // kerning the breaker did not see). Never past the glue's limit: an overfull line sticks out, words never collide.
    const shrinks = spaces > 0 && (justify || natural > available);
    let fit = { scale: 1, extraPt: 0, spaceRatio: 1 };
    if (shrinks) {
      // pdf/ draws these runs with word spacing: words shaped one by one, (space + extra) between them.
      const spaced = segs.map((g) => spacedWidth(fonts, g.text, para.runs[g.run].font, para.runs[g.run].sizePt, para.runs[g.run].features));
      const line = {
        words: spaced.reduce((s, w) => s + w.words, 0),
        spaces: spaced.reduce((s, w) => s + w.separators * w.space, 0),
        separators: spaced.reduce((s, w) => s + w.separators, 0),
      };
      fit = fitLine(line, available, { stretch: justify, expansion: para.align === 'justify' ? GLYPH_EXPANSION : 0 });
      segs.forEach((g, i) => (g.width = spaced[i].words + spaced[i].separators * spaced[i].space));
      segs.forEach((g, i) => (g.spaces = spaced[i].separators));
    }
    if (spaces === 0 && natural > available && natural > 0) {
      // A line without spaces (a piece of a word broken between characters) too wide by the kerning at its break, or
      // by the glyph shrink Knuth–Plass allowed a justified line: narrower glyphs, at most EXPANSION_LIMIT.
      const squeeze = available / natural;
      if (squeeze >= 1 - EXPANSION_LIMIT) fit = { scale: squeeze, extraPt: 0, spaceRatio: 1 };
    }
    const { scale, extraPt: extra } = fit;
    const width = segs.reduce((s, g) => s + (g.width + extra * g.spaces) * scale, 0);
    const offset = para.align === 'right' ? available - width : para.align === 'center' ? (available - width) / 2 : 0;
    let x = indent + Math.max(0, offset);
    const runs: GlyphRun[] = segs.map((g) => {
      const r = para.runs[g.run];
      const w = (g.width + extra * g.spaces) * scale;
      const run: GlyphRun = {
        text: g.text, xPt: x, widthPt: w, font: r.font, sizePt: r.sizePt, color: r.color, features: r.features,
        wordSpacingPt: extra,
        ...(r.link !== undefined && { link: r.link }),
        ...(r.footnoteId !== undefined && { footnoteId: r.footnoteId }),
        ...(r.risePt !== undefined && { risePt: r.risePt }),
        ...(r.passage && { passage: r.passage }),
        ...(scale !== 1 && { scale }),
      };
      x += w;
      return run;
    });
    lines.push({
      runs, widthPt: width, ascentPt: para.leadingPt - descent, descentPt: descent, heightPt: para.leadingPt,
      hyphenated: items[b]?.flagged === true,
      ...(justify && { spaceRatio: fit.spaceRatio }),
      overfull: width > available + EPSILON_PT,
      ...(!last && breakEnd(items[b]) && { end: breakEnd(items[b]) }),
    });
    from = lineStart(items, b);
  });
  return lines;
}

/** What a line break at `brk` takes from or adds to the text (see Line.end). */
function breakEnd(brk: Item | undefined): Line['end'] {
  if (!brk) return undefined;
  if (brk.kind === 'glue') return 'space';
  if (brk.kind === 'penalty' && brk.hyphen) return 'hyphen';
  if (brk.kind === 'penalty' && brk.penalty <= -INFINITY_PENALTY) return 'space';
  return undefined;
}
