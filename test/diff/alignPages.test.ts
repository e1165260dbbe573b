import { describe, expect, it } from 'vitest';
import { alignPages, pageSimilarity } from '../../src/diff/alignPages.ts';

const page = (n: number, words = 30) => Array.from({ length: words }, (_, i) => `p${n}w${i}`);

describe('alignPages', () => {
  it('pairs equal documents page by page', () => {
    const doc = [page(1), page(2), page(3)];
    expect(alignPages(doc, doc)).toEqual([{ old: 0, new: 0 }, { old: 1, new: 1 }, { old: 2, new: 2 }]);
  });

  it('sees an inserted page as one insertion, not as every later page changing', () => {
    const old = [page(1), page(2), page(3), page(4)];
    const neu = [page(1), page(9), page(2), page(3), page(4)];
    expect(alignPages(old, neu)).toEqual([{ old: 0, new: 0 }, { new: 1 }, { old: 1, new: 2 }, { old: 2, new: 3 }, { old: 3, new: 4 }]);
  });

  it('sees a removed page as one removal', () => {
    const old = [page(1), page(2), page(3)];
    expect(alignPages(old, [page(1), page(3)])).toEqual([{ old: 0, new: 0 }, { old: 1 }, { old: 2, new: 1 }]);
  });

  it('keeps an edited page paired with its old self', () => {
    const edited = [...page(2).slice(0, 29), 'nieuw'];
    expect(alignPages([page(1), page(2)], [page(1), edited])).toEqual([{ old: 0, new: 0 }, { old: 1, new: 1 }]);
  });

  it('measures similarity on word multisets', () => {
    expect(pageSimilarity(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(pageSimilarity(['a', 'a'], ['a', 'b'])).toBe(0.5);
    expect(pageSimilarity([], [])).toBe(1);
    expect(pageSimilarity(['a'], [])).toBe(0);
  });
});
