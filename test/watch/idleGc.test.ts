import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { youngCollector } from '../../src/watch/idleGc.ts';

describe('youngCollector', () => {
  it('runs a young-generation collection when called (seen by a gc performance observer)', async () => {
    const collect = youngCollector();
    expect(collect).toBeTypeOf('function');
    const kinds: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kinds.push((e as unknown as { detail: { kind: number } }).detail.kind);
    });
    obs.observe({ entryTypes: ['gc'] });
    collect!();
    // gc entries are delivered asynchronously
    await new Promise((res) => setTimeout(res, 50));
    obs.disconnect();
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  });
});
