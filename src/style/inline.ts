import { DEFAULT_FEATURES } from '../fonts/fontStore.ts';
import type { TextStyleSpec } from '../spec/theme.ts';
import type { StyledRun } from './types.ts';
import { applyTypography } from './typography.ts';

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
}

interface Ctx {
  readonly style: TextStyleSpec;
  readonly footnote: FootnoteNumberer;
  readonly runs: StyledRun[];
}

const FOOTNOTE_REF = /^\[\^([^\]\s]+)\]/;
const LINK = /^\[([^\]]*)\]\(([^)\s]+)\)/;
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
 * Parses **bold**, *italic*, [label](url) and [^id] into runs of `style`, after applying the typography of the style's language.
 * Bold inside italic (or the reverse) uses the bold face: templates declare no bold-italic key.
 * Only http(s) and mailto URLs become links; other targets keep their label as plain text.
 */
export function parseInline(text: string, style: TextStyleSpec, footnote: FootnoteNumberer = () => undefined): StyledRun[] {
  const kept: string[] = [];
  const [open, close] = maskPair(text);
  const masked = text.replace(/(\]\()([^)\s]+)(\))|(\[\^)([^\]\s]+)(\])/g, (_m, a, url, c, d, id, f) => {
    kept.push(url ?? id);
    return `${a ?? d}${open}${kept.length - 1}${close}${c ?? f}`;
  });
  const mask = new RegExp(`${open}(\\d+)${close}`, 'g');
  const typeset = applyTypography(masked, style.lang).replace(mask, (_m, n: string) => kept[Number(n)]!);
  const ctx: Ctx = { style, footnote, runs: [] };
  parse(typeset, { bold: false, italic: false }, ctx);
  const runs = style.uppercase ? ctx.runs.map((r) => ({ ...r, text: r.text.toLocaleUpperCase(style.lang) })) : ctx.runs;
  return mergeRuns(runs);
}

function parse(s: string, fmt: Format, ctx: Ctx): void {
  let buf = '';
  const flush = (): void => {
    if (buf) ctx.runs.push(textRun(buf, fmt, ctx.style));
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const fn = FOOTNOTE_REF.exec(rest);
    const n = fn ? ctx.footnote(fn[1]) : undefined;
    if (fn && n !== undefined) {
      flush();
      ctx.runs.push(markerRun(n, fn[1], ctx.style));
      i += fn[0].length;
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

function textRun(text: string, fmt: Format, style: TextStyleSpec): StyledRun {
  const font = fmt.bold ? (style.bold ?? style.font) : fmt.italic ? (style.italic ?? style.font) : style.font;
  const run: StyledRun = { text, font, sizePt: style.size, color: style.color, features: styleFeatures(style) };
  return fmt.link ? { ...run, link: fmt.link } : run;
}

/** The superscript number of a footnote reference, in the style's regular face. */
export function markerRun(n: number, id: string, style: TextStyleSpec): StyledRun {
  return {
    text: String(n),
    font: style.font,
    sizePt: round2(style.size * FOOTNOTE_SIZE_RATIO),
    color: style.color,
    features: styleFeatures(style),
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
    if (prev && !prev.footnoteId && !r.footnoteId && prev.font === r.font && prev.link === r.link && prev.sizePt === r.sizePt && prev.color === r.color) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else out.push(r);
  }
  return out;
}
