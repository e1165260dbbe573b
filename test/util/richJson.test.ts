import { describe, expect, it } from 'vitest';
import { richParse, richStringify } from '../../src/util/richJson.ts';

describe('richJson', () => {
  it('reads back what plain JSON loses: Maps, bytes, undefined properties, NaN, ±Infinity, -0', () => {
    const value = {
      spans: new Map([['/a', { line: 1 }], ['/b', { line: 2, end: undefined }]]),
      bytes: new Uint8Array([0, 1, 254, 255]),
      label: undefined,
      list: [1, undefined, null, Number.NaN, Infinity, -Infinity, -0, 0, 'x'],
      nested: { deep: [{ m: new Map([[1, 'one']]) }] },
    };
    const back = richParse(richStringify(value)) as typeof value;
    expect(back).toStrictEqual(value);
    expect('label' in back).toBe(true);
    expect(Object.is(back.list[6], -0)).toBe(true);
    expect(back.spans).toBeInstanceOf(Map);
    expect(back.bytes).toBeInstanceOf(Uint8Array);
  });

  it('keeps a key named like the tag and a key named __proto__ as ordinary keys', () => {
    const odd = JSON.parse('{"__proto__": {"x": 1}, "\\u0001": "m", "v": 2}') as Record<string, unknown>;
    const back = richParse(richStringify({ odd })) as { odd: Record<string, unknown> };
    expect(Object.keys(back.odd)).toEqual(['__proto__', '\u0001', 'v']);
    expect(Object.getPrototypeOf(back.odd)).toBe(Object.prototype);
    expect(back.odd['\u0001']).toBe('m');
  });

  it('refuses values it could not read back (a class instance, a function)', () => {
    expect(() => richStringify({ d: new Date(0) })).toThrow(/Date/);
    expect(() => richStringify({ f: () => 1 })).toThrow(/function/);
  });

  it('fails on damaged text (the cache then treats it as a miss)', () => {
    expect(() => richParse('{"a": [1, 2')).toThrow();
  });
});
