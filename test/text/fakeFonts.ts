import type { FontStore } from '../../src/fonts/fontStore.ts';
import type { ParagraphSpec, StyledRun } from '../../src/style/types.ts';

/** Fake FontStore for breaker tests: every character 6 pt wide, a space 3 pt, no kerning, any key. */
export function fakeFonts(): FontStore {
  return {
    files: {},
    has: () => true,
    face: () => {
      throw new Error('fake fonts have no face');
    },
    measure: (text) => {
      let w = 0;
      for (const ch of text) w += ch === ' ' ? 3 : 6;
      return w;
    },
    prefixWidths: (text) => {
      const out = [0];
      for (let i = 0; i < text.length; i++) out.push(out[i] + (text[i] === ' ' ? 3 : 6));
      return out;
    },
  };
}

/** A styled run with the test defaults (font "serif", 10 pt). */
export function run(text: string, extra: Partial<StyledRun> = {}): StyledRun {
  return { text, font: 'serif', sizePt: 10, color: '#000000', features: [], ...extra };
}

/** A paragraph builder: `para('tekst')` or `para([run('a'), run('b', { font: 'bold' })], { align: 'left' })`. */
export function para(text: string | StyledRun[], extra: Partial<ParagraphSpec> = {}): ParagraphSpec {
  const runs = typeof text === 'string' ? [run(text)] : text;
  return { runs, align: 'justify', leadingPt: 12, hyphenate: true, firstLineIndentPt: 0, ...extra };
}

/** Plain text of each line (runs joined), for readable assertions. */
export const texts = (lines: readonly { runs: readonly { text: string }[] }[]): string[] =>
  lines.map((l) => l.runs.map((r) => r.text).join(''));
