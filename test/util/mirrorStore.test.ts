/**
 * A session map mirrored into a disk pack (util/mirrorStore.ts, used by load records and styled sections): a new
 * session reads back exactly what was stored (Maps, undefined, NaN and -0 included, which plain JSON loses), an
 * entry that fails the caller's shape check is a miss and the pack is written again without it, the pack keeps
 * only what the last build used, and the session's map stays within its bound.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';
import { openPack, packedMap, type Pack } from '../../src/util/diskCache.ts';
import { mirrorPack, mirrorStore } from '../../src/util/mirrorStore.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rp-mirror-'));
/** A store over the pack of `name` for content folder 'content' in a new session (as the next CLI process). */
const store = <V>(build: BuildContext, cacheDir: string, check: (v: unknown) => V | undefined = (v) => v as V, max?: number) =>
  mirrorStore(build.cache<V>('styles'), mirrorPack(build, cacheDir, 'styles', 'content'), 'styles', check, max);

describe('mirror store', () => {
  test('a new session reads back what was stored, rich values intact', () => {
    const dir = scratch();
    const value = { m: new Map([['a', 1]]), u: undefined, nan: Number.NaN, z: -0, s: 'tekst' };
    const first = store<typeof value>(createBuildContext(), dir);
    first.set('key', value);
    first.save();
    const back = store<typeof value>(createBuildContext(), dir).get('key');
    expect(back).toStrictEqual(value);
    expect(Object.is(back!.z, -0)).toBe(true);
    expect('u' in back!).toBe(true);
    expect(store(createBuildContext(), dir).get('other')).toBeUndefined();
  });

  test('an entry that fails the shape check is a miss, and the pack is written again without it', () => {
    const dir = scratch();
    const first = store<{ n: number }>(createBuildContext(), dir);
    first.set('a', { n: 1 });
    first.set('b', { n: 2 });
    first.save();
    const onlyOne = (v: unknown) => ((v as { n: number }).n === 1 ? (v as { n: number }) : undefined);
    const second = store(createBuildContext(), dir, onlyOne);
    expect(second.get('a')).toEqual({ n: 1 });
    expect(second.get('b')).toBeUndefined();
    second.save();
    // read the file again in a fresh session: one entry left
    const [file] = readdirSync(join(dir, 'packs'));
    const pack = openPack(dir, JSON.stringify(['styles', join(process.cwd(), 'content')]), new Map<string, Pack>());
    expect(pack.file.endsWith(file!)).toBe(true);
    expect(packedMap(pack, 'styles').entries.size).toBe(1);
  });

  test('the pack keeps only what the last build used; the session map keeps at most `max`', () => {
    const dir = scratch();
    const build = createBuildContext();
    const s = store<number>(build, dir, undefined, 2);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) s.set(k, v);
    expect([...build.cache('styles').keys()]).toEqual(['b', 'c']);
    s.save();
    const next = store<number>(createBuildContext(), dir);
    expect(next.get('c')).toBe(3);
    next.save();
    const last = store<number>(createBuildContext(), dir);
    expect([last.get('a'), last.get('b'), last.get('c')]).toEqual([undefined, undefined, 3]);
    // without a cache folder nothing is written and the session map still works
    const mem = mirrorStore(new Map<string, number>(), undefined, 'styles', (v) => v as number);
    mem.set('k', 1);
    mem.save();
    expect(mem.get('k')).toBe(1);
  });
});
