import { DEFAULT_FEATURES } from '../fonts/fontStore.ts';
import type { TextStyleSpec } from '../spec/theme.ts';
import type { Passage, StyledRun } from './types.ts';
import { applyTypography, type Typography } from './typography.ts';

/** Footnote marker size relative to the text (a common superscript ratio; TeX's \scriptsize at 10pt is 0.7). */
export const FOOTNOTE_SIZE_RATIO = 0.7;
/** Footnote marker baseline shift relative to the text size (keeps the marker below the cap height + leading). */
export const FOOTNOTE_RISE_RATIO = 0.33;

/** Gives a footnote's report-wide number (assigning the next one on first use), or undefined when it is unknown. */
export type FootnoteNumberer = (id: string) => number | undefined;

interface Format {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly link?: string;
  readonly passage?: Passage;
}

interface Ctx {
  readonly style: TextStyleSpec;
  readonly footnote: FootnoteNumberer;
  /** The style's features, shared by the paragraph's runs. */
  readonly features: readonly string[];
  readonly runs: StyledRun[];
  /** Inline passages numbered so far. */
  passages: number;
}

/** What inline parsing takes from its build: footnote numbers, and the build's typography rules (none: made for the call). */
export interface InlineEnv {
  readonly footnote?: FootnoteNumberer;
  readonly typography?: Typography;
}

const FOOTNOTE_REF = /^\[\^([^\]\s]+)\]/;
const LINK = /^\[([^\]]*)\]\(([^)\s]+)\)/;
/** The attribute after an inline passage's closing bracket: `[learning by doing]{lang=en}` (Pandoc's span syntax). */
const PASSAGE = /^\{lang=([^}\s]+)\}/;
/** What typography must not touch: a link's URL, a footnote id, a passage's attribute. */
const PROTECTED = /(\]\()([^)\s]+)(\))|(\[\^)([^\]\s]+)(\])|(\]\{)(lang=[^}\s]*)(\})/g;
/** http(s) and mailto links; "#id" links are page references (style/pageRefs.ts; "#section^note" a footnote), drawn as links inside the PDF. */
const SAFE_URL = /^(?:https?:\/\/|mailto:|#[\p{L}\p{N}_~^-]+$)/iu;
// Private-use characters stand in for URLs and footnote ids while typography runs, so "--" in a URL survives.
// The pair is chosen among those the text does not hold, so an author's own private-use characters stay theirs.
function maskPair(text: string): [string, string] {
  const free: string[] = [];
  for (let c = 0xe000; free.length < 2; c++) if (!text.includes(String.fromCharCode(c))) free.push(String.fromCharCode(c));
  return [free[0]!, free[1]!];
}

/** The style's features with kerning and ligatures always on. */
export function styleFeatures(style: TextStyleSpec): readonly string[] {
  return [...new Set([...DEFAULT_FEATURES, ...style.features])];
}

/**
 * Parses **bold**, *italic*, [label](url), [^id] and [text]{lang=en} into runs of `style`, after applying the
 * typography of the style's language. Bold inside italic (or the reverse) uses the bold face: templates declare no
 * bold-italic key. Only http(s) and mailto URLs become links; other targets keep their label as plain text.
 * An inline passage keeps the quotation marks of the text around it: it is part of a sentence in that language
 * (a whole block in another language, `lang:` on the block, takes its own); its runs carry the passage's language
 * for hyphenation and its Span.
 */
export function parseInline(text: string, style: TextStyleSpec, env: FootnoteNumberer | InlineEnv = {}): StyledRun[] {
  const { footnote = () => undefined, typography } = typeof env === 'function' ? { footnote: env } : env;
  const typeset = text.includes(']') ? typesetMasked(text, style, typography) : applyTypography(text, style.lang, typography);
  // one features list for the paragraph's runs (equal lists: the shaper's caches take a list by identity)
  const ctx: Ctx = { style, features: styleFeatures(style), footnote, runs: [], passages: 0 };
  parse(typeset, { bold: false, italic: false }, ctx);
  const runs = style.uppercase ? ctx.runs.map((r) => ({ ...r, text: r.text.toLocaleUpperCase(r.passage?.lang ?? style.lang) })) : ctx.runs;
  return mergeRuns(runs);
}

/** Typography on a text with URLs, footnote ids and passage attributes masked (each needs a "]": none, nothing to mask). */
function typesetMasked(text: string, style: TextStyleSpec, typography: Typography | undefined): string {
  const kept: string[] = [];
  const [open, close] = maskPair(text);
  const masked = text.replace(PROTECTED, (...m: string[]) => {
    const k = m[1] ? 1 : m[4] ? 4 : 7;
    kept.push(m[k + 1]!);
    return `${m[k]}${open}${kept.length - 1}${close}${m[k + 2]}`;
  });
  const mask = new RegExp(`${open}(\\d+)${close}`, 'g');
  return applyTypography(masked, style.lang, typography).replace(mask, (_m, n: string) => kept[Number(n)]!);
}

function parse(s: string, fmt: Format, ctx: Ctx): void {
  let buf = '';
  const flush = (): void => {
    if (buf) ctx.runs.push(textRun(buf, fmt, ctx.style, ctx.features));
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    // Markup starts only at "[", "*" or "\\": plain text up to the next of them goes to the run as it is.
    const plain = plainEnd(s, i);
    if (plain > i) {
      buf += s.slice(i, plain);
      i = plain;
      continue;
    }
    const rest = s.slice(i);
    const fn = FOOTNOTE_REF.exec(rest);
    const n = fn ? ctx.footnote(fn[1]) : undefined;
    if (fn && n !== undefined) {
      flush();
      const marker = markerRun(n, fn[1], ctx.style, ctx.features);
      ctx.runs.push(fmt.passage ? { ...marker, passage: fmt.passage } : marker);
      i += fn[0].length;
      continue;
    }
    const passage = fn ? null : passageAt(s, i);
    if (passage) {
      flush();
      const same = passage.lang.toLowerCase() === (fmt.passage?.lang ?? ctx.style.lang).toLowerCase();
      parse(passage.inner, same ? fmt : { ...fmt, passage: { lang: passage.lang, id: ctx.passages++ } }, ctx);
      i = passage.end;
      continue;
    }
    const link = fn ? null : LINK.exec(rest);
    if (link) {
      flush();
      parse(link[1], SAFE_URL.test(link[2]) ? { ...fmt, link: link[2] } : fmt, ctx);
      i += link[0].length;
      continue;
    }
    const close = emphasisEnd(s, i);
    if (close > 0) {
      flush();
      const strong = s.startsWith('**', i);
      const inner = s.slice(i + (strong ? 2 : 1), close);
      parse(inner, strong ? { ...fmt, bold: true } : { ...fmt, italic: true }, ctx);
      i = close + (strong ? 2 : 1);
      continue;
    }
    if (s[i] === '\\' && i + 1 < s.length && '*[]\\'.includes(s[i + 1])) i++;
    buf += s[i];
    i++;
  }
  flush();
}

/** End of the plain text from i: the index of the next "[", "*" or "\\" (or the end). */
function plainEnd(s: string, i: number): number {
  let k = i;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x5b || c === 0x2a || c === 0x5c) break;
  }
  return k;
}

/** An inline passage `[inner]{lang=xx}` starting at i (brackets may nest: links, footnotes), or null. */
function passageAt(s: string, i: number): { inner: string; lang: string; end: number } | null {
  if (s[i] !== '[' || s[i + 1] === '^') return null;
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '[') depth++;
    else if (s[k] === ']' && --depth === 0) {
      const attr = PASSAGE.exec(s.slice(k + 1));
      return attr ? { inner: s.slice(i + 1, k), lang: attr[1]!, end: k + 1 + attr[0].length } : null;
    }
  }
  return null;
}

/** Index of the closing `**`/`*` for an opener at i, or -1 when i opens nothing (CommonMark-like flanking). */
function emphasisEnd(s: string, i: number): number {
  if (s[i] !== '*') return -1;
  const strong = s[i + 1] === '*';
  const from = i + (strong ? 2 : 1);
  if (from >= s.length || /\s/.test(s[from])) return -1;
  for (let k = from + 1; k < s.length; k++) {
    if (s[k] !== '*' || /\s/.test(s[k - 1])) continue;
    if (strong && s[k + 1] === '*') return k;
    if (!strong && s[k + 1] !== '*' && s[k - 1] !== '*') return k;
    if (!strong) k++;
  }
  return -1;
}

function textRun(text: string, fmt: Format, style: TextStyleSpec, features: readonly string[]): StyledRun {
  const font = fmt.bold ? (style.bold ?? style.font) : fmt.italic ? (style.italic ?? style.font) : style.font;
  const run: StyledRun = { text, font, sizePt: style.size, color: style.color, features };
  return { ...run, ...(fmt.link && { link: fmt.link }), ...(fmt.passage && { passage: fmt.passage }) };
}

/** The superscript number of a footnote reference, in the style's regular face. */
export function markerRun(n: number, id: string, style: TextStyleSpec, features = styleFeatures(style)): StyledRun {
  return {
    text: String(n),
    font: style.font,
    sizePt: round2(style.size * FOOTNOTE_SIZE_RATIO),
    color: style.color,
    features,
    footnoteId: id,
    risePt: round2(style.size * FOOTNOTE_RISE_RATIO),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Joins neighbouring runs that differ only in text. */
function mergeRuns(runs: readonly StyledRun[]): StyledRun[] {
  const out: StyledRun[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    const sameSpan = prev?.passage?.id === r.passage?.id;
    if (prev && !prev.footnoteId && !r.footnoteId && sameSpan && prev.font === r.font && prev.link === r.link && prev.sizePt === r.sizePt && prev.color === r.color) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else out.push(r);
  }
  return out;
}
