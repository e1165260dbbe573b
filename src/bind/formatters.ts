/**
 * Number and date formatting in the report's locale (nl-NL by default), shared with charts so text and axes agree:
 * 13670 → "13.670", 0.7 → "70%", 2021-04-30 → "30 april 2021", 3 → "3e".
 */

import { numberWordsFor } from '../locale/numberWords.ts';
import { localeOrDefault } from '../locale/index.ts';
import { createIntlCache, intlFormatter, intlText, type IntlCache } from '../locale/intlCache.ts';

/** Default locale of the content format (docs/content-format.md). */
export const DEFAULT_LOCALE = 'nl-NL';
/** Typographic minus for signed values (U+2212), as in "−40%". */
const MINUS = '\u2212';

/** Every format name accepted after `|` in a figure reference. */
export const FORMAT_NAMES = [
  'number', 'percent', 'abs', 'signed', 'ordinal', 'date', 'weekday', 'month', 'quarter', 'eur', 'words',
  'round:N', 'thousands:N', 'millions:N', 'billions:N',
] as const;
/** Renderings: the last one in a chain wins. */
const RENDERINGS = ['number', 'percent', 'ordinal', 'date', 'weekday', 'month', 'quarter', 'eur', 'words'];
/** Renderings of a date; the others render numbers. */
const DATE_RENDERINGS = ['date', 'weekday', 'month', 'quarter'];
/** Scale modifiers and their divisor: `millions:1` writes 96.712.000 as "96,7 miljoen". */
const SCALES = { thousands: 1e3, millions: 1e6, billions: 1e9 } as const;

/**
 * `n` written by the number format of `locale` and `opts`. Formatters and texts are kept in `intl` (the build
 * context's, locale/intlCache.ts); a caller without one gets a fresh cache, which is correct but makes the
 * formatter again (≈ 3 ms for the first of a process).
 */
function numberText(intl: IntlCache, locale: string, opts: Intl.NumberFormatOptions, n: number): string {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  return intlText(intl, `${key}|${Object.is(n, -0) ? '-0' : n}`, () =>
    intlFormatter(intl, key, () => new Intl.NumberFormat(locale, { useGrouping: 'always', ...opts } as Intl.NumberFormatOptions)).format(n),
  );
}

/** A number with grouping always on ("1.600", not "1600") and up to 2 decimals: 13670 → "13.670", 2.5 → "2,5". */
export function formatNumber(n: number, locale = DEFAULT_LOCALE, opts: { signed?: boolean; maxDecimals?: number; minDecimals?: number } = {}, intl = createIntlCache()): string {
  const s = numberText(intl, locale, { maximumFractionDigits: opts.maxDecimals ?? 2, ...(opts.minDecimals ? { minimumFractionDigits: opts.minDecimals } : {}) }, Math.abs(n));
  return sign(n, opts.signed) + s;
}

/**
 * A fraction as a whole percentage, spaced as the language writes it: 0.7 → "70%" in Dutch and English, "70 %"
 * in German and "70 %" in French; -0.397 (signed) → "−40%". The space is Intl's own
 * no-break space, so a line never breaks before the sign.
 */
export function formatPercent(n: number, locale = DEFAULT_LOCALE, opts: { signed?: boolean; maxDecimals?: number } = {}, intl = createIntlCache()): string {
  const s = numberText(intl, locale, { style: 'percent', maximumFractionDigits: opts.maxDecimals ?? 0 }, Math.abs(n));
  return sign(Math.round(n * 100 * 10 ** (opts.maxDecimals ?? 0)), opts.signed) + s;
}

/** An ordinal in the locale's way (src/locale): nl 3 → "3e", en "3rd", de "3.". */
export function formatOrdinal(n: number, locale = DEFAULT_LOCALE, intl = createIntlCache()): string {
  const whole = Math.round(n);
  return localeOrDefault(locale).ordinal(formatNumber(whole, locale, {}, intl), whole);
}

/**
 * A figure date written out: a day "2021-04-30" → "30 april 2021" (with weekday "vrijdag 30 april 2021"), a
 * month "2022-06" → "juni 2022", a quarter "2022-Q2" → "2e kwartaal 2022"; `month` / `quarter` write a day's
 * month or quarter.
 */
export function formatDate(iso: string, locale = DEFAULT_LOCALE, opts: { weekday?: boolean; as?: 'month' | 'quarter' } = {}, intl = createIntlCache()): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(iso);
  const d = parseFigureDate(iso);
  if (!d) return iso;
  if (q || opts.as === 'quarter') {
    const n = q ? Number(q[2]) : Math.floor(d.getUTCMonth() / 3) + 1;
    return numberWordsFor(locale).quarter.replace('{n}', String(n)).replace('{year}', String(d.getUTCFullYear()));
  }
  const month = opts.as === 'month' || /^\d{4}-\d{2}$/.test(iso);
  const key = `d|${locale}|${month ? 'month' : opts.weekday ? 'full' : 'long'}`;
  const o: Intl.DateTimeFormatOptions = month ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: opts.weekday ? 'full' : 'long', timeZone: 'UTC' };
  return intlText(intl, `${key}|${d.getTime()}`, () => intlFormatter(intl, key, () => new Intl.DateTimeFormat(locale, o)).format(d));
}

/** A figure date: a day "yyyy-mm-dd", a month "yyyy-mm" or a quarter "yyyy-Qn", as the Date it starts on. */
export function parseFigureDate(s: string): Date | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) return +month[2] >= 1 && +month[2] <= 12 ? new Date(Date.UTC(+month[1], +month[2] - 1, 1)) : undefined;
  const q = /^(\d{4})-Q([1-4])$/.exec(s);
  if (q) return new Date(Date.UTC(+q[1], (+q[2] - 1) * 3, 1));
  return parseIsoDate(s);
}

/** An amount in euros in the locale's way ("€ 96,7" nl, "€96.7" en, "96,7 €" de) with `decimals` fixed if given. */
export function formatEuro(n: number, locale = DEFAULT_LOCALE, opts: { signed?: boolean; decimals?: number; scale?: string } = {}, intl = createIntlCache()): string {
  const o: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR', minimumFractionDigits: opts.decimals ?? 0, maximumFractionDigits: opts.decimals ?? 2 };
  const key = `n|${locale}|${JSON.stringify(o)}`;
  const x = Math.abs(n);
  const text = intlText(intl, `e|${key}|${JSON.stringify(opts.scale ?? null)}|${x}`, () => {
    // the scale word goes right after the number, before a currency sign written after it (de: "96,7 Mio. €")
    const parts = intlFormatter(intl, key, () => new Intl.NumberFormat(locale, { useGrouping: 'always', ...o } as Intl.NumberFormatOptions)).formatToParts(x);
    const lastNum = parts.map((p) => p.type).lastIndexOf(parts.some((p) => p.type === 'fraction') ? 'fraction' : 'integer');
    return parts.map((p, i) => p.value + (i === lastNum && opts.scale ? `\u00a0${opts.scale}` : '')).join('');
  });
  return sign(n, opts.signed) + text;
}

/** A whole number a style guide spells out (0–20, round tens, 100) in words: 5 → "vijf" / "five"; else digits. */
export function formatWords(n: number, locale = DEFAULT_LOCALE, intl = createIntlCache()): string {
  const w = numberWordsFor(locale);
  if (Number.isInteger(n) && n >= 0 && n < w.small.length) return w.small[n]!;
  if (Number.isInteger(n) && w.tens[n]) return w.tens[n]!;
  return formatNumber(n, locale, {}, intl);
}

/** A Date (UTC midnight) for a real calendar day "yyyy-mm-dd", else undefined. */
export function parseIsoDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? d : undefined;
}

/** Rounds to N decimals; negative N rounds to tens, hundreds …: round(12345, -2) = 12300. */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** Math.abs(digits);
  return digits >= 0 ? Math.round(n * f) / f : Math.round(n / f) * f;
}

function sign(n: number, signed?: boolean): string {
  if (n < 0) return MINUS;
  return signed && n > 0 ? '+' : '';
}

/** A figure value: a number or an ISO date. */
export type FigureValue = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'date'; readonly value: string };

/** Why a format chain failed: the offending format name and the reason. */
export type FormatFailure = { readonly format: string; readonly reason: 'unknown' | 'mismatch' | 'range' };

/** round:N accepts N in this range (Intl prints at most 20 decimals; 10^±20 is past any figure's precision). */
export const ROUND_RANGE = [-20, 20] as const;

/**
 * Applies `| fmt | fmt` left to right: abs, signed, round:N and the scales (millions:N …) modify; number /
 * percent / ordinal / eur / words / date / weekday / month / quarter choose the rendering (the last one wins);
 * without one, `fallback` (the figure's own format, else number/date).
 */
export function applyFormats(v: FigureValue, formats: readonly string[], fallback: string | undefined, locale = DEFAULT_LOCALE, intl = createIntlCache()): string | FormatFailure {
  let value = v.value;
  let signed = false;
  let render: string | undefined;
  let decimals: number | undefined;
  let scale: string | undefined;
  for (const f of formats) {
    const round = /^round:(-?\d+)$/.exec(f);
    const scaled = /^(thousands|millions|billions)(?::(\d))?$/.exec(f);
    if (round || scaled || f === 'abs') {
      if (typeof value !== 'number') return { format: f, reason: 'mismatch' };
      if (round) {
        decimals = Number(round[1]);
        if (decimals < ROUND_RANGE[0] || decimals > ROUND_RANGE[1]) return { format: f, reason: 'range' };
        value = roundTo(value, decimals);
      } else if (scaled) {
        decimals = Number(scaled[2] ?? 0);
        value = roundTo(value / SCALES[scaled[1] as keyof typeof SCALES], decimals);
        scale = numberWordsFor(locale)[scaled[1] as keyof typeof SCALES];
      } else value = Math.abs(value);
    } else if (f === 'signed') signed = true;
    else if (RENDERINGS.includes(f)) render = f;
    else return { format: f, reason: 'unknown' };
  }
  render ??= fallback ?? (v.kind === 'date' ? 'date' : 'number');
  const isDate = typeof value === 'string';
  if (isDate !== DATE_RENDERINGS.includes(render)) return { format: render, reason: 'mismatch' };
  if (isDate) return formatDate(value as string, locale, render === 'month' || render === 'quarter' ? { as: render } : { weekday: render === 'weekday' }, intl);
  const n = value as number;
  // a scaled number keeps its decimals ("96,0 miljoen" when asked for one) and is followed by the scale word
  const fixed = scale !== undefined ? decimals : undefined;
  const withScale = (text: string) => (scale !== undefined ? `${text}\u00a0${scale}` : text);
  switch (render) {
    case 'percent':
      return formatPercent(n, locale, { signed }, intl);
    case 'ordinal':
      return formatOrdinal(n, locale, intl);
    case 'eur':
      return formatEuro(n, locale, { signed, ...(decimals !== undefined ? { decimals: Math.max(0, decimals) } : {}), ...(scale ? { scale } : {}) }, intl);
    case 'words':
      return withScale(signed || scale ? formatNumber(n, locale, { signed }, intl) : formatWords(n, locale, intl));
    case 'number':
      return withScale(formatNumber(n, locale, { signed, maxDecimals: decimals !== undefined ? Math.max(0, decimals) : undefined, minDecimals: fixed }, intl));
    default:
      return { format: render, reason: 'unknown' };
  }
}
