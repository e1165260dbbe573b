/**
 * Starts ICU on another thread while the main thread loads the content. The first Intl objects of a process cost
 * ≈ 30 ms (ICU's data: ≈ 20 ms for the first NumberFormat, ≈ 5 each for the first currency and date formats),
 * paid on the main thread by the template's chart locale (vegaLocale.ts) right after loading; ICU keeps that data
 * for the whole process, so once any thread has made such objects (in any locale), the main thread's first ones
 * cost ≈ 2 ms. A build that has Intl's texts in its cache folder needs none and does not start it. What Intl
 * writes does not depend on which thread loaded the data, so the output is the same either way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The first number, currency and date formats, in a locale ICU always has; the thread then ends. */
export const WARM = `new Intl.NumberFormat('en', { useGrouping: 'always' }).formatToParts(1.5);
new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol' }).formatToParts(1);
new Intl.DateTimeFormat('en', { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(0);`;

/** Starts the thread (with a second core to run it on); it never keeps the process alive, and one that cannot start changes nothing. */
export function warmIntl(): void {
  if (availableParallelism() < 2) return;
  try {
    new Worker(WARM, { eval: true }).unref();
  } catch {
    // the main thread starts ICU itself, as without this
  }
}
