/** Content keys and derived values kept with stage outputs (util/contentKeys.ts). */
import { describe, expect, it } from 'vitest';
import { derived, keyFor, keyOf } from '../../src/util/contentKeys.ts';

describe('content keys', () => {
  it('keyOf tells lists of parts apart however they split (each part length-prefixed)', () => {
    const keys = [keyOf('ab', 'c'), keyOf('a', 'bc'), keyOf('abc'), keyOf('abc', ''), keyOf('', 'abc')];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyOf('ab', 'c')).toBe(keyOf('ab', 'c'));
    expect(keyOf('ab', 'c')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keyFor makes a key once per object and keeps a key a stage noted', () => {
    const keys = new WeakMap<object, string>();
    const theme = { accent: '#154273' };
    let made = 0;
    const make = () => `k${++made}`;
    expect(keyFor(keys, theme, make)).toBe('k1');
    expect(keyFor(keys, theme, make)).toBe('k1');
    const noted = {};
    keys.set(noted, 'from a stage');
    expect(keyFor(keys, noted, make)).toBe('from a stage');
    // without a map nothing is kept
    expect(keyFor(undefined, theme, make)).toBe('k2');
  });

  it('derived computes once per object and name; without a map every time', () => {
    const values = new WeakMap<object, Map<string, unknown>>();
    const section = { id: 'a' };
    let scans = 0;
    const scan = () => (++scans, ['en-GB']);
    const first = derived(values, section, 'languages', scan);
    expect(derived(values, section, 'languages', scan)).toBe(first);
    expect(scans).toBe(1);
    derived(values, section, 'texts', scan);
    derived(values, { id: 'a' }, 'languages', scan);
    derived(undefined, section, 'languages', scan);
    expect(scans).toBe(4);
  });
});
