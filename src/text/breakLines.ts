import type { DiagnosticSink } from '../diag/sink.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { BreakLinesFn } from '../flow/types.ts';
import type { ParagraphSpec } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';
import { firstFit } from './firstFit.ts';
import { itemize, type WordItems } from './itemize.ts';
import { knuthPlass, RAGGED_STRETCH_EM } from './knuthPlass.ts';
import { overfullLine, wordTooWide } from './messages.ts';
import { setLines } from './setLines.ts';
import { segmentByFont } from '../fonts/fallback.ts';
import type { Hyphenator, Line } from './types.ts';

/** Options of the line breaker; `algorithm` exists so tests and the typographic report can compare both. */
export interface LineBreakerOptions {
  readonly fonts: FontStore;
  readonly hyphenator: Hyphenator;
  readonly diag?: DiagnosticSink;
  readonly algorithm?: 'knuth-plass' | 'first-fit';
}

/**
 * Itemized words per (fonts, hyphenator), kept for the process: a rebuild after an edit re-itemizes only the
 * words it has not seen (both keys are themselves reused per process, see createFontStore/createHyphenator).
 */
const wordCaches = new WeakMap<FontStore, WeakMap<Hyphenator, Map<string, WordItems>>>();

function wordCache(fonts: FontStore, hyphenator: Hyphenator): Map<string, WordItems> {
  let byHyph = wordCaches.get(fonts);
  if (!byHyph) wordCaches.set(fonts, (byHyph = new WeakMap()));
  let cache = byHyph.get(hyphenator);
  if (!cache) byHyph.set(hyphenator, (cache = new Map()));
  return cache;
}

/** Creates the report's BreakLinesFn: itemize → Knuth–Plass (first-fit fallback) → set lines; warns via diag. */
export function createLineBreaker(opts: LineBreakerOptions): BreakLinesFn {
  const cache = wordCache(opts.fonts, opts.hyphenator);
  // Flow reruns (TOC passes, column balancing) ask again for the same paragraph object at the same width.
  const memo = new WeakMap<ParagraphSpec, Map<Pt, readonly Line[]>>();
  return (para: ParagraphSpec, widthPt: Pt): readonly Line[] => {
    let byWidth = memo.get(para);
    if (!byWidth) {
      byWidth = new Map();
      memo.set(para, byWidth);
    }
    let lines = byWidth.get(widthPt);
    if (!lines) {
      lines = breakParagraph(para, widthPt, opts, cache);
      byWidth.set(widthPt, lines);
    }
    return lines;
  };
}

/** One paragraph: itemize, Knuth–Plass (first-fit when no pass succeeds), set the lines, warn about problems. */
function breakParagraph(styled: ParagraphSpec, widthPt: Pt, opts: LineBreakerOptions, cache: Map<string, WordItems>): readonly Line[] {
  if (styled.runs.every((r) => r.text.trim() === '')) return [];
  const para = withFallbackFonts(styled, opts.fonts);
  const ragged = para.align !== 'justify';
  const { items, emergencyWords } = itemize(para, { fonts: opts.fonts, hyphenator: opts.hyphenator, widthPt, ragged, cache });
  for (const w of emergencyWords) opts.diag?.push(wordTooWide(w, widthPt, para.source));
  const size = para.runs[0]?.sizePt ?? 10;
  const breaks =
    (opts.algorithm !== 'first-fit' && knuthPlass(items, widthPt, { rightStretch: ragged ? RAGGED_STRETCH_EM * size : 0 })) ||
    firstFit(items, widthPt);
  const lines = setLines(items, breaks, para, widthPt, opts.fonts);
  for (const l of lines) {
    if (!l.overfull) continue;
    const excess = l.widthPt - (widthPt - (l === lines[0] ? Math.max(0, para.firstLineIndentPt) : 0));
    opts.diag?.push(overfullLine(l.runs.map((r) => r.text).join(''), excess, para.source));
  }
  return lines;
}

/** Runs split where their face lacks a character, the pieces set in the fallback face that has it (fonts/fallback.ts). */
function withFallbackFonts(para: ParagraphSpec, fonts: FontStore): ParagraphSpec {
  let changed = false;
  const runs = para.runs.flatMap((r) => {
    const segments = segmentByFont(r.text, r.font, fonts);
    if (segments.length === 1 && segments[0]!.font === r.font) return [r];
    changed = true;
    return segments.map((s) => ({ ...r, text: s.text, font: s.font }));
  });
  return changed ? { ...para, runs } : para;
}
