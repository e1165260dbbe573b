/** Fakes for box tests: every character is 5pt wide, lines break greedily at spaces and are set left-aligned. */
import type { FontStore } from '../../../src/fonts/fontStore.ts';
import type { BreakLinesFn, LayoutEnv } from '../../../src/flow/types.ts';
import type { ParagraphSpec, StyledRun } from '../../../src/style/types.ts';
import type { GlyphRun, Line } from '../../../src/text/types.ts';

/** Width of every character in the fakes. */
export const CHAR_PT = 5;

export const fakeFonts: FontStore = {
  files: {},
  has: () => true,
  face: () => {
    throw new Error('no faces in the fake');
  },
  measure: (text) => text.length * CHAR_PT,
};

/** Greedy breaker over words of all runs; measure gives widths, lines are left-aligned. */
export function greedyBreaker(measure: (r: StyledRun, text: string) => number): BreakLinesFn {
  return (para: ParagraphSpec, widthPt: number): Line[] => {
    const words: { run: StyledRun; text: string }[][] = [[]];
    for (const run of para.runs) {
      run.text.split(/( )/).forEach((piece) => {
        if (piece === ' ') words.push([]);
        else if (piece) words[words.length - 1].push({ run, text: piece });
      });
    }
    const lines: Line[] = [];
    let cur: GlyphRun[] = [];
    let x = 0;
    const flush = () => {
      if (!cur.length) return;
      const size = para.runs[0]?.sizePt ?? 10;
      lines.push({ runs: cur, widthPt: x, ascentPt: para.leadingPt * 0.75, descentPt: size * 0.25, heightPt: para.leadingPt, hyphenated: false });
      cur = [];
      x = 0;
    };
    for (const word of words.filter((w) => w.length)) {
      const space = cur.length ? measure(word[0].run, ' ') : 0;
      const w = word.reduce((s, p) => s + measure(p.run, p.text), 0);
      if (cur.length && x + space + w > widthPt) flush();
      if (cur.length) x += measure(word[0].run, ' ');
      for (const p of word) {
        const pw = measure(p.run, p.text);
        cur.push({ text: p.text, xPt: x, widthPt: pw, font: p.run.font, sizePt: p.run.sizePt, color: p.run.color, features: p.run.features,
          wordSpacingPt: 0, ...(p.run.link ? { link: p.run.link } : {}), ...(p.run.footnoteId ? { footnoteId: p.run.footnoteId } : {}),
          ...(p.run.risePt ? { risePt: p.run.risePt } : {}) });
        x += pw;
      }
    }
    flush();
    return lines;
  };
}

/** Layout env with the 5pt fakes and the given grid. */
export function fakeEnv(gridPt?: number): LayoutEnv {
  return { fonts: fakeFonts, breakLines: greedyBreaker((_r, t) => t.length * CHAR_PT), ...(gridPt ? { gridPt } : {}) };
}
