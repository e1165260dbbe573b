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
import { intlText, type IntlCache } from '../locale/intlCache.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** No-break space. */
export const NBSP = '\u00A0';

// SI unit symbols that stay with their number in every language; the language adds its own ("mln", "uur").
const SI_UNITS = ['km', 'kg', 'mg', 'g', 'm', 'cm', 'mm', 'l', 'ml'];

/** The rules' word lists for one language, compiled once per build context. */
export interface Rules {
  readonly quotes: LocaleData['quotes'];
  readonly quoteSpace: string;
  readonly date: RegExp;
  readonly abbreviation: RegExp;
  readonly unit: RegExp;
  readonly elision: RegExp;
}

/** A language's month names, long and short (as vega's locale has them: locale/vegaLocale.ts). */
export interface MonthNames {
  readonly months: readonly string[];
  readonly shortMonths: readonly string[];
}

/** The rules of a build, per language. */
export interface Typography {
  rules(lang: string): Rules;
}

/**
 * Typography whose month names come from `monthsOf` (a cached template's chart locale, or Intl's texts kept on
 * disk: themeTypography) and whose compiled rules are kept in `compiled` (build context `typography`), keyed by the
 * language and its month names (what decides them). Month names are the only part taken from Intl; making its
 * formatters is ≈ 10–20 ms of a process, so a build asks for them once per language.
 */
export function createTypography(monthsOf: (lang: string) => MonthNames = intlMonths, compiled = new Map<string, Rules>()): Typography {
  const byLang = new Map<string, Rules>(); // this object's, so the key is made once per language
  return {
    rules(lang) {
      let r = byLang.get(lang);
      if (r) return r;
      const months = monthsOf(lang);
      const key = JSON.stringify([lang, months.months, months.shortMonths]);
      r = compiled.get(key);
      if (!r) compiled.set(key, (r = compileRules(lang, months)));
      byLang.set(lang, r);
      return r;
    },
  };
}

/**
 * The typography of a build with `theme`: the report language's month names from the template's chart locale (the
 * same Intl derivation, and the template is cached on disk), another language's from Intl through `intl` (its texts
 * kept on disk: locale/intlCache.ts), so a next build whose template is cached makes no Intl object for them.
 */
export function themeTypography(theme: ResolvedTheme, compiled?: Map<string, Rules>, intl?: IntlCache): Typography {
  return createTypography((lang) => {
    if (lang === theme.chart.language) return theme.chart.locale.time;
    if (!intl) return intlMonths(lang);
    return JSON.parse(intlText(intl, `typography months\u0000${lang}`, () => JSON.stringify(intlMonths(lang)))) as MonthNames;
  }, compiled);
}

/** The month names of a BCP 47 tag from Intl (as vega's locale has them). */
export function intlMonths(lang: string): MonthNames {
  const { months, shortMonths } = vegaLocale(lang).time;
  return { months, shortMonths };
}

function compileRules(lang: string, { months, shortMonths }: MonthNames): Rules {
  const data = localeOrDefault(lang);
  const monthNames = [...months, ...shortMonths].map((m) => escape(m.toLocaleLowerCase(lang)));
  const units = [...SI_UNITS, ...data.units].map(escape);
  return {
    quotes: data.quotes,
    quoteSpace: data.quoteSpace,
    date: new RegExp(`\\b([0-3]?\\d\\.?) (${monthNames.join('|')})(?![\\p{L}])`, 'giu'),
    abbreviation: new RegExp(`(?<!\\p{L})((?:${data.abbreviations.map(escape).join('|')})\\.) (?=\\S)`, 'giu'),
    unit: new RegExp(`(\\d) (${units.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    // Word-initial elisions that take an apostrophe, not an opening quote: Dutch ’s, ’t, ’n; every language ’94.
    elision: new RegExp(`^(?:(?:${data.elisions.map(escape).join('|') || '(?!)'})(?![\\p{L}\\p{N}])|\\d\\d)`, 'u'),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Opening context: whitespace, brackets, dashes and every language's opening quotes (‘ “ „ ‚ « and the narrow NBSP after «).
const OPEN_CONTEXT = /[\s([{\u2018\u201C\u201A\u201E\u00AB\u202F\u2013\u2014/\u00A0-]/;

/**
 * Applies the rules above to plain text (inline markup may be present; URLs must be masked by the caller).
 * `typography`: the build's rules (none: compiled for this call, with Intl's month names).
 */
export function applyTypography(text: string, lang = 'nl-NL', typography: Typography = createTypography()): string {
  let s = text.replace(/\.\.\./g, '\u2026');
  s = s.replace(/---/g, '\u2014').replace(/--/g, '\u2013');
  s = s.replace(/(\S) - (?=\S)/g, `$1 \u2013 `);
  s = s.replace(/ ([\u2013\u2014]) /g, `${NBSP}$1 `);
  s = curlQuotes(s, lang, typography);
  return noBreakSpaces(s, lang, typography);
}

/** Inserts the no-break spaces of rule 5. */
export function noBreakSpaces(text: string, lang = 'nl-NL', typography: Typography = createTypography()): string {
  const rules = typography.rules(lang);
  // Each rule's match has a space after a digit (dates, units), after ". " (abbreviations, initials) or after a
  // currency sign; a replacement only turns a space into a NBSP, so a rule whose trigger the text lacks is skipped
  // (most runs of a report have no ". " or digit: the six Unicode-aware scans were ≈ 15–20 ms of a cold build).
  const digits = /\d/.test(text);
  const dots = text.includes('. ');
  let s = text;
  if (digits) s = s.replace(rules.date, `$1${NBSP}$2`);
  if (dots) {
    s = s.replace(/(?<![\p{L}.])((?:\p{Ll}\.){2,}) (?=\S)/gu, `$1${NBSP}`);
    s = s.replace(rules.abbreviation, `$1${NBSP}`);
    s = s.replace(/(?<!\p{L})(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`);
  }
  if (digits && /[€$£]/.test(text)) s = s.replace(/([€$£]) (?=\d)/g, `$1${NBSP}`);
  if (digits) s = s.replace(rules.unit, `$1${NBSP}$2`);
  return s;
}

/** Replaces straight quotes by curly ones (rules 1 and 2). */
export function curlQuotes(text: string, lang = 'nl-NL', typography: Typography = createTypography()): string {
  const { quotes, quoteSpace, elision } = typography.rules(lang);
  // no quote: every character is kept as it is
  if (!text.includes('"') && !text.includes("'")) return text;
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
