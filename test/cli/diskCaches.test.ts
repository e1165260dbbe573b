/**
 * Flowed sections, page streams and font subsets kept on disk (util/diskCache.ts packs, cli/build.ts): a build in a new
 * build context (as the next CLI process) with the cache folder of an earlier build gives the same bytes as one
 * without caches, takes everything from the pack (so it writes nothing), and after an edit gives the bytes of a
 * build of the edited content without caches.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/cli/build.ts';
import { cacheFile } from '../../src/util/diskCache.ts';

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
    // the layout pack of this content folder and variant (cli/build.ts names it), beside the load, bind, style and line packs
    const file = cacheFile(cacheDir, 'packs', JSON.stringify([content, 'screen']), '.pack');
    const pack = readFileSync(file);
    const written = new Map(readdirSync(packs).map((f) => [f, statSync(join(packs, f)).mtimeMs]));
    expect(written.size).toBe(5);
    expect((await build(true)).equals(off), 'warm').toBe(true);
    // every record, bound and styled section, line, page and subset came from a pack: no pack was written again
    expect(new Map(readdirSync(packs).map((f) => [f, statSync(join(packs, f)).mtimeMs]))).toEqual(written);
    const article = join(content, 'sections', '01-artikel.yaml');
    const text = readFileSync(article, 'utf8');
    const edited = text.replace('In het verslagjaar kwamen', 'Een nieuwe zin aan het begin. In het verslagjaar kwamen');
    expect(edited).not.toBe(text);
    writeFileSync(article, edited);
    const editedOff = await build(false);
    expect(editedOff.equals(off)).toBe(false);
    expect((await build(true)).equals(editedOff), 'after the edit').toBe(true);
    expect(readFileSync(file).equals(pack)).toBe(false);
    expect((await build(true)).equals(editedOff), 'warm after the edit').toBe(true);
  }, 120_000);
});
