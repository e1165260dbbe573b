/**
 * Words a language uses for numbers and periods: scale words ("miljoen"), spelled-out numbers ("vijf") and
 * quarters ("2e kwartaal 2022"). Data only; bind/formatters.ts applies it. Separators, currency placement and
 * month names come from Intl for the report's BCP 47 tag.
 */

/** Number words of one language. */
export interface NumberWords {
  /** Scale words written after a scaled number: "€ 96,7 miljoen". */
  readonly thousands: string;
  readonly millions: string;
  readonly billions: string;
  /** 0…20 spelled out, the numbers style guides write in words. */
  readonly small: readonly string[];
  /** Round tens 30…90 and 100 spelled out ("dertig", "honderd"). */
  readonly tens: Readonly<Record<number, string>>;
  /** A quarter of a year; {n} = 1…4, {year}. */
  readonly quarter: string;
}

const NL: NumberWords = {
  thousands: 'duizend',
  millions: 'miljoen',
  billions: 'miljard',
  small: ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig'],
  tens: { 30: 'dertig', 40: 'veertig', 50: 'vijftig', 60: 'zestig', 70: 'zeventig', 80: 'tachtig', 90: 'negentig', 100: 'honderd' },
  quarter: '{n}e kwartaal {year}',
};

const EN: NumberWords = {
  thousands: 'thousand',
  millions: 'million',
  billions: 'billion',
  small: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  tens: { 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety', 100: 'a hundred' },
  quarter: 'Q{n} {year}',
};

const DE: NumberWords = {
  thousands: 'Tsd.',
  millions: 'Mio.',
  billions: 'Mrd.',
  small: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig'],
  tens: { 30: 'dreißig', 40: 'vierzig', 50: 'fünfzig', 60: 'sechzig', 70: 'siebzig', 80: 'achtzig', 90: 'neunzig', 100: 'hundert' },
  quarter: '{n}. Quartal {year}',
};

const BY_LANGUAGE: Readonly<Record<string, NumberWords>> = { nl: NL, en: EN, de: DE };

/** The number words of a BCP 47 tag's language; Dutch (the content format's default) for unknown languages. */
export function numberWordsFor(locale: string): NumberWords {
  return BY_LANGUAGE[locale.split('-')[0]!.toLowerCase()] ?? NL;
}
