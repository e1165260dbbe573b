/**
 * The front half's glyph check: every character of the bound texts must be drawable by some face of the template
 * (its own or a fallback, see fallback.ts). Runs before layout, so `check` refuses what `build` would otherwise draw
 * as .notdef. Right-to-left scripts are refused outright: without a bidi algorithm their words would come out in
 * the wrong order.
 */
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { narrowSpan } from '../diag/narrowSpan.ts';
import { describeGrapheme, uncovered } from './fallback.ts';
import type { FontStore } from './fontStore.ts';

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** A text with where it came from. */
export interface LocatedText {
  readonly text: string;
  readonly source: SourceSpan;
}

/**
 * One error per text that holds characters no face can draw (or right-to-left text), at the first of them.
 * `covered`: texts already found drawable by faces with the same bytes and fallbacks (build context
 * `coveredTexts`), so a rebuild checks only new text.
 */
export function checkCoverage(texts: Iterable<LocatedText>, fonts: FontStore, fileText: (file: string) => string | undefined, covered?: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of texts) {
    if (covered?.has(t.text)) continue;
    const rtl = RTL.exec(t.text);
    if (rtl) {
      out.push(messages.rightToLeft(describeGrapheme(rtl[0]), at(t, rtl[0], fileText)));
      continue;
    }
    const missing = uncovered(t.text, fonts);
    if (missing.length) out.push(messages.missingGlyphs(missing.map(describeGrapheme).join(', '), at(t, missing[0]!, fileText)));
    else covered?.add(t.text);
  }
  return out;
}

/** The span of the first occurrence of `g` in the source of `t` (exact when it is written there), else `t`'s span. */
function at(t: LocatedText, g: string, fileText: (file: string) => string | undefined): SourceSpan {
  return narrowSpan(t.source, g, fileText);
}

/**
 * Every BoundText-like value ({ text: string, source: span }) inside `value`, depth first. A plain recursion
 * into one array: a generator delegating through every level (yield*) cost each text once per level of depth.
 */
export function locatedTexts(value: unknown, seen = new Set<unknown>(), out: LocatedText[] = []): LocatedText[] {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const v = value as Record<string, unknown>;
  if (typeof v.text === 'string' && v.source && typeof v.source === 'object' && typeof (v.source as SourceSpan).line === 'number') out.push(v as unknown as LocatedText);
  for (const child of value instanceof Map ? value.values() : Object.values(v)) locatedTexts(child, seen, out);
  return out;
}
