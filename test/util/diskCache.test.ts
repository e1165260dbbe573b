/**
 * The one disk cache (util/diskCache.ts, util/packFormat.ts): values come back as they went in (byte arrays and
 * maps included, in V8's format named by the Node version), a pack keeps exactly what the last build used, an unchanged pack is not written again, a damaged
 * file (truncated, or one byte changed) reads as empty, and the file name follows the tool's version and the id.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openPack, packedMap, readChecked, savePack, savePackSoon, toolVersion, writeChecked, type Pack } from '../../src/util/diskCache.ts';
import { decodePack, encodePack, PACK_MAGIC } from '../../src/util/packFormat.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rp-pack-'));

describe('pack encoding', () => {
  test('round-trips plain data, byte arrays (as raw bytes), maps and what JSON would lose', () => {
    const value = {
      stream: new Uint8Array([0, 1, 2, 255]),
      ops: Buffer.from('q\n1 0 0 1 2 3 cm\n'),
      svg: new Map<number, unknown>([[3, [['glyph', 'F1', 7, 500, [65]]]], [5, null], [6, new Map([['inner', new Uint8Array([9, 8])]])]]),
      n: -1.25,
      s: 'tekst\u0000é',
      nested: { deep: [{ a: [1, [2, [3]]], b: undefined }], zero: -0, nan: NaN, inf: -Infinity },
    };
    const maps = { pages: [['k1', value], ['k2', { stream: new Uint8Array(0), svg: new Map() }]] as [string, unknown][], other: [['x', 'y']] as [string, unknown][] };
    const bytes = encodePack(maps);
    // the byte arrays are in the body as they are, not as arrays of numbers
    expect(Buffer.from(bytes).includes(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from('q\n1 0 0 1 2 3 cm\n'))).toBe(true);
    const back = decodePack(bytes);
    expect(Object.keys(back)).toEqual(['pages', 'other']);
    expect(back.pages!.map(([k]) => k)).toEqual(['k1', 'k2']);
    const v = back.pages![0]![1] as typeof value;
    expect(v.stream).toBeInstanceOf(Uint8Array);
    expect([...v.stream]).toEqual([0, 1, 2, 255]);
    expect(Buffer.from(v.ops).toString()).toBe('q\n1 0 0 1 2 3 cm\n');
    expect(v.svg).toBeInstanceOf(Map);
    expect([...v.svg.keys()]).toEqual([3, 5, 6]);
    expect(v.svg.get(3)).toEqual([['glyph', 'F1', 7, 500, [65]]]);
    expect([...((v.svg.get(6) as Map<string, Uint8Array>).get('inner') ?? [])]).toEqual([9, 8]);
    expect(v.n).toBe(-1.25);
    expect(v.s).toBe('tekst\u0000é');
    expect(v.nested.deep[0]!.a).toEqual([1, [2, [3]]]);
    // an own property holding undefined, -0 and NaN survive (JSON would drop, turn into 0 and null)
    expect(Object.keys(v.nested.deep[0]!)).toEqual(['a', 'b']);
    expect(Object.is(v.nested.zero, -0)).toBe(true);
    expect(v.nested.nan).toBeNaN();
    expect(v.nested.inf).toBe(-Infinity);
    expect(back.pages![1]![1]).toEqual(maps.pages[1]![1]);
    expect(back.other).toEqual([['x', 'y']]);
  });

  test('the body is the format line, an index of lengths, then the entries', () => {
    const bytes = Buffer.from(encodePack({ a: [['k', 'one'], ['l', { two: 2 }]], b: [] }));
    const first = bytes.indexOf(10);
    expect(bytes.toString('utf8', 0, first + 1)).toBe(PACK_MAGIC);
    expect(PACK_MAGIC).toContain(process.versions.v8);
    const second = bytes.indexOf(10, first + 1);
    const index = JSON.parse(bytes.toString('utf8', first + 1, second)) as Record<string, [string, number][]>;
    expect(Object.keys(index)).toEqual(['a', 'b']);
    expect(index.a!.map(([k]) => k)).toEqual(['k', 'l']);
    // the lengths add up to the rest of the body
    expect(index.a!.reduce((n, [, len]) => n + len, 0)).toBe(bytes.length - second - 1);
  });

  test('values read back are saved again as the same bytes, without encoding them again', () => {
    const memo = new WeakMap<object, Uint8Array>();
    const bytes = encodePack({ m: [['k', { a: [1, 2, 3], b: new Uint8Array([4]) }]] });
    const back = decodePack(bytes, memo);
    const value = back.m![0]![1] as object;
    expect(memo.has(value)).toBe(true);
    expect(Buffer.from(encodePack(back, memo)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('an entry V8 cannot clone is left out, the others are kept', () => {
    const back = decodePack(encodePack({ m: [['a', 1], ['f', { run: () => 1 }], ['b', 2]] }));
    expect(back).toEqual({ m: [['a', 1], ['b', 2]] });
  });

  test('a truncated, foreign, garbled or over-long body is empty or throws (a miss in openPack)', () => {
    const bytes = Buffer.from(encodePack({ m: [['k', new Uint8Array(100).fill(7)]] }));
    expect(() => decodePack(bytes.subarray(0, bytes.length - 10))).toThrow();
    expect(() => decodePack(Buffer.concat([bytes, Buffer.from([0])]))).toThrow();
    expect(decodePack(Buffer.from('{"m":[["k",1]]}\n'))).toEqual({});
    expect(decodePack(bytes.subarray(0, 12))).toEqual({});
    // written by another Node (another V8 serialization): a miss, not data
    const other = Buffer.from(bytes.toString('latin1').replace(process.versions.v8, '1.2.3'), 'latin1');
    expect(decodePack(other)).toEqual({});
    // an entry whose bytes are not a V8 value
    const garbled = Buffer.from(bytes);
    garbled.fill(0xff, bytes.indexOf(10, PACK_MAGIC.length) + 1);
    expect(() => decodePack(garbled)).toThrow();
  });
});

describe('packs on disk', () => {
  const open = (dir: string, id = 'report|screen') => openPack(dir, id, new Map<string, Pack>());

  test('keeps what the last build used, in that order, and reads it back in a new session', () => {
    const dir = scratch();
    const p = open(dir);
    const m = packedMap<number>(p, 'pageStreams');
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) m.entries.set(k, v);
    m.used.add('c').add('a');
    savePack(p);
    expect(m.used.size).toBe(0);
    const again = packedMap<number>(open(dir), 'pageStreams');
    expect([...again.entries]).toEqual([['c', 3], ['a', 1]]);
    // another id (content folder, variant) has its own file
    expect(packedMap(open(dir, 'other|print'), 'pageStreams').entries.size).toBe(0);
    expect(readdirSync(join(dir, 'packs')).length).toBe(1);
  });

  test('a build that used exactly what the file holds does not write it; one that used more does', () => {
    const dir = scratch();
    const p = open(dir);
    const m = packedMap<string>(p, 'sectionFlows');
    m.entries.set('s1', 'x');
    m.used.add('s1');
    savePack(p);
    const [file] = readdirSync(join(dir, 'packs'));
    const path = join(dir, 'packs', file!);
    writeFileSync(path, readFileSync(path)); // same bytes, new mtime to compare with
    const before = statSync(path).mtimeMs;
    const q = open(dir);
    const n = packedMap<string>(q, 'sectionFlows');
    n.used.add('s1');
    savePack(q);
    expect(statSync(path).mtimeMs).toBe(before);
    n.entries.set('s2', 'y');
    n.used.add('s1').add('s2');
    savePack(q);
    expect(packedMap(open(dir), 'sectionFlows').entries.size).toBe(2);
  });

  test('savePackSoon writes once after the current work, however often it is asked', async () => {
    const dir = scratch();
    const p = open(dir);
    const m = packedMap<number>(p, 'm');
    m.entries.set('k', 1);
    m.used.add('k');
    savePackSoon(p);
    savePackSoon(p);
    expect(existsSync(join(dir, 'packs'))).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(join(dir, 'packs')).length).toBe(1);
    expect(packedMap(open(dir), 'm').entries.get('k')).toBe(1);
  });

  test('a damaged pack is empty; the file is named by the tool version and the id', () => {
    const dir = scratch();
    const p = open(dir);
    packedMap<number>(p, 'm').entries.set('k', 1);
    packedMap<number>(p, 'm').used.add('k');
    savePack(p);
    const [file] = readdirSync(join(dir, 'packs'));
    const path = join(dir, 'packs', file!);
    const good = readFileSync(path);
    // the last byte (the value's) changed: the body may still decode, only the hash line tells
    const flipped = Buffer.from(good);
    flipped[flipped.length - 1] ^= 1;
    writeFileSync(path, flipped);
    expect(packedMap(open(dir), 'm').entries.size).toBe(0);
    writeFileSync(path, good.subarray(0, good.length - 1));
    expect(packedMap(open(dir), 'm').entries.size).toBe(0);
    writeFileSync(path, good);
    expect(packedMap(open(dir), 'm').entries.get('k')).toBe(1);
    expect(toolVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(file).toBe(`${createHash('sha256').update(`${toolVersion()}\u0000report|screen`).digest('hex').slice(0, 32)}.pack`);
  });
});

describe('entries decoded when asked for', () => {
  /** A pack file (valid hash line) whose body is `body`, in a new cache folder; returns the folder. */
  const packWith = (body: Uint8Array, id = 'report|screen') => {
    const dir = scratch();
    const p = openPack(dir, id, new Map<string, Pack>());
    writeChecked(p.file, body);
    return dir;
  };

  test('an entry whose bytes do not decode is a miss; the others are read and the pack is written without it', () => {
    const body = Buffer.from(encodePack({ m: [['good', { a: [1, 2] }], ['bad', 'xxxxxxxx'], ['also', 3]] }));
    const index = JSON.parse(body.toString('utf8', PACK_MAGIC.length, body.indexOf(10, PACK_MAGIC.length))) as Record<string, [string, number][]>;
    // garble the middle entry's bytes only (its V8 header): the file's hash line is made for the garbled body
    const start = body.indexOf(10, PACK_MAGIC.length) + 1 + index.m![0]![1];
    body.fill(0xff, start, start + 2);
    const dir = packWith(body);
    const p = openPack(dir, 'report|screen', new Map<string, Pack>());
    const m = packedMap<unknown>(p, 'm');
    expect(m.entries.get('good')).toEqual({ a: [1, 2] });
    expect(m.entries.get('bad')).toBeUndefined();
    expect(m.entries.has('bad')).toBe(false);
    expect(m.entries.get('also')).toBe(3);
    m.used.add('good').add('also');
    savePack(p);
    expect([...packedMap(openPack(dir, 'report|screen', new Map<string, Pack>()), 'm').entries]).toEqual([['good', { a: [1, 2] }], ['also', 3]]);
  });

  test('entries kept unused are written back as the bytes they were read as; iterating decodes in order', () => {
    const values: [string, unknown][] = [['a', { n: 1 }], ['b', new Map([[1, new Uint8Array([5, 6])]])], ['c', 'drie']];
    const body = Buffer.from(encodePack({ lines: values }));
    const dir = packWith(body);
    const p = openPack(dir, 'report|screen', new Map<string, Pack>());
    const m = packedMap<unknown>(p, 'lines', 10);
    m.used.add('c');
    m.entries.set('d', 4);
    m.used.add('d');
    savePack(p);
    const again = openPack(dir, 'report|screen', new Map<string, Pack>());
    const back = packedMap<unknown>(again, 'lines', 10);
    expect([...back.entries.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect([...back.entries.values()]).toEqual([{ n: 1 }, new Map([[1, new Uint8Array([5, 6])]]), 'drie', 4]);
    // the unused entries' bytes are those of the first file
    const entryBytes = (b: Buffer, k: string) => {
      const end = b.indexOf(10, PACK_MAGIC.length);
      const index = JSON.parse(b.toString('utf8', PACK_MAGIC.length, end)) as Record<string, [string, number][]>;
      let at = end + 1;
      for (const [key, len] of index.lines!) {
        if (key === k) return b.subarray(at, at + len);
        at += len;
      }
      return undefined;
    };
    const written = readFileSync(again.file).subarray(65);
    for (const k of ['a', 'b', 'c']) expect(entryBytes(written, k)!.equals(entryBytes(body, k)!)).toBe(true);
  });
});

describe('single checked files', () => {
  test('read back what was written; a changed byte, a truncation or a missing file is undefined', () => {
    const file = join(scratch(), 'sub', 'entry.json');
    expect(writeChecked(file, '{"a":"één"}')).toBe(true);
    expect(readChecked(file)).toBe('{"a":"één"}');
    // the first line is the SHA-256 of the rest, computed here independently
    const [line, body] = readFileSync(file, 'utf8').split('\n');
    expect(line).toBe(createHash('sha256').update(body!, 'utf8').digest('hex'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('"a"', '"b"'));
    expect(readChecked(file)).toBeUndefined();
    writeFileSync(file, `${line}\n{"a":"é`);
    expect(readChecked(file)).toBeUndefined();
    expect(readChecked(join(scratch(), 'none.json'))).toBeUndefined();
    // no temporary file is left beside it
    expect(readdirSync(join(file, '..'))).toEqual(['entry.json']);
  });
});
