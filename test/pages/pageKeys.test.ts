/**
 * The content keys layout notes for finished pages' parts (flow/sectionCache.ts notePage, pages/finalize.ts: head
 * and foot furniture by the furniture's kept key, content by its frame's section key and index, a TOC page by the
 * TOC's key and index, the cover by its own), which pdf/partKeys.ts trusts instead of hashing the items. The oracle
 * is the hash of the items themselves (hashPart): across edits of each kind of input (a paragraph, a running
 * title, the report's metadata), wherever a part's noted key stayed the same its items hash the same, and the edit
 * did change keys where it reached.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { createBuildContext, type BuildContext } from '../../src/util/buildContext.ts';
import { hashPart } from '../../src/pdf/partKeys.ts';
import { pageParts } from '../../src/pdf/structure.ts';
import type { PagePartKeys } from '../../src/flow/index.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/paths.ts';

/** Each page part's noted key (or undefined) and the hash of its items (chart SVGs left out: not in layout's key). */
async function parts(dir: string, session: BuildContext): Promise<{ key: string | undefined; hash: string; text: string }[]> {
  const r = await buildReport({ contentDir: dir }, session);
  const noted = session.cache<WeakMap<object, PagePartKeys>>('pageKeys').get('pages')!;
  return r.document.pages.flatMap((page) => {
    const keys = noted.get(page);
    const n = page.items.length;
    return pageParts(page).map(([from, to]) => {
      const which = page.furniture && page.furniture.head > 0 && from === 0 ? 0 : page.furniture && page.furniture.foot > 0 && to === n && from === n - page.furniture.foot ? 2 : 1;
      const items = page.items.slice(from, to);
      return { key: keys?.[which], hash: hashPart(items, () => ''), text: JSON.stringify(items) };
    });
  });
}

describe('page part keys noted by layout', () => {
  test('an unchanged key means unchanged items, across edits of a paragraph, a running title and the metadata', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-pagekeys-'));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const session = createBuildContext();
    const before = await parts(dir, session);
    // a build that keeps layout parts notes a key for (almost) every part; different parts, different keys
    const noted = before.filter((p) => p.key !== undefined);
    expect(noted.length).toBeGreaterThan(before.length * 0.9);
    const byKey = new Map<string, string>();
    for (const p of noted) expect(byKey.get(p.key!) ?? (byKey.set(p.key!, p.hash), p.hash)).toBe(p.hash);
    const sections = join(dir, 'sections');
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(from, to);
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
    };
    const first = join(sections, readdirSync(sections).find((f) => f.startsWith('01'))!);
    expect(readFileSync(first, 'utf8')).toContain('short: Asiel\n');
    const edits: [string, () => void][] = [
      ['paragraph', () => edit(first, /(- p: >-\n\s+)/, '$1Een nieuwe eerste zin. ')],
      ['running title', () => edit(first, 'short: Asiel', 'short: Asiel en nareis')],
      ['metadata', () => edit(join(dir, 'report.yaml'), 'title: Jaarverslag 2020', 'title: Jaarverslag 2020 (herzien)')],
    ];
    let prev = before;
    for (const [what, change] of edits) {
      change();
      const next = await parts(dir, session);
      const old = new Map(prev.filter((p) => p.key !== undefined).map((p) => [p.key!, p.hash]));
      for (const p of next) if (p.key !== undefined && old.has(p.key)) expect(p.hash, what).toBe(old.get(p.key));
      // the edit reached some parts (their keys are new) and left others (their keys are kept)
      expect(next.some((p, i) => p.hash !== prev[i]?.hash && p.key !== undefined), what).toBe(true);
      expect(next.some((p) => p.key !== undefined && old.has(p.key)), what).toBe(true);
      prev = next;
    }
  }, 120_000);
});
