/**
 * Every cache on disk together, on the bundled report: a series of edits that each reach a different stage (article
 * text, a figure every chart cites, the report head, a template of the content folder, an image's bytes, a section
 * dropped, everything undone). After each edit a build as the next CLI process (new build context, the cache folder
 * of all earlier builds) must give the bytes of a build that uses no cache at all; the oracle is that build, not
 * the cache code; so must a build in one context kept through all the edits (as `watch` keeps it). At the end the
 * original content must give the first build's bytes again.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/cli/build.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';

const root = join(import.meta.dirname, '..', '..');

/** Replaces `from` (which must occur) in the file at `path`. */
function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${path}`);
  writeFileSync(path, next);
}

describe('disk caches across a series of edits', () => {
  test('each edit: the cached build equals a build without caches; undone: the first bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-sound-'));
    const content = join(dir, 'content');
    const cacheDir = join(dir, 'cache');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    // the template lives in the content folder (extending the bundled one), so an edit can reach it
    cpSync(join(root, 'templates', 'rijksoverheid'), join(content, 'huisstijl'), { recursive: true });
    const report = join(content, 'report.yaml');
    edit(report, /^template: rijksoverheid$/m, 'template: ./huisstijl');
    const originals = new Map<string, string>();
    const keep = (rel: string) => originals.has(rel) || originals.set(rel, readFileSync(join(content, rel), 'latin1'));
    const cached = async () => Buffer.from((await buildReport({ contentDir: content, cacheDir })).pdf);
    const uncached = async () => Buffer.from((await buildReport({ contentDir: content })).pdf);
    // one context kept through every edit, as `watch` keeps it: its memory caches (bound and styled sections,
    // flowed sections, content keys …) must follow each edit too
    const session = createBuildContext();
    const kept = async () => Buffer.from((await buildReport({ contentDir: content, cacheDir: join(dir, 'session-cache') }, session)).pdf);
    const check = async (label: string) => {
      const off = await uncached();
      expect((await cached()).equals(off), `${label}: cold or partly cached`).toBe(true);
      expect((await cached()).equals(off), `${label}: warm`).toBe(true);
      expect((await kept()).equals(off), `${label}: kept context`).toBe(true);
      return off;
    };
    const first = await check('original');
    const steps: [string, () => void][] = [
      ['article text', () => (keep('sections/01-asiel.yaml'), edit(join(content, 'sections/01-asiel.yaml'), /(- p: >-\n\s+)/, '$1Een nieuwe eerste zin, lang genoeg om de regels te verschuiven. '))],
      ['a box (a video\'s address, so its QR code)', () => edit(join(content, 'sections/01-asiel.yaml'), 'video-taskforce', 'video-taskforce-2020')],
      // the TOC entry and the running heads of its pages (layout parts kept by what they show)
      ['a section title', () => (keep('sections/02-familie.yaml'), edit(join(content, 'sections/02-familie.yaml'), /^short: Familie en gezin$/m, 'short: Familie, gezin en bezoek'), edit(join(content, 'sections/02-familie.yaml'), 'raakt iedereen"', 'raakt ons allemaal"'))],
      ['a figure the text cites', () => (keep('figures.yaml'), edit(join(content, 'figures.yaml'), 'medewerkers: { value: 260,', 'medewerkers: { value: 265,'))],
      ['figures', () => (keep('figures.yaml'), edit(join(content, 'figures.yaml'), /(value: )(\d{3,})\b/g, '$1$21'))],
      ['report head', () => edit(report, /^subtitle: .*$/m, 'subtitle: "2020: een ander jaar"')],
      ['template colour', () => edit(join(content, 'huisstijl', 'template.yaml'), /accent: "#154273"/, 'accent: "#8a1538"')],
      ['image bytes', () => (keep('images/brexit-pasje.svg'), edit(join(content, 'images', 'brexit-pasje.svg'), /#154273|#0f3358/i, '#2e7d32'))],
      ['section dropped', () => edit(report, /^ {2}- sections\/04-naturalisatie\.yaml\n/m, '')],
    ];
    const seen = [first];
    for (const [label, change] of steps) {
      change();
      const pdf = await check(label);
      // every step changes the document, so a stale cache could not pass unnoticed
      expect(seen.some((s) => s.equals(pdf)), `${label} changed nothing`).toBe(false);
      seen.push(pdf);
    }
    for (const [rel, text] of originals) writeFileSync(join(content, rel), text, 'latin1');
    edit(report, /^subtitle: .*$/m, 'subtitle: "2020: een weerbarstig jaar"');
    edit(join(content, 'huisstijl', 'template.yaml'), /accent: "#8a1538"/, 'accent: "#154273"');
    edit(report, /^ {2}- sections\/05-dienstverlening\.yaml$/m, '  - sections/04-naturalisatie.yaml\n  - sections/05-dienstverlening.yaml');
    expect((await cached()).equals(first), 'everything undone: the first bytes').toBe(true);
  }, 300_000);
});
