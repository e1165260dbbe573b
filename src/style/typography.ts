/**
 * Typographic clean-up of author text in the text's language (src/locale data): quotation marks, dashes,
 * ellipsis and no-break spaces. Examples below are Dutch, the bundled report's language.
 *
 * Rules (each unit-tested in test/style/typography.test.ts):
 * 1. `"` opens (“, „ in German, « in French) after start, whitespace or opening punctuation, else closes (”). `*` markup is skipped when
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

import { localeOrDefault, vegaLocale, type LocaleData } from '../locale/index.ts';

/** No-break space. */
export const NBSP = '\u00A0';

// SI unit symbols that stay with their number in every language; the language adds its own ("mln", "uur").
const SI_UNITS = ['km', 'kg', 'mg', 'g', 'm', 'cm', 'mm', 'l', 'ml'];

/** The rules' word lists for one language, compiled once. */
interface Rules {
  readonly quotes: LocaleData['quotes'];
  readonly quoteSpace: string;
  readonly date: RegExp;
  readonly abbreviation: RegExp;
  readonly unit: RegExp;
  readonly elision: RegExp;
}

const rulesByLang = new Map<string, Rules>();
function rulesFor(lang: string): Rules {
  let r = rulesByLang.get(lang);
  if (!r) {
    const data = localeOrDefault(lang);
    const { months, shortMonths } = vegaLocale(lang).time;
    const monthNames = [...months, ...shortMonths].map((m) => escape(m.toLocaleLowerCase(lang)));
    const units = [...SI_UNITS, ...data.units].map(escape);
    r = {
      quotes: data.quotes,
      quoteSpace: data.quoteSpace,
      date: new RegExp(`\\b([0-3]?\\d\\.?) (${monthNames.join('|')})(?![\\p{L}])`, 'giu'),
      abbreviation: new RegExp(`(?<!\\p{L})((?:${data.abbreviations.map(escape).join('|')})\\.) (?=\\S)`, 'giu'),
      unit: new RegExp(`(\\d) (${units.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
      // Word-initial elisions that take an apostrophe, not an opening quote: Dutch ’s, ’t, ’n; every language ’94.
      elision: new RegExp(`^(?:(?:${data.elisions.map(escape).join('|') || '(?!)'})(?![\\p{L}\\p{N}])|\\d\\d)`, 'u'),
    };
    rulesByLang.set(lang, r);
  }
  return r;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Opening context: whitespace, brackets, dashes and every language's opening quotes (‘ “ „ ‚ « and the narrow NBSP after «).
const OPEN_CONTEXT = /[\s([{\u2018\u201C\u201A\u201E\u00AB\u202F\u2013\u2014/\u00A0-]/;

/** Applies the rules above to plain text (inline markup may be present; URLs must be masked by the caller). */
export function applyTypography(text: string, lang = 'nl-NL'): string {
  let s = text.replace(/\.\.\./g, '\u2026');
  s = s.replace(/---/g, '\u2014').replace(/--/g, '\u2013');
  s = s.replace(/(\S) - (?=\S)/g, `$1 \u2013 `);
  s = s.replace(/ ([\u2013\u2014]) /g, `${NBSP}$1 `);
  s = curlQuotes(s, lang);
  return noBreakSpaces(s, lang);
}

/** Inserts the no-break spaces of rule 5. */
export function noBreakSpaces(text: string, lang = 'nl-NL'): string {
  const rules = rulesFor(lang);
  let s = text;
  s = s.replace(rules.date, `$1${NBSP}$2`);
  s = s.replace(/(?<![\p{L}.])((?:\p{Ll}\.){2,}) (?=\S)/gu, `$1${NBSP}`);
  s = s.replace(rules.abbreviation, `$1${NBSP}`);
  s = s.replace(/(?<!\p{L})(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`);
  s = s.replace(/([€$£]) (?=\d)/g, `$1${NBSP}`);
  s = s.replace(rules.unit, `$1${NBSP}$2`);
  return s;
}

/** Replaces straight quotes by curly ones (rules 1 and 2). */
export function curlQuotes(text: string, lang = 'nl-NL'): string {
  const { quotes, quoteSpace, elision } = rulesFor(lang);
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '"' && c !== "'") {
      out.push(c);
      continue;
    }
    const opening = isOpeningContext(out);
    if (c === '"') out.push(opening ? quotes.primary[0] + quoteSpace : quoteSpace + quotes.primary[1]);
    else if (opening && !isApostrophe(text, i, elision)) out.push(quotes.secondary[0] + quoteSpace);
    else if (opening || /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && /[\p{L}\p{N}]/u.test(out.at(-1) ?? '')) out.push('\u2019');
    else out.push(quoteSpace + quotes.secondary[1]);
  }
  return out.join('');
}

function isOpeningContext(before: readonly string[]): boolean {
  let j = before.length - 1;
  while (j >= 0 && before[j] === '*') j--;
  return j < 0 || OPEN_CONTEXT.test(before[j]);
}

/** A word-initial ' is an apostrophe before an elision or when no closing ' follows in the text. */
function isApostrophe(text: string, i: number, elision: RegExp): boolean {
  const rest = text.slice(i + 1);
  if (elision.test(rest)) return true;
  return !/[\p{L}\p{N}.,!?)*]'(?![\p{L}\p{N}])/u.test(rest);
}
