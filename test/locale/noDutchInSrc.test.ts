import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
/** The only files allowed to hold Dutch words: the Dutch locale data (words, and the number words of every language). */
const DUTCH_DATA = 'locale/nl.ts';
const NUMBER_WORDS = 'locale/numberWords.ts';

// Dutch words a user could see, hand-picked so that none is also an English word or a language tag
// ("de", "en", "per" and "is" are left out): template words, chart kinds, months, report words, function words.
const DUTCH = [
  'inhoud', 'vervolg', 'pagina', 'kijk', 'staafdiagram', 'lijndiagram', 'cirkeldiagram', 'vlakdiagram', 'ringdiagram',
  'spreidingsdiagram', 'warmtekaart', 'gestapeld', 'gegroepeerd', 'kaart', 'grafiek', 'tabel', 'waarden', 'meer',
  'januari', 'februari', 'maart', 'mei', 'juni', 'juli', 'augustus', 'oktober', 'voorwoord', 'bijlage', 'colofon',
  'artikel', 'figuur', 'bron', 'totaal', 'jaar', 'aantal', 'aanvragen', 'asiel', 'het', 'een', 'zijn', 'niet', 'wordt',
  'voor', 'naar', 'bij', 'ook', 'deze', 'dit', 'geen', 'eerste', 'tweede', 'derde', 'uur', 'mln', 'mld', 'blz', 'bijv',
  'dhr', 'mevr', 'onderwerp', 'nareis', 'hoofdstuk', 'lezer',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
}

/** String literals of a TypeScript source, comments blanked first (a comment may quote Dutch as an example). */
export function stringLiterals(source: string): { text: string; line: number }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
  const out: { text: string; line: number }[] = [];
  for (const m of code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) {
    out.push({ text: m[0], line: code.slice(0, m.index).split('\n').length });
  }
  return out;
}

const dutchIn = (text: string) => [...new Set(text.toLowerCase().match(/\p{L}+/gu) ?? [])].filter((w) => DUTCH.includes(w));

describe('no user-visible string in src/ tied to Dutch', () => {
  test('the scanner finds Dutch words in literals and skips comments', () => {
    const found = stringLiterals("// 'Inhoud' in a comment\nconst a = 'Vervolg {label}';\nconst b = \"Contents\";");
    expect(found.flatMap((l) => dutchIn(l.text))).toEqual(['vervolg']);
  });
  test('string literals in src/ hold Dutch words only in the Dutch locale data', () => {
    const hits: string[] = [];
    for (const f of files(SRC)) {
      const rel = relative(SRC, f).split('\\').join('/');
      const words = stringLiterals(readFileSync(f, 'utf8')).flatMap((l) => dutchIn(l.text).map((w) => `${rel}:${l.line} ${w}`));
      if (rel === DUTCH_DATA) expect(words.length, 'the Dutch data is found by the same search').toBeGreaterThan(10);
      else if (rel !== NUMBER_WORDS) hits.push(...words);
    }
    expect(hits).toEqual([]);
  });
});
