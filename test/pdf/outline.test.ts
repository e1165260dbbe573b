/**
 * Named destinations (pdf/outline.ts sortDestinationsByBytes): the catalog's /Dests name tree lists its keys in
 * byte order (ISO 32000-1 7.9.6), not in the machine's collation order pdfkit uses. Oracle: the keys read back from
 * the file, compared with the byte order of their strings as written (ASCII, or UTF-16BE after FE FF).
 */
import { expect, test } from 'vitest';
import type { FrameItem } from '../../src/model/types.ts';
import { doc, glyphs, page, write } from './fixture.ts';

test('the named destinations are in byte order, whatever the locale would say', async () => {
  // upper case before lower case, "-" before "." before digits, a non-ASCII name (UTF-16: after every ASCII one)
  const names = ['b', 'B', 'a', 'a.h2', 'a.h10', 'a-x1', 'a1', 'A', 'één', 'z'];
  const items: FrameItem[] = names.flatMap((name, i): FrameItem[] => [{ kind: 'anchor', name, y: 100 + 20 * i }, glyphs(name, 62, 110 + 20 * i)]);
  const text = Buffer.from(await write(doc([page(items)]), 'screen')).toString('latin1');
  const tree = /\/Dests <<\n {2}\/Limits \[.*\]\n {2}\/Names \[\n([\s\S]*?)\n\]/.exec(text);
  expect(tree).not.toBeNull();
  const keys = [...tree![1]!.matchAll(/^ {4}\((.*?)\) \[/gm)].map((m) => m[1]!);
  expect(keys).toHaveLength(names.length);
  // as written: ASCII as is, the Unicode name as FE FF and big-endian UTF-16 (escapes undone)
  const asWritten = (s: string) => (/[^\x00-\x7f]/.test(s) ? `\u00fe\u00ff${[...s].map((c) => `\u0000${c}`).join('')}` : s);
  expect(keys.map((k) => k.replace(/\\(.)/g, '$1'))).toEqual(names.map(asWritten).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  // the first is "A": a collation order would have put "a" first
  expect(keys[0]).toBe('A');
});

test("the name tree's text is pdfkit's own, written faster: odd keys, numbers to round, and a value of another shape", async () => {
  const { default: PDFDocument } = await import('pdfkit');
  const { sortDestinationsByBytes } = await import('../../src/pdf/outline.ts');
  const pdf = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
  sortDestinationsByBytes(pdf);
  pdf.addPage({ size: [200, 300], margin: 0 });
  const names = ['b', 'B', 'a(1)', 'back\\slash', 'één', 'z\n', 'Ωmega', '12', '3', 'a.h10'];
  names.forEach((n, i) => pdf.addNamedDestination(n, 'XYZ', 0.1 + 0.2 * i, 100 / 3 + i, null));
  const tree = (pdf as unknown as { _root: { data: { Names: { data: { Dests: { toString(): string; add(k: string, v: unknown): void } } } } } })._root.data.Names.data.Dests;
  // the oracle: pdfkit's PDFTree.toString (with the byte order), taken from the tree's prototype
  const pdfkitText = () => (Object.getPrototypeOf(Object.getPrototypeOf(tree)) as { toString(this: unknown): string }).toString.call(tree);
  expect(tree.toString()).toBe(pdfkitText());
  expect(tree.toString()).toContain('/Limits [(12) (\u00fe\u00ff');
  // a value addNamedDestination does not make: pdfkit's own text
  tree.add('fit', ['Fit']);
  expect(tree.toString()).toBe(pdfkitText());
  pdf.end();
});
