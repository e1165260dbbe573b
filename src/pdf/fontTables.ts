/**
 * What a font's dictionary says about the glyphs drawn besides its subset program: the /W widths array and the
 * ToUnicode CMap (with a hash of its text, which decides whether a cached subset's compressed CMap still fits). Both
 * are functions of the CIDs drawn and of each one's width and text alone (the glyph's first registration,
 * cidFonts.ts includeGlyph). A watch rebuild draws the same glyphs with the same widths and texts in almost every
 * face, and building both texts and hashing the CMap again was ≈ 0.6 ms of a one-paragraph rebuild: a kept session
 * (the build context's `pdfFontTables`) keeps each face's last tables and hands them on after comparing those inputs
 * value by value (never trusting a key), so the output is what building them afresh writes.
 */
import { createHash } from 'node:crypto';
import type { EmbeddedFont } from './cidFonts.ts';

/** Codes as pdfkit writes them: four hex digits. */
export const hex4 = (n: number): string => (n < 0x10 ? '000' : n < 0x100 ? '00' : n < 0x1000 ? '0' : '') + n.toString(16);

/** A face's tables, with the inputs they were made from. */
export interface FontTables {
  readonly cids: readonly number[];
  readonly widths: readonly (number | undefined)[];
  readonly texts: readonly (readonly number[] | undefined)[];
  /** The /W array (shared between documents: nothing writes into it). */
  readonly w: readonly unknown[];
  readonly cmapText: string;
  readonly cmapHash: string;
}

/** Most faces' tables a session keeps (one entry per face and resource name; fonts rarely change in a session). */
const MAX_KEPT = 32;

/** Runs of consecutive CIDs; with `sameHighByte`, a run never crosses a multiple of 256 (bfrange's rule). */
function runsOf(cids: readonly number[], sameHighByte: boolean): number[][] {
  const runs: number[][] = [];
  for (const c of cids) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev === c - 1 && !(sameHighByte && c % 256 === 0)) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** The /W array: `c [w1 w2 …]` for each run of consecutive CIDs. */
function widthsArray(font: EmbeddedFont, cids: readonly number[]): unknown[] {
  return runsOf(cids, false).flatMap((run) => [run[0], run.map((c) => font.widths[c])]);
}

/** UTF-16BE hex of code points, as pdfkit's toUnicodeCmap writes them. */
function utf16Hex(codePoints: readonly number[]): string {
  const units: string[] = [];
  for (let v of codePoints) {
    if (v > 0xffff) {
      v -= 0x10000;
      units.push(hex4(((v >>> 10) & 0x3ff) | 0xd800));
      v = 0xdc00 | (v & 0x3ff);
    }
    units.push(hex4(v));
  }
  return units.join('');
}

/** CMap sections hold at most 100 entries (Adobe TN 5014, the CMap and CIDFont file format). */
const CMAP_SECTION_MAX = 100;

/** The ToUnicode CMap: one bfrange with an array of texts per run of CIDs within one high byte. */
function toUnicodeCmap(font: EmbeddedFont, cids: readonly number[]): string {
  const ranges = runsOf(cids, true).map((run) => `<${hex4(run[0]!)}> <${hex4(run[run.length - 1]!)}> [${run.map((c) => `<${utf16Hex(font.unicode[c] ?? [])}>`).join(' ')}]`);
  const sections: string[] = [];
  for (let i = 0; i < ranges.length; i += CMAP_SECTION_MAX) {
    const part = ranges.slice(i, i + CMAP_SECTION_MAX);
    sections.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000><ffff>\nendcodespacerange',
    ...sections,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Whether `t` was made from exactly these CIDs with these widths and texts. */
function madeFrom(t: FontTables, font: EmbeddedFont, cids: readonly number[]): boolean {
  if (t.cids.length !== cids.length) return false;
  for (let i = 0; i < cids.length; i++) {
    const c = cids[i]!;
    if (t.cids[i] !== c || t.widths[i] !== font.widths[c]) return false;
    const a = t.texts[i];
    const b = font.unicode[c];
    if (a === b) continue;
    if (!a || !b || a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  }
  return true;
}

/**
 * The tables of the glyphs `cids` (ascending) as drawn in `font`: the kept ones under `key` when they were made
 * from the same CIDs, widths and texts, else made (and kept under `key`, most recently used last).
 */
export function fontTables(font: EmbeddedFont, cids: readonly number[], kept?: Map<string, FontTables>, key?: string): FontTables {
  const last = key === undefined ? undefined : kept?.get(key);
  if (last && madeFrom(last, font, cids)) return last;
  const cmapText = toUnicodeCmap(font, cids);
  const t: FontTables = {
    cids,
    widths: cids.map((c) => font.widths[c]),
    // copies: a later registration never changes a glyph's first text, but the arrays are pdfkit's font's
    texts: cids.map((c) => (font.unicode[c] ? [...font.unicode[c]!] : undefined)),
    w: widthsArray(font, cids),
    cmapText,
    cmapHash: createHash('sha256').update(cmapText).digest('base64'),
  };
  if (kept && key !== undefined) {
    kept.delete(key);
    kept.set(key, t);
    while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return t;
}
