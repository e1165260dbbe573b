/**
 * The thread that starts ICU while a first build loads its content (src/locale/warmIntl.ts): its script runs to
 * the end without an error (a broken script would only waste the thread and leave ICU's start to the main
 * thread), and Intl written after it is the same as the conventions say (values written by hand, from CLDR).
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WARM, warmIntl } from '../../src/locale/warmIntl.ts';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

describe('warmIntl', () => {
  it('runs its Intl formats to the end and exits with 0', async () => {
    const w = new Worker(WARM, { eval: true });
    const errors: unknown[] = [];
    w.on('error', (e) => errors.push(e));
    expect(await new Promise((resolve) => w.once('exit', resolve))).toBe(0);
    expect(errors).toEqual([]);
  });

  it('leaves what Intl writes as it was: Dutch separators, currency and month names', async () => {
    warmIntl();
    await new Promise((resolve) => setTimeout(resolve, 200)); // most likely after the thread's formats
    const l = vegaLocale('nl-NL');
    expect([l.number.thousands, l.number.decimal, l.number.currency]).toEqual(['.', ',', ['€\u00a0', '']]);
    expect(l.time.months.slice(0, 3)).toEqual(['januari', 'februari', 'maart']);
    expect(l.time.periods).toEqual(['a.m.', 'p.m.']);
  });
});
