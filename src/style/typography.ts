/**
 * Dutch typographic clean-up of author text: curly quotes, dashes, ellipsis and no-break spaces.
 *
 * Rules (each unit-tested in test/style/typography.test.ts):
 * 1. `"` opens (“) after start, whitespace or opening punctuation, else closes (”). `*` markup is skipped when
 *    looking back, so `**"x"**` works.
 * 2. `'` after a letter or digit is an apostrophe/closing quote (’): zo’n, IND’ers, auto’s. At a word start it is
 *    an apostrophe (’) before Dutch elisions (’s, ’t, ’n, ’k, ’94) or when no closing quote follows; else it opens (‘).
 * 3. `---` → em dash, `--` → en dash, ` - ` between words → ` – `; the space before a spaced dash is a NBSP
 *    so a line never starts with a dash. Hyphens inside words and numbers (2021-04-30) are left alone.
 * 4. `...` → `…`.
 * 5. NBSP (U+00A0) only where a break would separate things that belong together:
 *    - day and month in dates: "30 april 2021" → "30␣april 2021" (the year may still wrap);
 *    - after multi-letter abbreviations with inner dots (t.o.v., o.a., d.w.z.) and after titles/short
 *      abbreviations (dr., mr., drs., ir., prof., dhr., mevr., nr., art., ca., blz.);
 *    - after an initial: "J. A. Jansen" → "J.␣A.␣Jansen";
 *    - between "€" and the amount, and between a number and a unit symbol (km, kg, m, cm, mm, mln, mld, uur).
 *    Numbers before ordinary words stay breakable ("13.670 aanvragen"): Dutch practice does not bind them and
 *    binding every count would make justified two-column text much looser.
 * Letter-spacing (the template's `tracking`) is applied by flow/tracking.ts to kickers and TOC labels, not here.
 */

/** No-break space. */
export const NBSP = '\u00A0';

// Dutch month names (full and common abbreviations) for the date rule.
const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
// Titles and short abbreviations that should not end a line; from the Woordenlijst's list of common abbreviations.
const ABBREVIATIONS = 'dhr|mevr|dr|mr|drs|ir|ing|prof|nr|art|ca|blz|bijv|vgl|zgn';
// Unit symbols that stay with their number (SI symbols plus Dutch mln/mld).
const UNITS = 'km|kg|mg|g|m|cm|mm|l|ml|mln|mld|uur|min|sec|ha';

const OPEN_CONTEXT = /[\s([{\u2018\u201C\u2013\u2014/\u00A0-]/;
// Word-initial elisions that take an apostrophe, not an opening quote: ’s, ’t, ’n, ’k, ’m, ’r, ’94.
const ELISION = /^(?:[stnkmr](?![\p{L}\p{N}])|s-|\d\d)/u;

/** Applies the rules above to plain text (inline markup may be present; URLs must be masked by the caller). */
export function applyTypography(text: string): string {
  let s = text.replace(/\.\.\./g, '\u2026');
  s = s.replace(/---/g, '\u2014').replace(/--/g, '\u2013');
  s = s.replace(/(\S) - (?=\S)/g, `$1 \u2013 `);
  s = s.replace(/ ([\u2013\u2014]) /g, `${NBSP}$1 `);
  s = curlQuotes(s);
  return noBreakSpaces(s);
}

/** Inserts the no-break spaces of rule 5. */
export function noBreakSpaces(text: string): string {
  let s = text;
  s = s.replace(new RegExp(`\\b([0-3]?\\d) (${MONTHS})\\b`, 'giu'), `$1${NBSP}$2`);
  s = s.replace(/(?<![\p{L}.])((?:\p{Ll}\.){2,}) (?=\S)/gu, `$1${NBSP}`);
  s = s.replace(new RegExp(`(?<!\\p{L})((?:${ABBREVIATIONS})\\.) (?=\\S)`, 'giu'), `$1${NBSP}`);
  s = s.replace(/(?<!\p{L})(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`);
  s = s.replace(/€ (?=\d)/g, `€${NBSP}`);
  s = s.replace(new RegExp(`(\\d) (${UNITS})(?![\\p{L}\\p{N}])`, 'gu'), `$1${NBSP}$2`);
  return s;
}

/** Replaces straight quotes by curly ones (rules 1 and 2). */
export function curlQuotes(text: string): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '"' && c !== "'") {
      out.push(c);
      continue;
    }
    const opening = isOpeningContext(out);
    if (c === '"') out.push(opening ? '\u201C' : '\u201D');
    else out.push(opening && !isApostrophe(text, i) ? '\u2018' : '\u2019');
  }
  return out.join('');
}

function isOpeningContext(before: readonly string[]): boolean {
  let j = before.length - 1;
  while (j >= 0 && before[j] === '*') j--;
  return j < 0 || OPEN_CONTEXT.test(before[j]);
}

/** A word-initial ' is an apostrophe before an elision or when no closing ' follows in the text. */
function isApostrophe(text: string, i: number): boolean {
  const rest = text.slice(i + 1);
  if (ELISION.test(rest)) return true;
  return !/[\p{L}\p{N}.,!?)*]'(?![\p{L}\p{N}])/u.test(rest);
}
