import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme, type ThemeRequest } from '../../src/load/loadTheme.ts';
import type { ThemeEntry } from '../../src/load/themeCache.ts';
import { isReportError } from '../../src/diag/errors.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');
const FONTS = join(import.meta.dirname, '../../fonts');

/** A content folder with template ./t (extending ./u, which extends corporate) and a cover image of its own. */
function content(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-theme-cache-'));
  mkdirSync(join(dir, 't'));
  mkdirSync(join(dir, 'u'));
  writeFileSync(join(dir, 't', 'template.yaml'), 'name: t\nextends: ./u\ncolors: { accent: "#112233" }\nfonts: { sans-light: IBMPlexSans_400Regular.ttf }\n');
  writeFileSync(join(dir, 'u', 'template.yaml'), 'name: u\nextends: corporate\ncover:\n  - { type: image, src: cover.svg, x: 0, y: 0, width: 10, height: 10 }\n');
  writeFileSync(join(dir, 'u', 'cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  return dir;
}

const request = (dir: string, more: Partial<ThemeRequest> = {}): ThemeRequest => ({ template: './t', contentDir: dir, language: 'en-GB', fontsDir: FONTS, ...more });
const cacheOf = (cacheDir?: string) => ({ memory: new Map<string, ThemeEntry>(), ...(cacheDir && { cacheDir }) });

describe('template cache', () => {
  it('gives the same template as loading it afresh, and the cached object while nothing changed', async () => {
    const dir = content();
    const cache = cacheOf();
    const first = await loadTheme(TEMPLATES, request(dir), cache);
    expect(first).toStrictEqual(await loadTheme(TEMPLATES, request(dir)));
    expect(await loadTheme(TEMPLATES, request(dir), cache)).toBe(first);
  });

  it('loads again when a template file of the chain, an image it reads, or the request changes', async () => {
    const dir = content();
    const cache = cacheOf();
    const first = await loadTheme(TEMPLATES, request(dir), cache);
    const changes: [string, () => void, Partial<ThemeRequest>][] = [
      ['template.yaml', () => writeFileSync(join(dir, 't', 'template.yaml'), 'name: t\nextends: ./u\ncolors: { accent: "#445566" }\n'), {}],
      ['base template', () => writeFileSync(join(dir, 'u', 'template.yaml'), 'name: u\nextends: corporate\ncover:\n  - { type: image, src: cover.svg, x: 0, y: 0, width: 20, height: 10 }\n'), {}],
      ['image', () => writeFileSync(join(dir, 'u', 'cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"/>'), {}],
      ['language', () => {}, { language: 'nl-NL' }],
      ['words', () => {}, { words: { video: 'Watch' } }],
      ['currency', () => {}, { currency: 'USD' }],
      ['span', () => {}, { span: { file: 'report.yaml', line: 3, column: 11 } }],
    ];
    let previous = first;
    for (const [what, change, more] of changes) {
      change();
      const cached = await loadTheme(TEMPLATES, request(dir, more), cache);
      expect(cached, what).not.toBe(previous);
      expect(cached, what).toStrictEqual(await loadTheme(TEMPLATES, request(dir, more)));
      previous = cached;
    }
  });

  it('sees a font file appear beside the template that was taken from the tool\'s fonts before', async () => {
    const dir = content();
    const cache = cacheOf();
    await loadTheme(TEMPLATES, request(dir), cache);
    writeFileSync(join(dir, 't', 'IBMPlexSans_400Regular.ttf'), 'not a font');
    const err = await loadTheme(TEMPLATES, request(dir), cache).catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => d.code)).toEqual([expect.stringMatching(/^TPL|^FONT/)]);
  });

  it('the next process reads it from the cache folder; a missing image is then an error, not a stale template', async () => {
    const dir = content();
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-theme-disk-'));
    const fresh = await loadTheme(TEMPLATES, request(dir));
    await loadTheme(TEMPLATES, request(dir), cacheOf(cacheDir));
    const next = await loadTheme(TEMPLATES, request(dir), cacheOf(cacheDir));
    expect(next).toStrictEqual(fresh);
    rmSync(join(dir, 'u', 'cover.svg'));
    await expect(loadTheme(TEMPLATES, request(dir), cacheOf(cacheDir))).rejects.toSatisfy((e) => isReportError(e) && e.diagnostics[0]!.code === 'LOAD001');
  });
});
