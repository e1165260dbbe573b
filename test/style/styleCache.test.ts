import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { styleStore } from '../../src/style/styleCache.ts';
import { resolveStyles } from '../../src/style/index.ts';
import type { StyledEntry } from '../../src/style/styleCache.ts';
import type { BoundBlock, BoundReport, BoundSection, BoundText } from '../../src/bind/types.ts';
import type { ChartBox } from '../../src/charts/types.ts';
import type { PreparedImage } from '../../src/images/types.ts';
import type { ResolvedTheme } from '../../src/spec/theme.ts';
import { loadTestTheme } from './themeFixture.ts';

const theme = loadTestTheme();
const at = { file: 'sections/a.yaml', line: 1, column: 1 };
const t = (text: string): BoundText => ({ text, source: at });
// a fake font store with hashes (what makes sections cacheable): every character 0.5 em
const fonts = (hash = 'a') => ({ measure: (s: string, _f: string, size: number) => s.length * size * 0.5, hashes: { serif: hash } });

function sections(first = 'Een alinea[^n].'): BoundSection[] {
  const blocks = (id: string): BoundBlock[] => [
    { type: 'paragraph', text: t(id === 'a' ? first : 'Tweede sectie.') },
    { type: 'chart', chartId: `c-${id}`, caption: t('Grafiek'), source: at },
    { type: 'image', src: 'i.svg', alt: 'Beeld', caption: t('Bijschrift'), source: at },
  ];
  return ['a', 'b'].map((id) => ({ id, kind: 'article', title: `Titel ${id}`, shortTitle: id, blocks: blocks(id), footnotes: new Map([['n', t('Noot.')]]), source: at }));
}
function report(s = sections()): BoundReport {
  return {
    meta: { title: 'J', organisation: 'O', author: 'A', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: '30 april 2021', numbering: ['figures'] },
    sections: s,
    charts: [],
    images: new Map(),
  };
}
const charts = (w = 200) => new Map<string, ChartBox>(['a', 'b'].map((id) => [`c-${id}`, { id: `c-${id}`, widthPt: w, heightPt: 100, alt: 'x' }]));
const images = (aspect = 0.5) => new Map<string, PreparedImage>([['i.svg', { svg: '<svg/>', aspect }]]);

describe('style cache', () => {
  it('plain titles are kept per template and language: an edited title, and the same one with a template in another language, come out as styled afresh', async () => {
    const { outputMemo } = await import('../../src/util/contentKeys.ts');
    const memo = outputMemo(createBuildContext());
    const titled = (title: string) => sections().map((s) => ({ ...s, title, shortTitle: `${title}!` }));
    const titles = (r: ReturnType<typeof resolveStyles>) => r.map((s) => [s.title, s.shortTitle]);
    for (const title of ['Het "jaar" -- kort', 'Het **nieuwe** "jaar"', 'Het "jaar" -- kort']) {
      const kept = resolveStyles(report(titled(title)), theme, charts(), images(), fonts(), undefined, undefined, memo);
      expect(titles(kept)).toEqual(titles(resolveStyles(report(titled(title)), theme, charts(), images(), fonts())));
    }
    // the same title with a German template: German quotes, not the Dutch ones kept for the first template
    const german: ResolvedTheme = { ...theme, language: 'de-DE' };
    const de = resolveStyles(report(titled('Het "jaar"')), german, charts(), images(), fonts(), undefined, undefined, memo);
    expect(titles(de)).toEqual(titles(resolveStyles(report(titled('Het "jaar"')), german, charts(), images(), fonts())));
    expect(titles(de)[0]![0]).toBe('Het \u201Ejaar\u201C');
  });

  it('a section whose inputs did not change is the cached one; every section equals styling afresh', () => {
    const cache = new Map<string, StyledEntry>();
    const first = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache);
    expect(first).toStrictEqual(resolveStyles(report(), theme, charts(), images(), fonts()));
    const again = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    const edited = resolveStyles(report(sections('Een andere alinea[^n].')), theme, charts(), images(), fonts(), undefined, cache);
    expect(edited[0]).not.toBe(first[0]);
    expect(edited[1]).toBe(first[1]);
    expect(edited).toStrictEqual(resolveStyles(report(sections('Een andere alinea[^n].')), theme, charts(), images(), fonts()));
  });

  it('every section is styled again when the template, the fonts, a chart or an image changes', () => {
    const cache = new Map<string, StyledEntry>();
    const base = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache);
    const red: ResolvedTheme = { ...theme, text: { ...theme.text, body: { ...theme.text.body!, color: '#ff0000' } } };
    const variants: [string, () => ReturnType<typeof resolveStyles>, () => ReturnType<typeof resolveStyles>][] = [
      ['template', () => resolveStyles(report(), red, charts(), images(), fonts(), undefined, cache), () => resolveStyles(report(), red, charts(), images(), fonts())],
      ['fonts', () => resolveStyles(report(), theme, charts(), images(), fonts('b'), undefined, cache), () => resolveStyles(report(), theme, charts(), images(), fonts('b'))],
      ['chart', () => resolveStyles(report(), theme, charts(300), images(), fonts(), undefined, cache), () => resolveStyles(report(), theme, charts(300), images(), fonts())],
      ['image', () => resolveStyles(report(), theme, charts(), images(0.75), fonts(), undefined, cache), () => resolveStyles(report(), theme, charts(), images(0.75), fonts())],
    ];
    for (const [what, cached, fresh] of variants) {
      const out = cached();
      expect(out[0], what).not.toBe(base[0]);
      expect(out[1], what).not.toBe(base[1]);
      expect(out, what).toStrictEqual(fresh());
    }
  });

  it('a redrawn chart or a changed image restyles only the sections that place it', () => {
    const plain: BoundSection = { id: 'p', kind: 'article', title: 'Zonder beeld', shortTitle: 'p', blocks: [{ type: 'paragraph', text: t('Alleen tekst.') }], footnotes: new Map(), source: at };
    const cache = new Map<string, StyledEntry>();
    const base = resolveStyles(report([...sections(), plain]), theme, charts(), images(), fonts(), undefined, cache);
    const redrawn = resolveStyles(report([...sections(), plain]), theme, charts(300), images(0.75), fonts(), undefined, cache);
    expect(redrawn[0]).not.toBe(base[0]);
    expect(redrawn[2]).toBe(base[2]);
    expect(redrawn).toStrictEqual(resolveStyles(report([...sections(), plain]), theme, charts(300), images(0.75), fonts()));
  });

  it('the figure labels and footnote numbers a section gets are part of its key', () => {
    const cache = new Map<string, StyledEntry>();
    const both = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache);
    // without section a, section b's figures and its footnote are numbered from 1: not the cached b
    const onlyB = resolveStyles(report(sections().slice(1)), theme, charts(), images(), fonts(), undefined, cache);
    expect(onlyB[0]).not.toBe(both[1]);
    expect(onlyB).toStrictEqual(resolveStyles(report(sections().slice(1)), theme, charts(), images(), fonts()));
  });

  it('notes each styled section\'s key: the same for a hit as when it was styled, another for an edited section', () => {
    const cache = new Map<string, StyledEntry>();
    const keys = new WeakMap<object, string>();
    const memo = { keys, values: new WeakMap() };
    const first = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache, memo);
    const again = resolveStyles(report(), theme, charts(), images(), fonts(), undefined, cache, memo);
    expect(first.map((s) => keys.get(s))).toEqual([...cache.keys()]);
    expect(again.map((s) => keys.get(s))).toEqual(first.map((s) => keys.get(s)));
    const edited = resolveStyles(report(sections('Een andere alinea[^n].')), theme, charts(), images(), fonts(), undefined, cache, memo);
    expect(keys.get(edited[0]!)).not.toBe(keys.get(first[0]!));
    expect(keys.get(edited[1]!)).toBe(keys.get(first[1]!));
  });

  it('a font store without hashes (a test fake) is never cached', () => {
    const cache = new Map<string, StyledEntry>();
    resolveStyles(report(), theme, charts(), images(), { measure: () => 1 }, undefined, cache);
    expect(cache.size).toBe(0);
  });
});

describe('styled sections on disk', () => {
  it('the next process reads back the styled sections its last build used, equal to styling afresh', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-styles-'));
    const fresh = resolveStyles(report(), theme, charts(), images(), fonts());
    const first = styleStore(createBuildContext(), cacheDir, 'content');
    resolveStyles(report(), theme, charts(), images(), fonts(), undefined, first);
    first.save();
    const build = createBuildContext();
    const next = styleStore(build, cacheDir, 'content');
    const styledAgain: string[] = [];
    const spy = { get: next.get, set: (k: string, e: StyledEntry) => (styledAgain.push(k), next.set(k, e)) };
    expect(resolveStyles(report(), theme, charts(), images(), fonts(), undefined, spy)).toStrictEqual(fresh);
    // both sections came from the pack (the session's map was empty), none was styled again
    expect(styledAgain).toEqual([]);
    expect(build.cache('styles').size).toBe(2);
  });
});
