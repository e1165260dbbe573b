/**
 * Intl formatters and texts kept by the build context (locale/intlCache.ts): formatters are made once per locale
 * and options, the texts a build wrote come back in the next process from the cache folder (which then makes no
 * Intl object for them), a damaged file is a miss, and the texts are those Intl writes (hand-written oracles).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyFormats, formatDate, formatEuro, formatNumber, formatPercent } from '../../src/bind/formatters.ts';
import { createIntlCache, openIntlCache } from '../../src/locale/intlCache.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rp-intl-'));

/** What a build formats: a date, numbers, a percentage and an amount in euros, in Dutch. */
function formatSome(intl = createIntlCache()): string[] {
  return [
    formatDate('2021-04-30', 'nl-NL', {}, intl),
    formatDate('2022-06', 'nl-NL', {}, intl),
    formatNumber(13670, 'nl-NL', {}, intl),
    formatNumber(-2.5, 'nl-NL', { signed: true }, intl),
    formatPercent(0.7, 'nl-NL', {}, intl),
    formatEuro(96.7, 'nl-NL', { decimals: 1, scale: 'miljoen' }, intl),
  ];
}
const EXPECTED = ['30 april 2021', 'juni 2022', '13.670', '\u22122,5', '70%', '€\u00a096,7\u00a0miljoen'];

describe('Intl cache', () => {
  test('formatters are made once per locale and options; texts are those Intl writes', () => {
    const intl = createIntlCache();
    expect(formatSome(intl)).toEqual(EXPECTED);
    // date (long), month, number (2 decimals), percent, euro with 1 decimal
    expect(intl.formatters.size).toBe(5);
    expect(formatSome(intl)).toEqual(EXPECTED);
    expect(intl.formatters.size).toBe(5);
    // a format chain goes through the same cache
    expect(applyFormats({ kind: 'number', value: 1600 }, ['number'], undefined, 'nl-NL', intl)).toBe('1.600');
    expect(intl.formatters.size).toBe(5);
    // without a cache each call makes its own, with the same texts
    expect(formatSome()).toEqual(EXPECTED);
  });

  test('the next process reads the texts back and makes no formatter for them', () => {
    const dir = scratch();
    const disk = { cacheDir: dir, contentDir: join(dir, 'content') };
    const first = openIntlCache(createBuildContext(), disk);
    expect(formatSome(first.intl)).toEqual(EXPECTED);
    first.save();
    const [file] = readdirSync(join(dir, 'intl'));
    const next = openIntlCache(createBuildContext(), disk);
    expect(next.intl.texts.size).toBe(EXPECTED.length);
    expect(formatSome(next.intl)).toEqual(EXPECTED);
    expect(next.intl.formatters.size).toBe(0);
    // the same texts used again: the file is not written again
    const path = join(dir, 'intl', file!);
    writeFileSync(path, readFileSync(path));
    const before = statSync(path).mtimeMs;
    next.save();
    expect(statSync(path).mtimeMs).toBe(before);
    // a new value is formatted with Intl; the file then holds what this build used and what it knew (a session
    // whose bind cache served a section formats nothing for it)
    const third = openIntlCache(createBuildContext(), disk);
    expect(formatNumber(1234567.891, 'nl-NL', {}, third.intl)).toBe('1.234.567,89');
    expect(third.intl.formatters.size).toBe(1);
    third.save();
    const fourth = openIntlCache(createBuildContext(), disk);
    expect(fourth.intl.texts.size).toBe(EXPECTED.length + 1);
    expect([formatNumber(1234567.891, 'nl-NL', {}, fourth.intl), ...formatSome(fourth.intl)]).toEqual(['1.234.567,89', ...EXPECTED]);
    expect(fourth.intl.formatters.size).toBe(0);
    // a build that formats nothing writes no file; another content folder has its own file
    const other = { cacheDir: dir, contentDir: join(dir, 'other') };
    openIntlCache(createBuildContext(), other).save();
    expect(readdirSync(join(dir, 'intl')).length).toBe(1);
    const o = openIntlCache(createBuildContext(), other);
    formatDate('2020-01-01', 'nl-NL', { weekday: true }, o.intl);
    o.save();
    expect(readdirSync(join(dir, 'intl')).length).toBe(2);
    expect(openIntlCache(createBuildContext(), other).intl.texts.size).toBe(1);
  });

  test('a damaged or foreign file is a miss', () => {
    const dir = scratch();
    const disk = { cacheDir: dir, contentDir: dir };
    const first = openIntlCache(createBuildContext(), disk);
    formatSome(first.intl);
    first.save();
    const path = join(dir, 'intl', readdirSync(join(dir, 'intl'))[0]!);
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('13.670', '99.999'));
    expect(openIntlCache(createBuildContext(), disk).intl.texts.size).toBe(0);
    writeFileSync(path, good.slice(0, -5));
    expect(openIntlCache(createBuildContext(), disk).intl.texts.size).toBe(0);
    writeFileSync(path, good);
    const again = openIntlCache(createBuildContext(), disk);
    expect(formatSome(again.intl)).toEqual(EXPECTED);
    expect(again.intl.formatters.size).toBe(0);
  });

  test('one build context keeps one cache per content folder', () => {
    const build = createBuildContext();
    const a = openIntlCache(build);
    formatSome(a.intl);
    expect(openIntlCache(build).intl).toBe(a.intl);
    expect(openIntlCache(createBuildContext()).intl).not.toBe(a.intl);
  });
});
