/**
 * Flowed sections, page streams and font subsets kept on disk (util/diskPack.ts, cli/build.ts): a build in a new
 * build context (as the next CLI process) with the cache folder of an earlier build gives the same bytes as one
 * without caches, takes everything from the pack (so it writes nothing), and after an edit gives the bytes of a
 * build of the edited content without caches.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/cli/build.ts';

const root = resolve(import.meta.dirname, '..', '..');

describe('layout and PDF caches on disk', () => {
  test('cold, warm and after an edit: the bytes of a build without caches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-pack-build-'));
    const content = join(dir, 'content');
    cpSync(join(root, 'test', 'golden', 'minimal'), content, { recursive: true });
    const cacheDir = join(dir, 'cache');
    const build = async (cache: boolean) => Buffer.from((await buildReport({ contentDir: content, ...(cache && { cacheDir }) })).pdf);
    const off = await build(false);
    expect((await build(true)).equals(off), 'cold').toBe(true);
    const packs = join(cacheDir, 'packs');
    const [file] = readdirSync(packs);
    const pack = readFileSync(join(packs, file!));
    const written = statSync(join(packs, file!)).mtimeMs;
    expect((await build(true)).equals(off), 'warm').toBe(true);
    // every section, page and subset came from the pack: the file was not written again
    expect(statSync(join(packs, file!)).mtimeMs).toBe(written);
    const article = join(content, 'sections', '01-artikel.yaml');
    const text = readFileSync(article, 'utf8');
    const edited = text.replace('In het verslagjaar kwamen', 'Een nieuwe zin aan het begin. In het verslagjaar kwamen');
    expect(edited).not.toBe(text);
    writeFileSync(article, edited);
    const editedOff = await build(false);
    expect(editedOff.equals(off)).toBe(false);
    expect((await build(true)).equals(editedOff), 'after the edit').toBe(true);
    expect(readFileSync(join(packs, file!)).equals(pack)).toBe(false);
    expect((await build(true)).equals(editedOff), 'warm after the edit').toBe(true);
  }, 120_000);
});
