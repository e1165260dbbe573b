/**
 * Turns a page's pdf.js text items into readable lines for golden files: items are grouped into a line while
 * they follow each other in content order on (nearly) the same baseline, so two columns sharing a baseline grid
 * stay apart; within a line they are ordered by x and joined with one space where there is a visible gap.
 */
import type { PdfPageText, TextItem } from './pdf.ts';

/**
 * Baselines closer than this share of the smaller font size are one line: a footnote marker raised by a third of
 * the body size joins its line, the text beside a large key figure does not.
 */
const SAME_LINE_SHARE = 0.6;
/** A gap wider than this share of the font size is a word space (pdf.js items split at kerning too). */
const SPACE_SHARE = 0.15;
/** Items this much smaller than the line's largest and raised above its baseline are superscripts. */
const SUPERSCRIPT_SHARE = 0.8;
/** Four or more leader dots ("Voorwoord . . . . . 3") print as one ellipsis, so a title change stays a one-word diff. */
const LEADER = /(?:\.\s?){4,}/g;

/** The page as lines of text, top to bottom in content order; empty lines are dropped. */
export function pageLines(page: PdfPageText): string[] {
  const groups: TextItem[][] = [];
  let current: TextItem[] = [];
  for (const it of page.items) {
    if (it.str === '') continue;
    if (current.length && !sameLine(current, it)) {
      groups.push(current);
      current = [];
    }
    current.push(it);
  }
  if (current.length) groups.push(current);
  return groups.map(joinLine).filter((l) => l !== '');
}

/** The document as golden text: one line per text line, pages separated by a form-feed line. */
export function documentText(pages: readonly PdfPageText[]): string {
  return pages.map((p) => pageLines(p).join('\n')).join('\n\f\n') + '\n';
}

function sameLine(line: readonly TextItem[], it: TextItem): boolean {
  const base = line.reduce((a, b) => (b.height > a.height ? b : a));
  return Math.abs(base.y - it.y) <= SAME_LINE_SHARE * Math.min(base.height, it.height);
}

function joinLine(items: readonly TextItem[]): string {
  const size = Math.max(...items.map((i) => i.height));
  const base = items.reduce((a, b) => (b.height > a.height ? b : a)).y;
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const it of sorted) {
    if (it.str.trim() === '') {
      end = Math.max(end, it.x + it.width);
      out += ' ';
      continue;
    }
    if (it.x - end > SPACE_SHARE * it.height) out += ' ';
    const sup = it.height < SUPERSCRIPT_SHARE * size && base - it.y > 1;
    out += sup ? `^${it.str}` : it.str;
    end = it.x + it.width;
  }
  return out.replace(LEADER, ' … ').replace(/\s+/g, ' ').trim();
}
