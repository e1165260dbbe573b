/**
 * The line cache on disk (text/lineCache.ts): a new session (as the next CLI process) finds a paragraph's lines by
 * content; every input that decides the lines (text, style, measure, alignment, font bytes, language, hyphenation
 * exceptions) leads to a new entry; an entry that is not a broken paragraph (in a well-formed pack) and a damaged
 * pack are misses that give the same lines again; and a report's PDF has the same bytes with the cache off, cold,
 * warm and damaged.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { createLineBreaker, type BrokenParagraph } from '../../src/text/breakLines.ts';
import { createLineDiskCache } from '../../src/text/lineCache.ts';
import { readCheckedBytes, writeChecked, type Pack } from '../../src/util/diskCache.ts';
import { decodePack, encodePack } from '../../src/util/packFormat.ts';
import type { Hyphenator } from '../../src/text/types.ts';
import type { FontStore } from '../../src/fonts/fontStore.ts';
import type { ParagraphSpec } from '../../src/style/types.ts';
import { DEFAULT_CONTENT_DIR, FONTS_DIR } from '../../src/paths.ts';
import { para, run, texts } from './fakeFonts.ts';

const root = join(import.meta.dirname, '..', '..');
const TEXT = 'Het aantal verblijfsaanvragen voor studie lag in 2020 lager dan een jaar eerder, door de coronamaatregelen.';
const FILES = { serif: 'SourceSerif4_400Regular.ttf', bold: 'SourceSerif4_700Bold.ttf' };

/** Breaks `p` at `width` in a fresh session (empty memory) over the disk cache in `dir`, and saves. */
function breakInNewSession(dir: string, fonts: FontStore, hyphenator: Hyphenator, p: ParagraphSpec, width: number): BrokenParagraph['lines'] {
  const disk = createLineDiskCache(dir, new Map<string, Pack>());
  const lines = createLineBreaker({ fonts, hyphenator }, { words: new Map(), lines: new Map(), disk })(p, width);
  disk.save();
  return lines;
}

/** The pack files holding broken lines in a cache folder, with their maps. */
function linePacks(dir: string): [string, Record<string, [string, unknown][]>][] {
  const packs = join(dir, 'packs');
  return readdirSync(packs)
    .map((f) => [join(packs, f), decodePack(readCheckedBytes(join(packs, f))!)] as [string, Record<string, [string, unknown][]>])
    .filter(([, maps]) => maps.lines);
}

/** Entries of every line pack in the cache folder. */
function entries(dir: string): number {
  return linePacks(dir).reduce((n, [, maps]) => n + maps.lines!.length, 0);
}

describe('line cache on disk', () => {
  test('a new session hits by content; each input of the key makes a new entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-lines-'));
    const fonts = createFontStore(FONTS_DIR, FILES);
    const nl = await createHyphenator({});
    const first = breakInNewSession(dir, fonts, nl, para(TEXT), 120);
    expect(entries(dir)).toBe(1);
    // the same content in another session (new paragraph object, new memory): read from disk, nothing added
    expect(breakInNewSession(dir, fonts, nl, para(TEXT), 120)).toEqual(first);
    expect(entries(dir)).toBe(1);
    const otherBytes = mkdtempSync(join(tmpdir(), 'rp-lines-fonts-'));
    writeFileSync(join(otherBytes, FILES.serif), readFileSync(join(FONTS_DIR, 'SourceSerif4_600SemiBold.ttf')));
    writeFileSync(join(otherBytes, FILES.bold), readFileSync(join(FONTS_DIR, FILES.bold)));
    const variants: [string, () => Promise<unknown> | unknown][] = [
      ['text', () => breakInNewSession(dir, fonts, nl, para(`${TEXT} Meer.`), 120)],
      ['measure', () => breakInNewSession(dir, fonts, nl, para(TEXT), 140)],
      ['font', () => breakInNewSession(dir, fonts, nl, para([run(TEXT, { font: 'bold' })]), 120)],
      ['size', () => breakInNewSession(dir, fonts, nl, para([run(TEXT, { sizePt: 9 })]), 120)],
      ['alignment', () => breakInNewSession(dir, fonts, nl, para(TEXT, { align: 'left' }), 120)],
      ['font bytes', () => breakInNewSession(dir, createFontStore(otherBytes, FILES), nl, para(TEXT), 120)],
      ['language', async () => breakInNewSession(dir, fonts, await createHyphenator({ language: 'en-GB' }), para(TEXT), 120)],
      ['exceptions', async () => breakInNewSession(dir, fonts, await createHyphenator({ exceptions: ['verblijfs-aanvragen'] }), para(TEXT), 120)],
    ];
    let expected = 1;
    for (const [input, make] of variants) {
      await make();
      expect(entries(dir), input).toBe(++expected);
    }
  });

  test('a damaged entry and a damaged pack are misses that give the same lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-lines-bad-'));
    const fonts = createFontStore(FONTS_DIR, FILES);
    const nl = await createHyphenator({});
    const fresh = breakInNewSession(dir, fonts, nl, para(TEXT), 120);
    const [[file, maps]] = linePacks(dir) as [[string, Record<string, [string, { lines: unknown[] }][]>]];
    const key = maps.lines![0]![0];
    maps.lines![0]![1].lines = [{ runs: 'damaged' }];
    // a well-formed pack (hash line matches) whose entry is not a broken paragraph
    writeChecked(file, encodePack(maps));
    expect(texts(breakInNewSession(dir, fonts, nl, para(TEXT), 120))).toEqual(texts(fresh));
    // the entry was written again, whole
    expect(linePacks(dir)[0]![1].lines).toEqual([[key, { lines: fresh, tooWide: [], overfull: [] }]]);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(breakInNewSession(dir, fonts, nl, para(TEXT), 120)).toEqual(fresh);
  });

  test('the bundled report: same bytes with the cache off, cold, warm and with a damaged pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-lines-cli-'));
    const content = join(dir, 'content');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const build = (name: string, ...args: string[]) => {
      const out = join(dir, `${name}.pdf`);
      const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', content, '-o', out, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    };
    const cache = join(dir, 'cache');
    const off = build('off', '--no-cache');
    expect(build('cold', '--cache-dir', cache).equals(off)).toBe(true);
    expect(entries(cache)).toBeGreaterThan(100);
    expect(build('warm', '--cache-dir', cache).equals(off)).toBe(true);
    for (const [file, maps] of linePacks(cache)) {
      // every line and run loses its width: each entry is damaged, in a pack whose hash line is right
      writeChecked(file, encodePack({ lines: maps.lines!.map(([k, v]) => [k, JSON.parse(JSON.stringify(v).replace(/"widthPt":[-\d.e]+,/g, ''))]) }));
    }
    expect(build('damaged', '--cache-dir', cache).equals(off)).toBe(true);
  });
});
