import type { DiagnosticSink } from '../diag/sink.ts';
import type { SourceSpan } from '../diag/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { BreakLinesFn } from '../flow/types.ts';
import type { ParagraphSpec } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';
import { firstFit } from './firstFit.ts';
import { itemize, type WordCache } from './itemize.ts';
import { knuthPlass, RAGGED_STRETCH_EM } from './knuthPlass.ts';
import { overfullLine, wordHyphenatedToFit, wordTooWide } from './messages.ts';
import { balanceBreaks } from './balance.ts';
import { setLines } from './setLines.ts';
import { segmentByFont } from '../fonts/fallback.ts';
import type { Hyphenator, Line } from './types.ts';
import type { LineDiskCache } from './lineCache.ts';
import { bytesHash } from '../util/diskCache.ts';

/** Options of the line breaker; `algorithm` exists so tests and the typographic report can compare both. */
export interface LineBreakerOptions {
  readonly fonts: FontStore;
  readonly hyphenator: Hyphenator;
  readonly diag?: DiagnosticSink;
  readonly algorithm?: 'knuth-plass' | 'first-fit';
  /** Narrows a paragraph's span to where a word is written in it (diag/narrowSpan), for TEXT001 at the word. */
  readonly locate?: (span: SourceSpan, word: string) => SourceSpan;
}

/** Session caches of the breaker (build context `words` and `lines`); absent: a fresh memory per breaker. */
export interface LineBreakerCaches {
  readonly words: Map<string, WordCache>;
  readonly lines: Map<string, BrokenParagraph>;
  /** Broken paragraphs on disk (lineCache.ts), for the next process; asked after memory. */
  readonly disk?: LineDiskCache;
}

/** A broken paragraph as cached: its lines and the warnings to repeat, without the paragraph's source position. */
export interface BrokenParagraph {
  readonly lines: readonly Line[];
  readonly tooWide: readonly string[];
  /** Words wider than the measure that were hyphenated where the style or their place would not. */
  readonly forced?: readonly string[];
  readonly overfull: readonly { readonly text: string; readonly excess: Pt }[];
}

/**
 * The content key of a paragraph at a measure: every field that decides its lines (text, styles, alignment,
 * leading, hyphenation, indent) and the width, but not its source position, so an unchanged paragraph that moved
 * in its file (or to another file) is not broken again; its warnings are repeated at its new position.
 */
function paragraphKey(para: ParagraphSpec, widthPt: Pt): string {
  const runs = para.runs.map((r) => [r.text, r.font, r.sizePt, r.color, r.features, r.link, r.footnoteId, r.risePt, r.passage]);
  return JSON.stringify([runs, para.align, para.leadingPt, para.hyphenate, para.firstLineIndentPt, para.lang, para.balance ?? false, widthPt]);
}

/**
 * Creates the report's BreakLinesFn: itemize → Knuth–Plass (first-fit fallback) → set lines; warns via diag.
 * Lines are cached by content (paragraphKey) per font files, hyphenator and algorithm: in memory (the session) and,
 * with `caches.disk`, on disk for the next process.
 */
export function createLineBreaker(opts: LineBreakerOptions, caches?: LineBreakerCaches): BreakLinesFn {
  // Which fonts (by their bytes), hyphenator and algorithm made the lines: part of every key.
  const scope = JSON.stringify([opts.fonts.hashes ?? null, opts.hyphenator.id ?? null, opts.algorithm ?? 'knuth-plass']);
  // A breaker without fonts' hashes or a hyphenator id (test fakes) keeps its words and lines to itself.
  const shared = caches && opts.fonts.hashes && opts.hyphenator.id !== undefined ? caches : undefined;
  const words = shared?.words ?? new Map<string, WordCache>();
  let cache = words.get(scope);
  if (!cache) words.set(scope, (cache = new Map()));
  const wordCache = cache;
  const local = shared?.lines ?? new Map<string, BrokenParagraph>();
  // The session's map holds every scope's paragraphs: each key starts with the scope's digest, not the scope itself
  // (≈ 1 KB of font hashes that every lookup would copy and hash again: 2,310 lookups in the 10× document).
  const scopeId = bytesHash(scope);
  // Flow asks again for the same paragraph object at the same width (TOC passes, balancing): skip building its key.
  const seen = new WeakMap<ParagraphSpec, Map<Pt, BrokenParagraph>>();
  return (para: ParagraphSpec, widthPt: Pt): readonly Line[] => {
    let byWidth = seen.get(para);
    if (!byWidth) seen.set(para, (byWidth = new Map()));
    let broken = byWidth.get(widthPt);
    if (!broken) {
      const content = paragraphKey(para, widthPt);
      const key = `${scopeId}\u0000${content}`;
      broken = local.get(key);
      if (!broken) {
        broken = shared?.disk?.get(scope, content);
        if (!broken) {
          broken = breakParagraph(para, widthPt, opts, wordCache);
          shared?.disk?.set(scope, content, broken);
        }
        local.set(key, broken);
      }
      byWidth.set(widthPt, broken);
    }
    const at = (w: string) => (para.source && opts.locate ? opts.locate(para.source, w) : para.source);
    for (const w of broken.tooWide) opts.diag?.push(wordTooWide(w, widthPt, at(w)));
    for (const w of broken.forced ?? []) opts.diag?.push(wordHyphenatedToFit(w, widthPt, at(w)));
    for (const o of broken.overfull) opts.diag?.push(overfullLine(o.text, o.excess, para.source));
    return broken.lines;
  };
}

/** One paragraph: itemize, Knuth–Plass (first-fit when no pass succeeds), set the lines, warn about problems. */
function breakParagraph(styled: ParagraphSpec, widthPt: Pt, opts: LineBreakerOptions, cache: WordCache): BrokenParagraph {
  if (styled.runs.every((r) => r.text.trim() === '')) return { lines: [], tooWide: [], overfull: [] };
  const para = withFallbackFonts(styled, opts.fonts);
  const ragged = para.align !== 'justify';
  const { items, emergencyWords, forcedWords } = itemize(para, { fonts: opts.fonts, hyphenator: opts.hyphenator, widthPt, ragged, cache });
  const size = para.runs[0]?.sizePt ?? 10;
  const rightStretch = ragged ? RAGGED_STRETCH_EM * size : 0;
  const found = (opts.algorithm !== 'first-fit' && knuthPlass(items, widthPt, { rightStretch })) || firstFit(items, widthPt);
  const breaks = para.balance && ragged ? balanceBreaks(items, found, widthPt, rightStretch) : found;
  const lines = setLines(items, breaks, para, widthPt, opts.fonts);
  const overfull: { text: string; excess: Pt }[] = [];
  for (const l of lines) {
    if (!l.overfull) continue;
    const excess = l.widthPt - (widthPt - (l === lines[0] ? Math.max(0, para.firstLineIndentPt) : 0));
    overfull.push({ text: l.runs.map((r) => r.text).join(''), excess });
  }
  // `forced` only when there are some: the cached form stays the same for every other paragraph
  return { lines, tooWide: emergencyWords, ...(forcedWords.length && { forced: forcedWords }), overfull };
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
