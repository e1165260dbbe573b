/**
 * One locale for the whole report, from report.yaml's BCP 47 `language`: the language's data (words, quotes,
 * typographic conventions), its hyphenation patterns and the number/time locale charts use.
 */
import { de } from './de.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';
import type { LocaleData } from './types.ts';

export type { LocaleData, WordKey, Words } from './types.ts';
export { vegaLocale, type VegaLocale } from './vegaLocale.ts';

/** Languages with their own data; others get English words and conventions (and a warning from the caller). */
const DATA: Readonly<Record<string, LocaleData>> = { nl, en, de, fr };

/** hyphenopoly pattern files by language; a tag with a region tries "xx-yy" first ("en-gb"), then these. */
const PATTERN_DEFAULT: Readonly<Record<string, string>> = { en: 'en-us' };

/** Pattern files hyphenopoly 5.2.0 ships (node_modules/hyphenopoly/patterns/*.wasm). */
export const HYPHENATION_LANGUAGES: readonly string[] = [
  'af', 'as', 'be', 'bg', 'bn', 'ca', 'cs', 'cy', 'da', 'de', 'el-monoton', 'el-polyton', 'en-gb', 'en-us', 'eo', 'es',
  'et', 'eu', 'fi', 'fo', 'fr', 'fur', 'ga', 'gl', 'gu', 'hi', 'hr', 'hsb', 'hu', 'hy', 'ia', 'id', 'is', 'it', 'ka',
  'kmr', 'kn', 'la', 'lt', 'lv', 'mk', 'ml', 'mn-cyrl', 'mr', 'nb', 'nl', 'nn', 'no', 'oc', 'or', 'pa', 'pi', 'pl', 'pms',
  'pt', 'rm', 'ro', 'ru', 'sh-cyrl', 'sh-latn', 'sk', 'sl', 'sq', 'sr-cyrl', 'sv', 'ta', 'te', 'th', 'tk', 'tr', 'uk',
];

/** The primary language subtag, lower case: "en-GB" → "en". */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/** The language's own data, or undefined when it has none (the caller falls back to English and warns). */
export function localeData(tag: string): LocaleData | undefined {
  return DATA[primaryLanguage(tag)];
}

/** The hyphenation pattern file for a tag ("en-GB" → "en-gb", "nl-BE" → "nl", "en" → "en-us"), or undefined. */
export function hyphenationPatterns(tag: string): string | undefined {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  const lang = primaryLanguage(tag);
  const region = lower.split('-').slice(0, 2).join('-');
  for (const c of [region, PATTERN_DEFAULT[lang], lang]) if (c && HYPHENATION_LANGUAGES.includes(c)) return c;
  return undefined;
}

/** The data for a tag, falling back to English. */
export function localeOrDefault(tag: string): LocaleData {
  return localeData(tag) ?? en;
}

/** True when Intl knows the tag as a language (the report's `language` must be one). */
export function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && /^[a-z]{2,3}(-|$)/i.test(tag);
  } catch {
    return false;
  }
}
