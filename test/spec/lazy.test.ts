/**
 * Schemas made on first use (spec/lazy.ts): nothing is made before an operation on the stand-in, then exactly once;
 * the stand-in behaves as the schema (parse, instanceof, keys, methods); `real` hands out the very object, so a
 * schema built from it has the JSON Schema of one built eagerly.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { lazy, real } from '../../src/spec/lazy.ts';
import { FiguresFileSchema } from '../../src/spec/figures.ts';
import { LimitsSchema } from '../../src/spec/limits.ts';

const make = () => z.strictObject({ n: z.number().int().describe('A whole number.'), s: z.string().optional() });

describe('lazy schemas', () => {
  test('made at the first operation, once', () => {
    let made = 0;
    const s = lazy(() => (made++, make()));
    expect(made).toBe(0);
    expect(s.safeParse({ n: 1 }).success).toBe(true);
    expect(s.safeParse({ n: 1.5 }).success).toBe(false);
    expect(s.parse({ n: 2, s: 'x' })).toEqual({ n: 2, s: 'x' });
    expect(made).toBe(1);
    expect(real(s)).toBe(real(s));
    expect(made).toBe(1);
  });

  test('behaves as the schema it stands for', () => {
    const s = lazy(make);
    expect(s).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(s.shape)).toEqual(['n', 's']);
    expect('shape' in s).toBe(true);
    expect(s.shape.n.description).toBe('A whole number.');
    expect(s.extend({ t: z.boolean() }).parse({ n: 1, t: true })).toEqual({ n: 1, t: true });
    // any other value passes through real unchanged
    const plain = make();
    expect(real(plain)).toBe(plain);
  });

  test('a schema built from real(…) has the JSON Schema of one built eagerly', () => {
    const inner = lazy(make);
    const outer = z.strictObject({ list: z.array(real(inner)).describe('Items.') });
    const eager = z.strictObject({ list: z.array(make()).describe('Items.') });
    expect(z.toJSONSchema(outer)).toEqual(z.toJSONSchema(eager));
  });

  test('the spec schemas validate through their stand-ins', () => {
    expect(FiguresFileSchema.safeParse({ figures: { a: 1 } }).data).toEqual({ figures: { a: 1 }, datasets: {}, checks: [] });
    expect(FiguresFileSchema.safeParse({ figures: {}, checks: [{ expect: 'a < b', within: -1 }] }).success).toBe(false);
    expect(LimitsSchema.parse({}).pages).toBeGreaterThan(0);
  });
});
