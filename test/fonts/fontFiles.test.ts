/**
 * Font files known by their stat (fonts/fontFiles.ts): a next process with the cache folder reads and hashes no
 * face, yet hands out each file's SHA-256 (the oracle: node:crypto over the file's bytes, computed here); a changed
 * file is hashed again; a file whose change time is not 2 s old is never trusted by its stat; bytes read later
 * must have the hash handed out.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fontFiles, fontStat, type KnownFontFile } from '../../src/fonts/fontFiles.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { FONTS_DIR } from '../../src/paths.ts';
import { cacheFile, writeChecked } from '../../src/util/diskCache.ts';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const FACES = readdirSync(FONTS_DIR).filter((f) => f.endsWith('.ttf')).slice(0, 3).map((f) => join(FONTS_DIR, f));
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe('font files by stat', () => {
  test('a next process (a new session, the same cache folder) reads and hashes none, with the same hashes', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-fontfiles-'));
    const first = fontFiles(new Map(), cacheDir);
    const hashes = FACES.map((p) => first.open(p, fontStat(p)!).hash);
    expect(first.hashed).toBe(FACES.length);
    expect(hashes).toEqual(FACES.map(sha256));
    first.save();
    const next = fontFiles(new Map(), cacheDir);
    const again = FACES.map((p) => next.open(p, fontStat(p)!));
    expect(next.hashed).toBe(0);
    expect(again.map((f) => f.hash)).toEqual(FACES.map(sha256));
    // the bytes, when a face is shaped after all, are the file's
    expect(Buffer.from(again[0]!.bytes()).equals(readFileSync(FACES[0]!))).toBe(true);
    // bytes handed on (to pdf/) are only those already read, never read for the asking
    expect(again[1]!.readBytes()).toBeUndefined();
    expect(Buffer.from(again[0]!.readBytes()!).equals(readFileSync(FACES[0]!))).toBe(true);
    expect(Buffer.from(first.open(FACES[2]!, fontStat(FACES[2]!)!).readBytes()!).equals(readFileSync(FACES[2]!))).toBe(true);
    // without a cache folder nothing is kept between sessions
    const none = fontFiles(new Map());
    FACES.forEach((p) => none.open(p, fontStat(p)!));
    expect(none.hashed).toBe(FACES.length);
  });

  test('the session keeps a hash (and the bytes once read) for the next build of a watch session', () => {
    const session = new Map<string, KnownFontFile>();
    const a = fontFiles(session);
    a.open(FACES[0]!, fontStat(FACES[0]!)!).bytes();
    const b = fontFiles(session);
    expect(b.open(FACES[0]!, fontStat(FACES[0]!)!).hash).toBe(sha256(FACES[0]!));
    expect(b.hashed).toBe(0);
  });

  test('a rewritten file is hashed again; a file changed less than 2 s ago is never trusted by its stat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-fontfiles-'));
    const cacheDir = join(dir, 'cache');
    const face = join(dir, 'face.ttf');
    writeFileSync(face, readFileSync(FACES[0]!));
    // just written: hashed at every open, kept nowhere
    const session = new Map<string, KnownFontFile>();
    const young = fontFiles(session, cacheDir);
    young.open(face, fontStat(face)!);
    young.open(face, fontStat(face)!);
    expect(young.hashed).toBe(2);
    expect(session.size).toBe(0);
    await sleep(2100);
    const settled = fontFiles(new Map(), cacheDir);
    expect(settled.open(face, fontStat(face)!).hash).toBe(sha256(FACES[0]!));
    settled.save();
    // other bytes of the same size under the same name
    const other = Buffer.from(readFileSync(FACES[0]!));
    other[other.length - 1] ^= 0xff;
    writeFileSync(face, other);
    const next = fontFiles(new Map(), cacheDir);
    expect(next.open(face, fontStat(face)!).hash).toBe(sha256(face));
    expect(sha256(face)).not.toBe(sha256(FACES[0]!));
    expect(next.hashed).toBe(1);
  }, 10_000);

  test('bytes read later that do not have the hash handed out are an error, not a face under the wrong key', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-fontfiles-'));
    const path = FACES[0]!;
    const st = fontStat(path)!;
    // a cache file claiming another hash for this very stat (what a file swapped behind a kept stat would look like)
    const key = `${path}\u0000${st.dev}\u0000${st.ino}\u0000${st.size}\u0000${st.mtimeNs}\u0000${st.ctimeNs}`;
    writeChecked(cacheFile(cacheDir, 'fonts', 'file hashes'), JSON.stringify({ [key]: '0'.repeat(64) }));
    const f = fontFiles(new Map(), cacheDir).open(path, st);
    expect(f.hash).toBe('0'.repeat(64));
    expect(() => f.bytes()).toThrow(/changed while the report was built/);
  });

  test('the font store hands out the same hashes with and without known files, and shapes the same', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-fontfiles-'));
    const faces = { serif: 'SourceSerif4_400Regular.ttf', sans: 'SourceSans3_400Regular.ttf' };
    const plain = createFontStore(FONTS_DIR, faces);
    const first = fontFiles(new Map(), cacheDir);
    createFontStore(FONTS_DIR, faces, {}, undefined, {}, {}, first);
    first.save();
    const known = fontFiles(new Map(), cacheDir);
    const store = createFontStore(FONTS_DIR, faces, {}, undefined, {}, {}, known);
    expect(store.hashes).toEqual(plain.hashes);
    expect(store.hashes!.serif).toBe(sha256(join(FONTS_DIR, faces.serif)));
    expect(known.hashed).toBe(0);
    expect(store.measure('Vreemdelingenketen', 'serif', 10)).toBe(plain.measure('Vreemdelingenketen', 'serif', 10));
  });
});
