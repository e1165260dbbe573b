/**
 * The marks part of a page part's stream key (drawPage.ts marksKey): what the part's marked-content operators say,
 * by place in the part. Oracle: hand-written groups; every field the BDC operators write (range, role, MCID,
 * artifact type, subtype, box) must change the key, and the part's place on the page must not.
 */
import { expect, test } from 'vitest';
import { marksKey } from '../../src/pdf/drawPage.ts';
import type { MarkGroup, StructElem } from '../../src/pdf/structure.ts';

const elem = (role: StructElem['role']): StructElem => ({ role, kids: [], order: null, seq: 0 });
const P = elem('P');

test('changes with every field a marked-content operator writes, not with where the part starts', () => {
  const base: MarkGroup[] = [
    { from: 10, to: 12, mark: { mcid: 0, elem: P } },
    { from: 12, to: 13, mark: { artifact: 'Pagination', subtype: 'Header' } },
    { from: 13, to: 14, mark: { artifact: 'Background', bbox: [0, 0, 200, 100] } },
  ];
  const k = marksKey(base, 10);
  const shift = (d: number): MarkGroup[] => base.map((g) => ({ ...g, from: g.from + d, to: g.to + d }));
  expect(marksKey(shift(5), 15)).toBe(k);
  const changed: [string, MarkGroup[]][] = [
    ['range', [{ ...base[0]!, to: 11 }, ...base.slice(1)]],
    ['role', [{ ...base[0]!, mark: { mcid: 0, elem: elem('H2') } }, ...base.slice(1)]],
    ['mcid', [{ ...base[0]!, mark: { mcid: 1, elem: P } }, ...base.slice(1)]],
    ['artifact', [base[0]!, { ...base[1]!, mark: { artifact: 'Layout', subtype: 'Header' } }, base[2]!]],
    ['subtype', [base[0]!, { ...base[1]!, mark: { artifact: 'Pagination', subtype: 'Footer' } }, base[2]!]],
    ['no subtype', [base[0]!, { ...base[1]!, mark: { artifact: 'Pagination' } }, base[2]!]],
    ['box', [...base.slice(0, 2), { ...base[2]!, mark: { artifact: 'Background', bbox: [0, 0, 200, 100.5] } }]],
    ['one group less', base.slice(0, 2)],
    ['group order', [base[1]!, base[0]!, base[2]!]],
  ];
  const keys = changed.map(([what, groups]) => [what, marksKey(groups, 10)] as const);
  for (const [what, other] of keys) expect(other, what).not.toBe(k);
  expect(new Set(keys.map((x) => x[1])).size).toBe(keys.length);
});
