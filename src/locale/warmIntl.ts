/**
 * Starts ICU on the thread that calls it. The first Intl objects of a process cost ≈ 30 ms (ICU's data: ≈ 20 ms for
 * the first NumberFormat, ≈ 5 each for the first currency and date formats), paid on the main thread by the
 * template's chart locale (vegaLocale.ts) right after loading; ICU keeps that data for the whole process, so once
 * any thread has made such objects (in any locale), the main thread's first ones cost ≈ 2 ms. A first build's chart
 * worker, started before the content loads, calls this first (charts/workerEntry.ts). What Intl writes does not
 * depend on which thread loaded the data, so the output is the same either way.
 */

/** The first number, currency and date formats, in a locale ICU always has. */
export function warmIntl(): void {
  new Intl.NumberFormat('en', { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(1.5);
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol' }).formatToParts(1);
  new Intl.DateTimeFormat('en', { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(0);
}
