/**
 * The limits' defaults live as plain data in spec/limitDefaults.ts (read without loading zod); report.yaml's
 * schema in spec/limits.ts must give exactly those when a report sets no limits, and take any one of them raised.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LIMIT_WHAT } from '../../src/spec/limitDefaults.ts';
import { LimitsSchema } from '../../src/spec/limits.ts';

describe('limit defaults', () => {
  it('are what the schema gives for an empty limits: block', () => {
    expect(LimitsSchema.parse({})).toEqual(DEFAULT_LIMITS);
  });

  it('describe each default as English writes the number (the editor sees "Default 1,000,000.")', () => {
    for (const [k, n] of Object.entries(DEFAULT_LIMITS)) {
      expect(LimitsSchema.shape[k as keyof typeof DEFAULT_LIMITS].description).toMatch(new RegExp(` Default ${n.toLocaleString('en')}\\.$`));
    }
  });

  it('name every limit the schema has, and each one can be set on its own', () => {
    const keys = Object.keys(LimitsSchema.shape).sort();
    expect(Object.keys(DEFAULT_LIMITS).sort()).toEqual(keys);
    expect(Object.keys(LIMIT_WHAT).sort()).toEqual(keys);
    for (const k of keys) expect(LimitsSchema.parse({ [k]: 7 })).toEqual({ ...DEFAULT_LIMITS, [k]: 7 });
  });
});
