/**
 * fillRefs with a session memo (style/pageRefs.ts): a section is filled again only when what one of its references
 * becomes changed (a page moved, a number changed); every result equals filling without a memo, and the filled
 * section's content key follows the section's key and the substitutions.
 */
import { describe, expect, it } from 'vitest';
import { fillRefs, numberBlocks } from '../../src/style/pageRefs.ts';
import type { BoundReport, BoundSection } from '../../src/bind/types.ts';
import { loadTestTheme } from './themeFixture.ts';

const theme = loadTestTheme();
const at = { file: 'sections/a.yaml', line: 1, column: 1 };

function report(text: string): BoundReport {
  const sections: BoundSection[] = [
    { id: 'a', kind: 'article', title: 'A', shortTitle: 'A', blocks: [{ type: 'paragraph', text: { text, source: at } }], footnotes: new Map(), source: at },
    { id: 'b', kind: 'article', title: 'B', shortTitle: 'B', blocks: [{ type: 'paragraph', text: { text: 'Geen verwijzing.', source: at } }], footnotes: new Map(), source: at },
  ];
  return { meta: { title: 'J', organisation: 'O', author: 'A', subject: 's', keywords: [], language: 'nl-NL', date: '2021-04-30', dateText: '30 april 2021' }, sections, charts: [], images: new Map() };
}

describe('fillRefs with a memo', () => {
  it('fills again only when a reference becomes something else; equal to filling without a memo', () => {
    const r = report('Zie {page:b} en {ref:b}; {lang=en} blijft.');
    const memo = { keys: new WeakMap<object, string>(), values: new WeakMap() };
    memo.keys.set(r.sections[0]!, 'bound-a');
    const numbering = numberBlocks(r, theme, []);
    const fill = (pages: [string, number][], m = memo) => fillRefs(r, theme, numbering, { pages: new Map(pages) }, m);
    const first = fill([['b', 7]]);
    expect(first).toStrictEqual(fill([['b', 7]], undefined));
    expect(first.sections[1]).toBe(r.sections[1]);
    expect(fill([['b', 7]]).sections[0]).toBe(first.sections[0]);
    const moved = fill([['b', 9]]);
    expect(moved.sections[0]).not.toBe(first.sections[0]);
    expect(moved).toStrictEqual(fill([['b', 9]], undefined));
    expect((moved.sections[0]!.blocks[0] as { text: { text: string } }).text.text).toContain('9');
    // the filled sections' keys: from the section's key and what each reference became
    const k7 = memo.keys.get(first.sections[0]!);
    const k9 = memo.keys.get(moved.sections[0]!);
    expect(k7).toBeDefined();
    expect(k9).toBeDefined();
    expect(k9).not.toBe(k7);
    expect(memo.keys.get(fill([['b', 7]]).sections[0]!)).toBe(k7);
  });
});
