import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';
import { makeContent } from './fixture.ts';
import { cacheFile } from '../../src/util/diskCache.ts';

// A section that reads a chart spec file and an image, and whose text has a control character (a warning).
const SECTION = `kind: article
title: Titel
blocks:
  - p: "Een alinea met een bel\\u0007 erin."
  - chart: { spec: charts/a.vl.yaml, caption: Grafiek, alt: Een grafiek }
  - image: { src: images/a.svg, alt: Een plaatje }
  - chart:
      spec: { mark: bar, data: { values: [{ x: .nan }, { x: -.inf }, { x: -0 }] } }
      caption: Inline
      alt: Nog een grafiek
footnotes: {}
`;
const SPEC = 'mark: line\ndata: { name: totalen }\n';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';

function content(): string {
  return makeContent({ 'sections/a.yaml': SECTION, 'charts/a.vl.yaml': SPEC, 'images/a.svg': SVG });
}

/** Loads the folder; the result, its warnings, and how many files the build context's yaml cache parsed. */
async function load(dir: string, build?: BuildContext, cacheDir?: string) {
  const diag = createSink();
  const parsedBefore = build?.cache('yaml').size ?? 0;
  const source = await loadReport(dir, { diag, ...(build && { build }), ...(cacheDir && { cacheDir }) });
  return { source, warnings: diag.items, parsed: (build?.cache('yaml').size ?? 0) - parsedBefore };
}

describe('load records', () => {
  it('a second load in the same session parses nothing and gives the same source and warnings as a fresh load', async () => {
    const dir = content();
    const fresh = await load(dir);
    const build = createBuildContext();
    const first = await load(dir, build);
    expect(first.parsed).toBe(4); // report, section, chart spec, figures
    build.clear('yaml');
    const again = await load(dir, build);
    expect(again.parsed).toBe(0);
    expect(again.source).toStrictEqual(fresh.source);
    expect(again.warnings).toStrictEqual(fresh.warnings);
    expect(fresh.warnings).toHaveLength(1); // the control character, said again by the replayed record
  });

  it('a changed section, chart spec file or image is loaded again (each is part of the record key or its checks)', async () => {
    const dir = content();
    const build = createBuildContext();
    await load(dir, build);
    const edits: [string, string][] = [
      ['charts/a.vl.yaml', 'mark: bar\ndata: { name: totalen }\n'],
      ['images/a.svg', SVG.replace('10"', '20"')],
      ['sections/a.yaml', SECTION.replace('Titel', 'Andere titel')],
      ['figures.yaml', readFigures(dir).replace('13670', '13671')],
    ];
    for (const [file, text] of edits) {
      writeFileSync(join(dir, file), text);
      const cached = await load(dir, build);
      expect(cached.source, file).toStrictEqual((await load(dir)).source);
    }
  });

  it('the next process replays the pack on disk: nothing parsed, the same source; a damaged pack is ignored', async () => {
    const dir = content();
    const cacheDir = mkdtempSync(join(tmpdir(), 'reportpress-cache-'));
    const fresh = await load(dir);
    await load(dir, createBuildContext(), cacheDir);
    const next = await load(dir, createBuildContext(), cacheDir);
    expect(next.parsed).toBe(0);
    expect(next.source).toStrictEqual(fresh.source);
    expect(next.warnings).toStrictEqual(fresh.warnings);
    // the content folder's load-record pack (util/mirrorStore.ts names it), with a hash line that does not match
    const pack = cacheFile(cacheDir, 'packs', JSON.stringify(['loadRecords', resolve(dir)]), '.pack');
    expect(existsSync(pack)).toBe(true);
    writeFileSync(pack, '0'.repeat(64) + '\n{"broken": ');
    const damaged = await load(dir, createBuildContext(), cacheDir);
    expect(damaged.parsed).toBe(4);
    expect(damaged.source).toStrictEqual(fresh.source);
  });

  it('a load with errors is not recorded: the next load reports them again', async () => {
    const dir = makeContent({ 'sections/a.yaml': 'kind: article\ntitle: [1, 2]\nblocks: []\n' });
    const build = createBuildContext();
    for (let i = 0; i < 2; i++) await expect(load(dir, build)).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ span: expect.objectContaining({ line: 2 }) })] });
    expect([...build.cache('loadRecords').keys()].map((k) => JSON.parse(k)[0])).toEqual(['report', 'figures']);
  });
});

function readFigures(dir: string): string {
  return readFileSync(join(dir, 'figures.yaml'), 'utf8');
}
