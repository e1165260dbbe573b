/**
 * The build context owns every cache: two different reports built in turn in one session give exactly the bytes of
 * builds that share nothing (and of a separate process), and each cache's key changes when its input changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { createFontStore } from '../../src/fonts/fontStore.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { createLineBreaker, type BrokenParagraph } from '../../src/text/breakLines.ts';
import { prepareImages } from '../../src/images/prepareImages.ts';
import type { PreparedImage } from '../../src/images/types.ts';
import { DEFAULT_CONTENT_DIR, FONTS_DIR } from '../../src/paths.ts';
import { para, run } from '../text/fakeFonts.ts';
import { DEFAULT_LIMITS } from '../../src/spec/limits.ts';

const root = join(import.meta.dirname, '..', '..');
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/** A second report: the bundled one with an edited paragraph and a figure every asylum chart uses changed. */
function secondReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-ctx-'));
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const section = join(dir, 'sections', '01-asiel.yaml');
  writeFileSync(section, readFileSync(section, 'utf8').replace(/(- p: >-\n\s+)/, '$1Een tweede verslag, met een andere zin. '));
  const figures = join(dir, 'figures.yaml');
  writeFileSync(figures, readFileSync(figures, 'utf8').replace(/\b(\d{4,5})\b/, (m) => String(Number(m) + 7)));
  return dir;
}

describe('two reports in one session', () => {
  let other: string;
  let alone: { a: Uint8Array; b: Uint8Array };
  beforeAll(async () => {
    other = secondReport();
    alone = { a: (await buildReport({ contentDir: DEFAULT_CONTENT_DIR })).pdf, b: (await buildReport({ contentDir: other })).pdf };
  });

  test('A, B, A, B with one context give the bytes of builds that share nothing', async () => {
    expect(same(alone.a, alone.b)).toBe(false);
    const session = createBuildContext();
    for (const dir of [DEFAULT_CONTENT_DIR, other, DEFAULT_CONTENT_DIR, other]) {
      const pdf = (await buildReport({ contentDir: dir }, session)).pdf;
      expect(same(pdf, dir === other ? alone.b : alone.a), dir).toBe(true);
    }
    expect(session.cache('lines').size).toBeGreaterThan(100);
  });

  test('and the bytes of a separate process', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rp-ctx-cli-')), 'b.pdf');
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'build', other, '-o', out, '--no-cache'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(same(readFileSync(out), alone.b)).toBe(true);
  });

  test('yaml: an edited file is parsed again under a new key, the others are not', async () => {
    const session = createBuildContext();
    await buildReport({ contentDir: other }, session);
    const keys = new Set(session.cache('yaml').keys());
    const file = join(other, 'sections', '02-familie.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(- p: >-\n\s+)/, '$1Gewijzigd. '));
    const r = await buildReport({ contentDir: other }, session);
    const added = [...session.cache('yaml').keys()].filter((k) => !keys.has(k));
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('02-familie.yaml');
    expect(r.document.pages.some((p) => p.items.some((i) => i.kind === 'glyphs' && i.text.includes('Gewijzigd.')))).toBe(true);
  });
});

describe('cache keys follow their inputs', () => {
  test('fonts: same bytes reuse the store (and its shapes); other bytes under the same name do not', () => {
    const cache = new Map();
    const files = { serif: 'SourceSerif4_400Regular.ttf' };
    const a = createFontStore(FONTS_DIR, files, {}, cache);
    expect(createFontStore(FONTS_DIR, files, {}, cache)).toBe(a);
    const dir = mkdtempSync(join(tmpdir(), 'rp-fonts-'));
    writeFileSync(join(dir, 'SourceSerif4_400Regular.ttf'), readFileSync(join(FONTS_DIR, 'SourceSerif4_700Bold.ttf')));
    const b = createFontStore(dir, files, {}, cache);
    expect(b).not.toBe(a);
    expect(b.measure('Asiel', 'serif', 10)).toBeGreaterThan(a.measure('Asiel', 'serif', 10));
  });

  test('hyphenators: one per exception list', async () => {
    const cache = new Map();
    const a = await createHyphenator({ exceptions: ['co-ro-na'] }, cache);
    expect(await createHyphenator({ exceptions: ['co-ro-na'] }, cache)).toBe(a);
    expect(await createHyphenator({ exceptions: ['cor-o-na'] }, cache)).not.toBe(a);
  });

  test('lines: a paragraph with the same content (a new object) is a hit; text, style or measure changes miss', async () => {
    const fonts = createFontStore(FONTS_DIR, { serif: 'SourceSerif4_400Regular.ttf', bold: 'SourceSerif4_700Bold.ttf' });
    const hyphenator = await createHyphenator({});
    const caches = { words: new Map(), lines: new Map<string, BrokenParagraph>() };
    const breakLines = createLineBreaker({ fonts, hyphenator }, caches);
    const text = 'Het aantal verblijfsaanvragen voor studie lag in 2020 lager dan een jaar eerder, door de coronamaatregelen.';
    const lines = breakLines(para(text), 120);
    expect(breakLines(para(text), 120)).toBe(lines);
    expect(caches.lines.size).toBe(1);
    breakLines(para(text + ' Meer.'), 120);
    breakLines(para(text), 140);
    breakLines(para([run(text, { font: 'bold' })]), 120);
    breakLines(para(text, { align: 'left' }), 120);
    expect(caches.lines.size).toBe(5);
    // another breaker of the same session (fonts with the same bytes, same hyphenator) finds them
    expect(createLineBreaker({ fonts, hyphenator }, caches)(para(text), 120)).toBe(lines);
  });

  test('images: same path and bytes are prepared once; new bytes under the same path are prepared again', async () => {
    const cache = new Map<string, PreparedImage>();
    const svg = readFileSync(join(DEFAULT_CONTENT_DIR, 'images', 'brexit-pasje.svg'));
    const a = (await prepareImages(new Map([['images/x.svg', svg]]), undefined, DEFAULT_LIMITS, cache)).get('images/x.svg');
    expect((await prepareImages(new Map([['images/x.svg', svg]]), undefined, DEFAULT_LIMITS, cache)).get('images/x.svg')).toBe(a);
    const changed = Buffer.from(svg.toString('utf8').replace(/<\/svg>\s*$/, '<rect width="1" height="1"/></svg>'));
    expect((await prepareImages(new Map([['images/x.svg', changed]]), undefined, DEFAULT_LIMITS, cache)).get('images/x.svg')).not.toBe(a);
    expect(cache.size).toBe(2);
  });
});
