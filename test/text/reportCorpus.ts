import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ParagraphSpec } from '../../src/style/types.ts';
import { para, run } from './fakeFonts.ts';

/** The sample report's sections (untracked content may be absent: callers skip). */
/** The bundled report's sections, found from this file (not the working directory), so the test runs from anywhere. */
export const SECTIONS = join(import.meta.dirname, '..', '..', 'content', 'jaarverslag-2020', 'sections');
/** Words in the whole report (brief: ~9,000 words, ~2,000 lines); the sample report is repeated with rotated sentences. */
const TARGET_WORDS = 9000;

/** Prose strings of the sample report: `p` blocks justified, other strings (leads, captions, quotes) ragged. */
function reportTexts(): { text: string; justify: boolean }[] {
  const out: { text: string; justify: boolean }[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string' && v.split(' ').length >= 8) {
      const text = v.replace(/\{[^}]*\}/g, '12.345').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '');
      out.push({ text, justify: key === 'p' });
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const f of readdirSync(SECTIONS).sort()) walk(parse(readFileSync(join(SECTIONS, f), 'utf8')), '');
  return out;
}

/** Body-text paragraphs (9.4 pt serif) for ~9,000 words: the sample report, repeated with rotated sentences. */
export function reportCorpus(): ParagraphSpec[] {
  const texts = reportTexts();
  const paras: ParagraphSpec[] = [];
  let words = 0;
  for (let k = 0; words < TARGET_WORDS; k++) {
    for (const { text, justify } of texts) {
      const sentences = text.split(/(?<=\.) /);
      const rotated = [...sentences.slice(k % sentences.length), ...sentences.slice(0, k % sentences.length)].join(' ');
      words += rotated.split(' ').length;
      paras.push(para([run(rotated, { sizePt: 9.4, features: ['kern', 'liga'] })], { leadingPt: 13.2, align: justify ? 'justify' : 'left' }));
    }
  }
  return paras;
}

