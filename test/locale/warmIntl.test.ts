/**
 * Starting ICU early (src/locale/warmIntl.ts, the first thing a first build's chart worker does): it runs, and Intl
 * written after it is what the conventions say (values written by hand, from CLDR), here after it ran in a thread
 * of its own, as in a build.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { warmIntl } from '../../src/locale/warmIntl.ts';
import { vegaLocale } from '../../src/locale/vegaLocale.ts';

describe('warmIntl', () => {
  it('runs in another thread, and Dutch separators, currency and month names are as before', async () => {
    const w = new Worker(`(${warmIntl.toString()})(); require('node:worker_threads').parentPort.postMessage('done')`, { eval: true });
    expect(await new Promise((resolve, reject) => (w.once('message', resolve), w.once('error', reject)))).toBe('done');
    await w.terminate();
    const l = vegaLocale('nl-NL');
    expect([l.number.thousands, l.number.decimal, l.number.currency]).toEqual(['.', ',', ['€\u00a0', '']]);
    expect(l.time.months.slice(0, 3)).toEqual(['januari', 'februari', 'maart']);
    expect(l.time.periods).toEqual(['a.m.', 'p.m.']);
  });
});
