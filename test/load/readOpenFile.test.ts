/**
 * readOpenFile reads an open file with the size fstat gave, instead of readFileSync(fd). The oracle is
 * readFileSync of the path: the same bytes for content files, an empty file, a file larger than one read and a
 * file that shrank after its size was taken; and the result owns its buffer (no pooled Buffer shared with others).
 */
import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOpenFile } from '../../src/load/readSources.ts';

function readWith(path: string, size?: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    return readOpenFile(fd, size ?? fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

describe('readOpenFile', () => {
  it('gives the bytes readFileSync gives for every file of the bundled report', () => {
    const dir = 'content/jaarverslag-2020/sections';
    for (const name of readdirSync(dir)) {
      const got = readWith(join(dir, name));
      expect(Buffer.from(got).equals(readFileSync(join(dir, name)))).toBe(true);
      expect(got.byteOffset).toBe(0);
      expect(got.buffer.byteLength).toBe(got.length);
    }
  });

  it('reads an empty file, a large file, and a file shorter than the size it was opened with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-read-'));
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    expect(readWith(empty).length).toBe(0);
    const big = join(dir, 'big.yaml');
    const bytes = Buffer.alloc(3_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(big, bytes);
    expect(Buffer.from(readWith(big)).equals(bytes)).toBe(true);
    // the size taken before the file shrank: only what is there is read
    const size = bytes.length;
    truncateSync(big, 1000);
    const cut = readWith(big, size);
    expect(Buffer.from(cut).equals(bytes.subarray(0, 1000))).toBe(true);
    expect(cut.buffer.byteLength).toBe(1000);
  });
});
