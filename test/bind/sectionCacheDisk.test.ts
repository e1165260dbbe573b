/**
 * Bound sections and the figure stage mirrored on disk (bind/sectionCache.ts boundStore, bind/figureCache.ts
 * figureStore): a new session (a new CLI process) with the same cache folder binds only what changed. The oracle
 * for the result is binding the same folder with no build context (nothing cached); what is bound again is counted
 * by wrapping bindSection and parseFigures, so "nothing bound" is observed, not inferred from the cache's code.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { A, B, twoSections } from './cacheFixture.ts';
import { describe, expect, it, vi } from 'vitest';
import { loadReport } from '../../src/load/index.ts';
import { bindFigures } from '../../src/bind/index.ts';
import { createSink } from '../../src/diag/sink.ts';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';

const calls = vi.hoisted(() => ({ sections: [] as string[], figures: 0 }));
vi.mock('../../src/bind/bindSections.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/bind/bindSections.ts')>();
  return { ...real, bindSection: (s: Parameters<typeof real.bindSection>[0], env: Parameters<typeof real.bindSection>[1]) => (calls.sections.push(s.id), real.bindSection(s, env)) };
});
vi.mock('../../src/bind/parseFigures.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/bind/parseFigures.ts')>();
  return { ...real, parseFigures: (...a: Parameters<typeof real.parseFigures>) => (calls.figures++, real.parseFigures(...a)) };
});

async function bind(dir: string, build?: BuildContext, cacheDir?: string) {
  const diag = createSink();
  const source = await loadReport(dir, { diag, ...(build && { build }), cacheDir });
  const bound = bindFigures(source, { diag, ...(build && { build }), cacheDir, contentDir: dir });
  return { bound, said: diag.items.map((d) => `${d.code} ${d.message} ${d.span?.file}:${d.span?.line}`) };
}

/** Binds in a new session over `cacheDir` (what a new process does) and afresh; they must agree. Returns what was bound. */
async function nextProcess(dir: string, cacheDir: string) {
  calls.sections = [];
  calls.figures = 0;
  const cached = await bind(dir, createBuildContext(), cacheDir);
  const bound = { sections: [...calls.sections], figures: calls.figures };
  const fresh = await bind(dir);
  expect(cached.bound).toStrictEqual(fresh.bound);
  expect(cached.said).toEqual(fresh.said);
  return bound;
}

function edit(dir: string, rel: string, from: string, to: string): void {
  const path = join(dir, rel);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('bound sections and figures on disk', () => {
  it('a new session binds nothing unchanged; an edit binds only the sections that read what changed', async () => {
    const dir = twoSections();
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-bindpack-'));
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: ['a', 'b'], figures: 1 });
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: [], figures: 0 });
    edit(dir, 'sections/a.yaml', 'Eerste', 'Nieuwe eerste');
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: ['a'], figures: 0 });
    // a figure A cites: the figure stage runs again, and A's entry on disk fails its check while B's passes
    edit(dir, 'figures.yaml', 'eerste: { value: 13670', 'eerste: { value: 13671');
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: ['a'], figures: 1 });
    // the dataset B's chart names
    edit(dir, 'figures.yaml', '"2019": 20430', '"2019": 20431');
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: ['b'], figures: 1 });
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: [], figures: 0 });
  });

  it('a damaged pack is a miss: everything is bound again, with the same result', async () => {
    const dir = twoSections();
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-bindpack-'));
    await nextProcess(dir, cacheDir);
    const packs = join(cacheDir, 'packs');
    const files = readdirSync(packs);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(join(packs, f));
      for (let i = Math.floor(bytes.length / 2); i < bytes.length; i += 7) bytes[i] ^= 0x5a;
      writeFileSync(join(packs, f), bytes);
    }
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: ['a', 'b'], figures: 1 });
    // written again whole: the next one binds nothing
    expect(await nextProcess(dir, cacheDir)).toEqual({ sections: [], figures: 0 });
  });

  it('a new session whose bind hits decodes none of the blocks, footnotes and figures load read back; read, they equal a fresh load', async () => {
    const dir = twoSections();
    edit(dir, 'sections/b.yaml', '{ spec: charts/studie.vl.yaml }', '{ spec: charts/studie.vl.yaml, id: studie }');
    const cacheDir = mkdtempSync(join(tmpdir(), 'rp-bindpack-'));
    await nextProcess(dir, cacheDir);
    const diag = createSink();
    const build = createBuildContext();
    const source = await loadReport(dir, { diag, build, cacheDir });
    // a field still to be decoded is an accessor; a decoded one (and every field of a fresh load) is plain data
    const pending = (o: object, k: string) => typeof Object.getOwnPropertyDescriptor(o, k)?.get === 'function';
    const lazy = () => [...source.sections.flatMap((s) => [pending(s, 'blocks'), pending(s, 'footnotes')]), pending(source.figures, 'value'), pending(source.figures, 'spans')];
    expect(lazy()).toEqual([true, true, true, true, true, true]);
    calls.sections = [];
    calls.figures = 0;
    const bound = bindFigures(source, { diag, build, cacheDir, contentDir: dir });
    expect(calls).toEqual({ sections: [], figures: 0 });
    // figures.yaml's spans are read for the fixture's unused-dataset warnings (where they are), its value is not
    expect(lazy()).toEqual([true, true, true, true, true, false]);
    expect(diag.items.some((d) => d.message.includes('kennis-talent'))).toBe(true);
    const fresh = await loadReport(dir, { diag: createSink() });
    expect(source.sections.map((s) => s.targets.map((t) => `${t.id} ${t.span.file.endsWith('b.yaml')}:${t.span.line}`))).toEqual([[], ['studie true:4']]);
    expect(source.sections.map((s) => Object.keys(s))).toEqual(fresh.sections.map((s) => Object.keys(s)));
    expect(source).toStrictEqual(fresh);
    expect(lazy()).toEqual([false, false, false, false, false, false]);
    expect(bound).toStrictEqual(bindFigures(fresh, { diag: createSink() }));
  });
});
