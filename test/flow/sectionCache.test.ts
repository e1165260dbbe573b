/**
 * Flowed sections kept by content (flow/sectionCache.ts): the key follows the section's content (not its object),
 * its index, whether it starts on a left or right page and the report's scope (a hit elsewhere is renumbered); the line breaker's warnings raised while a section was flowed
 * are said again on a hit; and after an edit to a late article only that article and the ones after it are flowed
 * again, with the bytes and warnings of a build that shares nothing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSink } from '../../src/diag/sink.ts';
import type { Diagnostic } from '../../src/diag/types.ts';
import { createSectionCache, type CachedPart, type PagePartKeys, type SectionFlow } from '../../src/flow/sectionCache.ts';
import type { Box } from '../../src/flow/types.ts';
import type { Block, StyledSection } from '../../src/style/types.ts';
import { buildReport } from '../../src/index.ts';
import { createBuildContext } from '../../src/util/buildContext.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';
import { para } from '../text/fakeFonts.ts';

function section(text: string): StyledSection {
  return { id: 'a', kind: 'article', title: 'Asiel', shortTitle: 'Asiel', blocks: [{ kind: 'paragraph', para: para(text) }] } as unknown as StyledSection;
}
const warning = (message: string): Diagnostic => ({ severity: 'warning', code: 'TEXT002', message, hints: [] });

describe('section cache key and warnings', () => {
  test('follows content, index, left or right first page and scope; not object identity nor the page number', () => {
    const { cache } = createSectionCache(new Map(), 'scope-1', createSink());
    const k = cache.key(section('Het jaar 2020'), 2, 7);
    expect(cache.key(structuredClone(section('Het jaar 2020')), 2, 7)).toBe(k);
    // two pages later the section has the same text areas: only its page numbers differ
    expect(cache.key(section('Het jaar 2020'), 2, 9)).toBe(k);
    const other = [
      cache.key(section('Het jaar 2021'), 2, 7),
      cache.key(section('Het jaar 2020'), 3, 7),
      cache.key(section('Het jaar 2020'), 2, 8),
      createSectionCache(new Map(), 'scope-2', createSink()).cache.key(section('Het jaar 2020'), 2, 7),
    ];
    expect(new Set([k, ...other]).size).toBe(5);
  });

  test('a section styling noted a key for is keyed by that key (and where it starts), not by its content', () => {
    const keys = new WeakMap<object, string>();
    const { cache } = createSectionCache(new Map(), 'scope-1', createSink(), undefined, keys);
    const a = section('Het jaar 2020');
    const b = section('Een heel andere tekst');
    keys.set(a, 'style-key-1');
    keys.set(b, 'style-key-1');
    // the noted key stands for the content: two objects under one style key are one section to flow
    expect(cache.key(b, 2, 7)).toBe(cache.key(a, 2, 7));
    const other = section('Het jaar 2020');
    keys.set(other, 'style-key-2');
    const variants = [cache.key(other, 2, 7), cache.key(a, 3, 7), cache.key(a, 2, 8), cache.key(section('Het jaar 2020'), 2, 7)];
    // another style key, index or side, or no noted key at all (keyed by content then): all different
    expect(new Set([cache.key(a, 2, 7), ...variants]).size).toBe(5);
    expect(createSectionCache(new Map(), 'scope-2', createSink(), undefined, keys).cache.key(a, 2, 7)).not.toBe(cache.key(a, 2, 7));
  });

  test('line warnings raised while a section is flowed are said again on a hit, in a later build', () => {
    const entries = new Map<string, SectionFlow>();
    const first = createSink();
    const a = createSectionCache(entries, 's', first);
    const key = a.cache.key(section('x'), 0, 3);
    a.lineDiag.push(warning('before the section'));
    const flowed = a.cache.flow(key, () => {
      a.lineDiag.push(warning('overfull line'));
      return { first: 3, frames: [], warnings: [] };
    });
    expect(flowed.lineWarnings.map((d) => d.message)).toEqual(['overfull line']);
    expect(first.items.map((d) => d.message)).toEqual(['before the section', 'overfull line']);
    const next = createSink();
    const b = createSectionCache(entries, 's', next);
    expect(b.cache.get(key, 3)).toBe(flowed);
    expect(next.items.map((d) => d.message)).toEqual(['overfull line']);
  });

  test('a hit two pages later renumbers the frames and keeps their items', () => {
    const entries = new Map<string, SectionFlow>();
    const { cache } = createSectionCache(entries, 's', createSink());
    const frame = (number: number) => ({ number, master: 'body', sectionId: 'a', runningTitle: 'Asiel', textArea: { x: 0, y: 0, width: 1, height: 1 }, items: [] });
    const key = cache.key(section('x'), 0, 3);
    const flowed = cache.flow(key, () => ({ first: 3, frames: [frame(3), frame(4)], warnings: [] }));
    const moved = cache.get(cache.key(section('x'), 0, 5), 5)!;
    expect(moved.frames.map((f) => f.number)).toEqual([5, 6]);
    expect(moved.frames.map((f) => f.items)).toEqual(flowed.frames.map((f) => f.items));
    expect(moved.frames[0]!.items).toBe(flowed.frames[0]!.items);
    expect(cache.get(key, 3)).toBe(flowed);
  });
});

describe('composed boxes', () => {
  const quote = (text: string) => ({ kind: 'quote', para: para(text) }) as unknown as Block;
  const box = (h: number): Box => ({ widthPt: 100, heightPt: h, items: [] });

  test('kept by block content, width, grid and scope; a hit is the kept box', () => {
    const boxes = new Map<string, CachedPart>();
    const { cache } = createSectionCache(new Map(), 'scope-1', createSink(), undefined, undefined, boxes);
    let composed = 0;
    const compose = () => box(++composed);
    const first = cache.box(quote('Een citaat'), 200, 12, compose);
    expect(cache.box(quote('Een citaat'), 200, 12, compose)).toBe(first);
    expect(composed).toBe(1);
    // each input changed alone composes again
    cache.box(quote('Een ander citaat'), 200, 12, compose);
    cache.box(quote('Een citaat'), 180, 12, compose);
    cache.box(quote('Een citaat'), 200, 13, compose);
    createSectionCache(new Map(), 'scope-2', createSink(), undefined, undefined, boxes).cache.box(quote('Een citaat'), 200, 12, compose);
    expect(composed).toBe(5);
    expect(boxes.size).toBe(5);
  });

  test('a part of one section (its outline entries) is keyed as the section is: by the key styling noted', () => {
    const keys = new WeakMap<object, string>();
    const { cache } = createSectionCache(new Map(), 's', createSink(), undefined, keys, new Map());
    const a = section('Het jaar 2020');
    const b = section('Een andere tekst');
    keys.set(a, 'k1');
    keys.set(b, 'k1');
    let made = 0;
    const make = () => ++made;
    expect(cache.ofSection('headings', a, make)).toBe(1);
    expect(cache.ofSection('headings', b, make)).toBe(1);
    keys.set(b, 'k2');
    expect(cache.ofSection('headings', b, make)).toBe(2);
    expect(cache.ofSection('other', a, make)).toBe(3);
    // no noted key: by content
    expect(cache.ofSection('headings', section('Het jaar 2020'), make)).toBe(4);
    expect(cache.ofSection('headings', section('Het jaar 2020'), make)).toBe(4);
  });

  test('what is made from one object (a frame\'s page) is kept with that object, per scope and content; its warnings said again', () => {
    const values = new WeakMap<object, Map<string, unknown>>();
    const first = createSink();
    const a = createSectionCache(new Map(), 's', first, undefined, undefined, new Map(), values);
    const frame = { number: 3 };
    let made = 0;
    const page = () => (a.lineDiag.push(warning('overfull running head')), { page: ++made });
    const p1 = a.cache.ofObject('page', frame, 'slots-1', page);
    const next = createSink();
    const b = createSectionCache(new Map(), 's', next, undefined, undefined, new Map(), values);
    expect(b.cache.ofObject('page', frame, 'slots-1', page)).toBe(p1);
    expect(next.items.map((d) => d.message)).toEqual(['overfull running head']);
    // another object with the same content, other slots, another scope: made again
    b.cache.ofObject('page', { number: 3 }, 'slots-1', page);
    b.cache.ofObject('page', frame, 'slots-2', page);
    createSectionCache(new Map(), 't', createSink(), undefined, undefined, new Map(), values).cache.ofObject('page', frame, 'slots-1', page);
    expect(made).toBe(4);
  });

  test('line warnings raised while a box was composed are said again on a hit, also into the section being flowed', () => {
    const boxes = new Map<string, CachedPart>();
    const a = createSectionCache(new Map(), 's', createSink(), undefined, undefined, boxes);
    a.cache.box(quote('x'), 200, 12, () => (a.lineDiag.push(warning('overfull line in a box')), box(1)));
    const next = createSink();
    const b = createSectionCache(new Map(), 's', next, undefined, undefined, boxes);
    const flowed = b.cache.flow('k', () => (b.cache.box(quote('x'), 200, 12, () => box(2)), { first: 3, frames: [], warnings: [] }));
    expect(next.items.map((d) => d.message)).toEqual(['overfull line in a box']);
    expect(flowed.lineWarnings.map((d) => d.message)).toEqual(['overfull line in a box']);
  });
});

describe('a rebuild after an edit to a late article', () => {
  test('flows only that article and those after it, with the bytes and warnings of a fresh build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-sections-'));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const session = createBuildContext();
    await buildReport({ contentDir: dir }, session);
    const before = new Set(session.cache<SectionFlow>('sectionFlows').keys());
    const file = join(dir, 'sections', '07-toezicht.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(- p: >-\n\s+)/, '$1Een nieuwe eerste zin in dit artikel. '));
    const rebuilt = await buildReport({ contentDir: dir }, session);
    const added = [...session.cache<SectionFlow>('sectionFlows').keys()].filter((k) => !before.has(k));
    // 07, 08, 09 and 10 at most (the later ones only if 07's page count changed), once per first body page tried
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThanOrEqual(4 * 2);
    const fresh = await buildReport({ contentDir: dir });
    expect(Buffer.from(rebuilt.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
    const said = (r: typeof fresh) => r.diagnostics.items.map((d) => `${d.code} ${d.message} ${d.span?.line}`);
    expect(said(rebuilt)).toEqual(said(fresh));
  });
});

describe('keys of what the cache returned (keyOf, for the page parts pdf/partKeys.ts trusts)', () => {
  const frame = (number: number) => ({ number, master: 'body', sectionId: 'a', runningTitle: 'Asiel', textArea: { x: 0, y: 0, width: 1, height: 1 }, items: [] });

  test('a kept part is known by its key: the same content over the same parts gives it again, content, kind and scope change it', () => {
    const parts = new Map<string, CachedPart>();
    const over = (scope: string) => createSectionCache(new Map(), scope, createSink(), undefined, undefined, parts).cache;
    const a = over('s');
    const furniture = a.part('furniture', { title: 'Asiel', number: 3 }, () => [{ n: 1 }]);
    const k = a.keyOf(furniture);
    expect(k).toBeDefined();
    // a next build's cache object over the same parts (as read back from a pack) finds it under the same key
    const b = over('s');
    expect(b.keyOf(b.part('furniture', { title: 'Asiel', number: 3 }, () => [{ n: 2 }]))).toBe(k);
    const others = [
      a.keyOf(a.part('furniture', { title: 'Asiel', number: 4 }, () => [{ n: 3 }])),
      a.keyOf(a.part('toc', { title: 'Asiel', number: 3 }, () => [{ n: 4 }])),
      over('t').keyOf(over('t').part('furniture', { title: 'Asiel', number: 3 }, () => [{ n: 5 }])),
    ];
    expect(new Set([k, ...others]).size).toBe(4);
    // an object the cache did not return has no key
    expect(a.keyOf({})).toBeUndefined();
  });

  test('a value returned under two keys (a shared object) has none', () => {
    const { cache } = createSectionCache(new Map(), 's', createSink(), undefined, undefined, new Map());
    const shared: unknown[] = [];
    cache.part('furniture', 1, () => shared);
    expect(cache.keyOf(shared)).toBeDefined();
    cache.part('furniture', 2, () => shared);
    expect(cache.keyOf(shared)).toBeUndefined();
  });

  test("a section's frames are known by the section key and their index; a hit elsewhere keeps them", () => {
    const { cache } = createSectionCache(new Map(), 's', createSink());
    const key = cache.key(section('x'), 0, 3);
    const flowed = cache.flow(key, () => ({ first: 3, frames: [frame(3), frame(4)], warnings: [] }));
    const keys = flowed.frames.map((f) => cache.keyOf(f));
    expect(keys.every((k) => k !== undefined) && keys[0] !== keys[1]).toBe(true);
    // renumbered frames (new objects, the same items) keep their keys
    const moved = cache.get(cache.key(section('x'), 0, 5), 5)!;
    expect(moved.frames.map((f) => cache.keyOf(f))).toEqual(keys);
    // another section, index, page side or scope: other keys
    const other = (c: typeof cache, k: string) => c.keyOf(c.flow(k, () => ({ first: 3, frames: [frame(3)], warnings: [] })).frames[0]!);
    const t = createSectionCache(new Map(), 't', createSink()).cache;
    const others = [other(cache, cache.key(section('y'), 0, 3)), other(cache, cache.key(section('x'), 1, 3)), other(cache, cache.key(section('x'), 0, 4)), other(t, t.key(section('x'), 0, 3))];
    expect(new Set([...keys, ...others]).size).toBe(6);
  });

  test('notePage writes into the map it was given, and nowhere without one', () => {
    const pages = new WeakMap<object, PagePartKeys>();
    const { cache } = createSectionCache(new Map(), 's', createSink(), undefined, undefined, undefined, undefined, undefined, undefined, pages);
    const p = {};
    cache.notePage(p, ['h', 'b', undefined]);
    expect(pages.get(p)).toEqual(['h', 'b', undefined]);
    expect(() => createSectionCache(new Map(), 's', createSink()).cache.notePage(p, ['x', 'y', 'z'])).not.toThrow();
  });
});
