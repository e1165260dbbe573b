/**
 * Files read again in a session (load/readSources.ts KnownFile): a file whose stat (device, inode, size, times) is
 * unchanged is taken from the session without reading; any write, a save by rename (even with the old modification
 * time put back) or a file only just written is read again; and the content-folder checks are made on every read.
 */
import { mkdtempSync, renameSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInside, readTextInside, type KnownFile } from '../../src/load/readSources.ts';

const settle = () => new Promise((r) => setTimeout(r, 2100));

// without a load's folder map every path is resolved whole; with one (as loads do) an unchanged settled file is
// taken by one lstat of its real path (knownUnchanged) and the others are opened without following links
describe.each([
  ['whole paths', () => undefined],
  ['per-load folders', () => new Map<string, string>()],
])('files known in a session (%s)', (_mode, dirs) => {
  it('a file just written is read every time; a settled one is taken from the session until it changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-known-'));
    const file = join(root, 'a.yaml');
    writeFileSync(file, 'title: Een\n');
    const known = new Map<string, KnownFile>();
    const first = await readInside(root, 'a.yaml', undefined, undefined, known, dirs());
    // written just now: its stat may not yet tell a later write apart
    expect(known.size).toBe(0);
    expect((await readInside(root, 'a.yaml', undefined, undefined, known, dirs())).bytes).not.toBe(first.bytes);
    await settle();
    const kept = await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs());
    expect(known.size).toBe(1);
    const again = await readInside(root, 'a.yaml', undefined, undefined, known, dirs());
    expect(again.bytes).toBe(known.values().next().value!.bytes);
    expect((await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs())).hash).toBe(kept.hash);
    // the same size, the old modification time put back: the change time still moved
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'title: Twe\n');
    utimesSync(file, atime, mtime);
    expect((await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs())).text).toBe('title: Twe\n');
  }, 20_000);

  it('a save by rename and a symlink out of the folder are seen, however settled the file was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-known-'));
    const outside = mkdtempSync(join(tmpdir(), 'rp-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), 'title: Geheim\n');
    const file = join(root, 'a.yaml');
    writeFileSync(file, 'title: Een\n');
    await settle();
    const known = new Map<string, KnownFile>();
    await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs());
    expect(known.size).toBe(1);
    const { atime, mtime } = statSync(file);
    writeFileSync(join(root, 'a.yaml.tmp'), 'title: Drie\n');
    utimesSync(join(root, 'a.yaml.tmp'), atime, mtime);
    renameSync(join(root, 'a.yaml.tmp'), file);
    expect((await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs())).text).toBe('title: Drie\n');
    unlinkSync(file);
    symlinkSync(join(outside, 'secret.yaml'), file);
    const escaped = await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs());
    expect(escaped.text).toBeUndefined();
    expect(escaped.error?.code).toBe((await readTextInside(root, 'a.yaml')).error?.code);
    expect(escaped.error).toBeDefined();
  }, 20_000);

  it('a settled known file over a lowered size limit is refused, not taken from the session', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-known-'));
    writeFileSync(join(root, 'a.yaml'), 'title: Een\n');
    await settle();
    const known = new Map<string, KnownFile>();
    await readTextInside(root, 'a.yaml', undefined, Infinity, known, dirs());
    expect(known.size).toBe(1);
    const limited = await readTextInside(root, 'a.yaml', undefined, 4, known, dirs());
    expect(limited.text).toBeUndefined();
    expect(limited.error?.code).toBe((await readTextInside(root, 'a.yaml', undefined, 4)).error?.code);
  }, 20_000);
});
