/** Replaces `{path}` and `{path | fmt | fmt}` in a text by formatted figure values; `\{` keeps a literal brace. */
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { Text } from '../load/types.ts';
import { applyFormats, FORMAT_NAMES, ROUND_RANGE } from './formatters.ts';
import type { FigureTable } from './parseFigures.ts';
import type { Locator } from './locate.ts';
import { isValidTag } from '../locale/index.ts';
import type { IntlCache } from '../locale/intlCache.ts';

/** What interpolation needs: the figures, where to record use and errors, and how to locate a reference. */
export interface InterpolateEnv {
  readonly figures: FigureTable;
  readonly used: Set<string>;
  readonly errors: Diagnostic[];
  readonly locale: string;
  readonly locate: Locator;
  /** The build context's Intl formatters and texts (none: made per call). */
  readonly intl?: IntlCache;
}

/** Where a reference stands in its file, found when asked (only errors ask). */
type Locate = () => Diagnostic['span'];

/** The language attribute of an inline passage, `[text]{lang=en}` (Pandoc's bracketed span). */
const PASSAGE = /^\{lang=([^}\s]*)\}$/;
/** A figure path: dotted names of letters, digits, _ and -. */
const PATH = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/** The text with every reference replaced; bad references are reported and left as written. */
export function interpolate(t: Text, env: InterpolateEnv): string {
  const s = t.value;
  if (!s.includes('{') && !s.includes('\\')) return s;
  const out: string[] = [];
  const seen = new Map<string, number>();
  // the text between references and escapes is copied in one piece (most of a text), not character by character,
  // and joined once: one flat string (style's rules read it with regular expressions, which flatten pieces first)
  let brace = s.indexOf('{');
  let slash = s.indexOf('\\');
  for (let i = 0; i < s.length; i++) {
    if (brace >= 0 && brace < i) brace = s.indexOf('{', i);
    if (slash >= 0 && slash < i) slash = s.indexOf('\\', i);
    const next = brace < 0 ? slash : slash < 0 ? brace : Math.min(brace, slash);
    if (next < 0) {
      out.push(s.slice(i));
      break;
    }
    out.push(s.slice(i, next));
    i = next;
    const c = s[i];
    if (c === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      out.push(s[++i]!);
      continue;
    }
    if (c !== '{') {
      out.push(c!);
      continue;
    }
    const close = s.indexOf('}', i + 1);
    const raw = close < 0 ? s.slice(i) : s.slice(i, close + 1);
    const n = seen.get(raw) ?? 0;
    seen.set(raw, n + 1);
    // located only for an error: finding a reference in its file is most of interpolating a clean text
    const span = () => env.locate(t, raw, n);
    const passage = s[i - 1] === ']' ? PASSAGE.exec(raw) : null;
    if (passage) {
      // the attribute of an inline passage, [text]{lang=en}: kept for style/inline.ts, its tag checked here
      if (!isValidTag(passage[1]!)) env.errors.push(messages.badLanguage(passage[1]!, span()));
      out.push(raw);
    } else out.push(close < 0 ? (env.errors.push(messages.badReference(raw, span())), raw) : resolveRef(raw, span, env));
    i = close < 0 ? s.length : close;
  }
  return out.join('');
}

function resolveRef(raw: string, span: Locate, env: InterpolateEnv): string {
  // page references are filled in after layout (style/pageRefs.ts); their targets are checked by bindSection
  if (/^\{(page|ref):/.test(raw)) return raw;
  const [path, ...formats] = raw.slice(1, -1).split('|').map((x) => x.trim());
  const range = path.split('..').map((p) => p.trim());
  if (range.length === 2) return resolveRange(raw, range as [string, string], formats, span, env);
  return resolveOne(raw, path, formats, span, env);
}

/**
 * `{low .. high | fmt}`: both ends formatted alike and joined by an en dash, the sign or unit they share
 * written once: "€ 3,1–4,2 miljoen", "12–15%", "juni 2022–september 2022".
 */
function resolveRange(raw: string, [a, b]: [string, string], formats: readonly string[], span: Locate, env: InterpolateEnv): string {
  const low = resolveOne(raw, a, formats, span, env);
  const high = resolveOne(raw, b, formats, span, env);
  if (low === raw || high === raw) return raw;
  return joinRange(low, high);
}

/** Joins two formatted values with an en dash, writing their common non-digit prefix and suffix once. */
export function joinRange(low: string, high: string): string {
  // a signed range repeats its unit: "−3%–+5%" reads better than "−3–+5%"
  if (/[\u2212+]/.test(low + high)) return `${low}\u2013${high}`;
  let pre = 0;
  while (pre < Math.min(low.length, high.length) && low[pre] === high[pre] && !/[\d\u2212+]/.test(low[pre]!)) pre++;
  let suf = 0;
  while (suf < Math.min(low.length, high.length) - pre && low[low.length - 1 - suf] === high[high.length - 1 - suf] && !/\d/.test(low[low.length - 1 - suf]!)) suf++;
  return `${low.slice(0, low.length - suf)}\u2013${high.slice(pre)}`;
}

function resolveOne(raw: string, path: string, formats: readonly string[], at: Locate, env: InterpolateEnv): string {
  if (!PATH.test(path) || path.includes('..') || formats.some((f) => f === '')) return env.errors.push(messages.badReference(raw, at())), raw;
  env.used.add(path);
  const def = env.figures.figures.get(path);
  if (!def) {
    const children = env.figures.groups.get(path);
    if (children) env.errors.push(messages.referenceToGroup(path, children.map((c) => `${path}.${c}`), at()));
    else env.errors.push(messages.unknownFigure(path, at(), [...env.figures.figures.keys()]));
    return raw;
  }
  const value = env.figures.values.get(path);
  if (!value) return raw; // its definition already failed and was reported
  const r = applyFormats(value, formats, def.format, env.locale, env.intl);
  if (typeof r === 'string') return r;
  const span = at();
  env.errors.push(
    r.reason === 'unknown' ? messages.unknownFormat(r.format, FORMAT_NAMES, span)
    : r.reason === 'range' ? messages.formatArgumentRange('round', r.format.slice('round:'.length), ...ROUND_RANGE, span)
    : messages.formatMismatch(r.format, path, value.kind === 'date' ? 'date' : 'number', span),
  );
  return raw;
}
