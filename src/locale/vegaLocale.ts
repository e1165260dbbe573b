/**
 * The d3-format / d3-time-format locale vega draws chart labels with, derived from Intl for any BCP 47 tag so
 * that axes and text agree ("59.680" in a Dutch report, "59,680" in an English one). The minus is U+2212, as
 * bind/'s formatters write it in the text.
 */

/** Vega's `locale` option: { number, time } (both are needed: vega otherwise keeps d3's en-US for dates). */
export interface VegaLocale {
  readonly number: {
    readonly decimal: string;
    readonly thousands: string;
    readonly grouping: readonly number[];
    readonly currency: readonly [string, string];
    readonly minus: string;
    /** What follows a percentage's number: "%" in Dutch and English, a no-break space and "%" in German and French. */
    readonly percent: string;
  };
  readonly time: {
    readonly dateTime: string;
    readonly date: string;
    readonly time: string;
    readonly periods: readonly [string, string];
    readonly days: readonly string[];
    readonly shortDays: readonly string[];
    readonly months: readonly string[];
    readonly shortMonths: readonly string[];
  };
}

const MINUS = '\u2212';

/** The part of a formatted value of the given type ("group", "decimal" …). */
function part(f: Intl.NumberFormat | Intl.DateTimeFormat, v: number | Date, type: string): string | undefined {
  return (f.formatToParts(v as never) as Intl.NumberFormatPart[]).find((p) => p.type === type)?.value;
}

/** The text between a percentage's digits and after them, as Intl writes it for the tag ("%", "\u00a0%"). */
function percentSuffix(tag: string): string {
  const parts = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.5) as Intl.NumberFormatPart[];
  const last = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction');
  return parts.slice(last + 1).map((p) => p.value).join('') || '%';
}

/** Names of the 12 months or 7 days (Sunday first, as d3 wants them) in the given width. */
function names(tag: string, field: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const f = new Intl.DateTimeFormat(tag, { [field]: width, timeZone: 'UTC' });
  // 2023-01-01 is a Sunday: days 1..7 of January give Sunday..Saturday; the 1st of each month gives the months.
  const dates = field === 'month' ? [...Array(12).keys()].map((m) => new Date(Date.UTC(2023, m, 15))) : [...Array(7).keys()].map((d) => new Date(Date.UTC(2023, 0, 1 + d)));
  return dates.map((d) => part(f, d, field) ?? f.format(d)).map((s) => s.replace(/\.$/, ''));
}

/**
 * The locale for a tag and a currency (ISO 4217, the report's own: an English edition of a Dutch report still
 * counts in euros). Grouping always in threes (Intl's "always" grouping; Indian grouping is not handled).
 */
export function vegaLocale(tag: string, currency = 'EUR'): VegaLocale {
  const n = new Intl.NumberFormat(tag, { useGrouping: 'always' } as Intl.NumberFormatOptions);
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  const parts = money.formatToParts(1) as Intl.NumberFormatPart[];
  const at = parts.findIndex((p) => p.type === 'currency');
  const digits = parts.map((p, i) => (['integer', 'group', 'decimal', 'fraction'].includes(p.type) ? i : -1)).filter((i) => i >= 0);
  const symbol = parts[at]?.value ?? currency;
  // the literal between symbol and number (a no-break space in "€ 1" and "1,00 €", none in "€1")
  const before = at < digits[0]!;
  const gap = (before ? parts.slice(at + 1, digits[0]) : parts.slice(digits.at(-1)! + 1, at)).map((p) => p.value).join('');
  const currencyPair: [string, string] = before ? [symbol + gap, ''] : ['', gap + symbol];
  const hour = new Intl.DateTimeFormat(tag, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const periods: [string, string] = [part(hour, new Date(Date.UTC(2023, 0, 1, 9)), 'dayPeriod') ?? 'AM', part(hour, new Date(Date.UTC(2023, 0, 1, 21)), 'dayPeriod') ?? 'PM'];
  return {
    number: {
      decimal: part(n, 1.5, 'decimal') ?? '.',
      thousands: part(n, 12345, 'group') ?? ',',
      grouping: [3],
      currency: currencyPair,
      minus: MINUS,
      percent: percentSuffix(tag),
    },
    time: {
      dateTime: '%x, %X',
      date: dateFormat(tag),
      time: '%H:%M:%S',
      periods,
      days: names(tag, 'weekday', 'long'),
      shortDays: names(tag, 'weekday', 'short'),
      months: names(tag, 'month', 'long'),
      shortMonths: names(tag, 'month', 'short'),
    },
  };
}

/** The short numeric date of the tag as a d3 pattern: nl "%d-%m-%Y", en-GB "%d/%m/%Y", en-US "%m/%d/%Y". */
function dateFormat(tag: string): string {
  const f = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const code: Record<string, string> = { day: '%d', month: '%m', year: '%Y' };
  return f.formatToParts(new Date(Date.UTC(2021, 3, 30))).map((p) => code[p.type] ?? p.value).join('');
}
