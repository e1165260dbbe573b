/**
 * Number and date formatting in the report's locale (nl-NL by default), shared with charts so text and axes agree:
 * 13670 → "13.670", 0.7 → "70%", 2021-04-30 → "30 april 2021", 3 → "3e".
 */

import { localeOrDefault } from '../locale/index.ts';

/** Default locale of the content format (docs/content-format.md). */
export const DEFAULT_LOCALE = 'nl-NL';
/** Typographic minus for signed values (U+2212), as in "−40%". */
const MINUS = '\u2212';

/** Every format name accepted after `|` in a figure reference. */
export const FORMAT_NAMES = ['number', 'percent', 'abs', 'signed', 'ordinal', 'date', 'weekday', 'round:N'] as const;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, { useGrouping: 'always', ...opts } as Intl.NumberFormatOptions));
  return cache.get(key) as Intl.NumberFormat;
}

/** A number with grouping always on ("1.600", not "1600") and up to 2 decimals: 13670 → "13.670", 2.5 → "2,5". */
export function formatNumber(n: number, locale = DEFAULT_LOCALE, opts: { signed?: boolean; maxDecimals?: number } = {}): string {
  const s = nf(locale, { maximumFractionDigits: opts.maxDecimals ?? 2 }).format(Math.abs(n));
  return sign(n, opts.signed) + s;
}

/** A fraction as a whole percentage without a space: 0.7 → "70%", -0.397 (signed) → "−40%". */
export function formatPercent(n: number, locale = DEFAULT_LOCALE, opts: { signed?: boolean; maxDecimals?: number } = {}): string {
  const s = nf(locale, { style: 'percent', maximumFractionDigits: opts.maxDecimals ?? 0 }).format(Math.abs(n)).replace(/\s+%/, '%');
  return sign(Math.round(n * 100 * 10 ** (opts.maxDecimals ?? 0)), opts.signed) + s;
}

/** An ordinal in the locale's way (src/locale): nl 3 → "3e", en "3rd", de "3.". */
export function formatOrdinal(n: number, locale = DEFAULT_LOCALE): string {
  const whole = Math.round(n);
  return localeOrDefault(locale).ordinal(formatNumber(whole, locale), whole);
}

/** An ISO date (yyyy-mm-dd) written out: "30 april 2021", or with weekday "vrijdag 30 april 2021". */
export function formatDate(iso: string, locale = DEFAULT_LOCALE, opts: { weekday?: boolean } = {}): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const key = `d|${locale}|${opts.weekday ? 'full' : 'long'}`;
  if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(locale, { dateStyle: opts.weekday ? 'full' : 'long', timeZone: 'UTC' }));
  return (cache.get(key) as Intl.DateTimeFormat).format(d);
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
 * Applies `| fmt | fmt` left to right: abs, signed and round:N modify, number / percent / ordinal / date / weekday
 * choose the rendering (the last one wins); without one, `fallback` (the figure's own format, else number/date).
 */
export function applyFormats(v: FigureValue, formats: readonly string[], fallback: string | undefined, locale = DEFAULT_LOCALE): string | FormatFailure {
  let value = v.value;
  let signed = false;
  let render: string | undefined;
  let decimals: number | undefined;
  for (const f of formats) {
    const round = /^round:(-?\d+)$/.exec(f);
    if (round) {
      if (typeof value !== 'number') return { format: f, reason: 'mismatch' };
      decimals = Number(round[1]);
      if (decimals < ROUND_RANGE[0] || decimals > ROUND_RANGE[1]) return { format: f, reason: 'range' };
      value = roundTo(value, decimals);
    } else if (f === 'abs') {
      if (typeof value !== 'number') return { format: f, reason: 'mismatch' };
      value = Math.abs(value);
    } else if (f === 'signed') signed = true;
    else if (['number', 'percent', 'ordinal', 'date', 'weekday'].includes(f)) render = f;
    else return { format: f, reason: 'unknown' };
  }
  render ??= fallback ?? (v.kind === 'date' ? 'date' : 'number');
  const isDate = typeof value === 'string';
  if (isDate !== (render === 'date' || render === 'weekday')) return { format: render, reason: 'mismatch' };
  const maxDecimals = decimals !== undefined ? Math.max(0, decimals) : undefined;
  switch (render) {
    case 'percent':
      return formatPercent(value as number, locale, { signed });
    case 'ordinal':
      return formatOrdinal(value as number, locale);
    case 'date':
    case 'weekday':
      return formatDate(value as string, locale, { weekday: render === 'weekday' });
    case 'number':
      return formatNumber(value as number, locale, { signed, maxDecimals });
    default:
      return { format: render, reason: 'unknown' };
  }
}
