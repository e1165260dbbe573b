/**
 * The typography rules of a build (style/typography.ts createTypography, themeTypography): compiled per Typography
 * object (no module-level cache), month names taken from the template's chart locale for the report's language and
 * from Intl's texts kept in the build's IntlCache for another language. Oracles: the rules with Intl's own month
 * names (applyTypography without a Typography), Intl's decimal mark for each bundled report's language, and a count
 * of the Intl objects made (a build whose months are known makes none).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyTypography, createTypography, NBSP, themeTypography } from '../../src/style/typography.ts';
import { decimalMarkOf } from '../../src/style/resolveStyles.ts';
import { createIntlCache } from '../../src/locale/intlCache.ts';
import { loadTheme, themeRequestFor } from '../../src/load/loadTheme.ts';
import type { ResolvedTheme } from '../../src/spec/theme.ts';
import { loadTestTheme } from './themeFixture.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TEXTS = ['op 30 april 2021 en 1 mei', 'Hij zei "ja" en \'nee\', o.a. dr. Jansen', 'on 30 April 2021, "yes"', '€ 12 mln voor 40 km op 3 mrt.'];

/** Counts the Intl number and date formatters made while `f` runs. */
function intlMade<T>(f: () => T): [T, number] {
  const saved = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };
  let made = 0;
  const counting = <C extends object>(C: C) => new Proxy(C, { construct: (target, args) => (made++, Reflect.construct(target as new (...a: unknown[]) => object, args)) });
  Object.assign(Intl, { NumberFormat: counting(saved.NumberFormat), DateTimeFormat: counting(saved.DateTimeFormat) });
  try {
    return [f(), made];
  } finally {
    Object.assign(Intl, saved);
  }
}

describe('typography rules of a build', () => {
  it('gives what the rules with Intl month names give, for the report language and another one', () => {
    const theme = loadTestTheme();
    const typo = themeTypography(theme, new Map(), createIntlCache());
    for (const lang of ['nl-NL', 'en-GB', 'de-DE']) for (const t of TEXTS) expect(applyTypography(t, lang, typo)).toBe(applyTypography(t, lang));
  });

  it('each Typography compiles its own rules from its own month names (no module-level cache)', () => {
    const invented = createTypography(() => ({ months: ['brumaire'], shortMonths: [] }));
    expect(applyTypography('op 3 brumaire', 'nl-NL', invented)).toBe(`op 3${NBSP}brumaire`);
    expect(applyTypography('op 3 april', 'nl-NL', invented)).toBe('op 3 april');
    // a second one, made afterwards for the same language, does not see the first one's rules
    expect(applyTypography('op 3 brumaire', 'nl-NL', createTypography())).toBe('op 3 brumaire');
    expect(applyTypography('op 3 april', 'nl-NL', createTypography())).toBe(`op 3${NBSP}april`);
  });

  it("a session's compiled rules are keyed by the language and its month names, not the language alone", () => {
    const compiled = new Map();
    expect(applyTypography('op 3 brumaire', 'nl-NL', createTypography(() => ({ months: ['brumaire'], shortMonths: [] }), compiled))).toBe(`op 3${NBSP}brumaire`);
    expect(applyTypography('op 3 brumaire', 'nl-NL', createTypography(undefined, compiled))).toBe('op 3 brumaire');
    expect(compiled.size).toBe(2);
    // the same months again: the session's rules, compiled no more
    applyTypography('op 3 april', 'nl-NL', createTypography(undefined, compiled));
    expect(compiled.size).toBe(2);
  });

  it('makes no Intl object for the report language, and for another one only until its month names are kept', () => {
    const theme = loadTestTheme();
    const intl = createIntlCache();
    const [, first] = intlMade(() => TEXTS.map((t) => applyTypography(t, theme.chart.language, themeTypography(theme, new Map(), intl))));
    expect(first).toBe(0);
    const [en, made] = intlMade(() => TEXTS.map((t) => applyTypography(t, 'en-GB', themeTypography(theme, new Map(), intl))));
    expect(made).toBeGreaterThan(0);
    // a next build: new compiled rules, the same kept texts (as read back from the intl file)
    const kept = createIntlCache();
    for (const [k, v] of intl.texts) kept.texts.set(k, v);
    const [again, none] = intlMade(() => TEXTS.map((t) => applyTypography(t, 'en-GB', themeTypography(theme, new Map(), kept))));
    expect(none).toBe(0);
    expect(again).toEqual(en);
  });

  it("each bundled report's template carries Intl's decimal mark of the report's language", async () => {
    for (const name of ['annual-report-2020-en', 'jaarverslag-2020', 'kerncijfers-2020']) {
      const dir = `${root}content/${name}`;
      const meta = parse(readFileSync(`${dir}/report.yaml`, 'utf8')) as { language: string; template: string };
      const req = themeRequestFor({ ...meta } as unknown as Parameters<typeof themeRequestFor>[0], dir);
      const theme: ResolvedTheme = await loadTheme(`${root}templates`, { ...req, fontsDir: `${root}fonts` });
      expect(theme.chart.language, name).toBe(meta.language);
      expect(theme.chart.locale.number.decimal, name).toBe(decimalMarkOf(meta.language));
    }
  });
});
