import { beforeAll, describe, expect, test } from 'vitest';
import { createSink } from '../../src/diag/sink.ts';
import { createLineBreaker } from '../../src/text/breakLines.ts';
import { firstFit } from '../../src/text/firstFit.ts';
import { createHyphenator } from '../../src/text/hyphenate.ts';
import { GLYPH_EXPANSION, itemize, SPACE_SHRINK } from '../../src/text/itemize.ts';
import { knuthPlass, totalDemerits } from '../../src/text/knuthPlass.ts';
import { wordTooWide } from '../../src/text/messages.ts';
import { lineStats } from '../../src/text/stats.ts';
import type { Hyphenator, Line } from '../../src/text/types.ts';
import { fakeFonts, para, run, texts } from './fakeFonts.ts';

const CORONA =
  'In 2020 kreeg de IND te maken met de gevolgen van de coronamaatregelen. Loketten gingen dicht, gehoren werden ' +
  'uitgesteld en medewerkers gingen thuis werken. Toch nam het aantal beslissingen op asielaanvragen en ' +
  'naturalisatieverzoeken toe, dankzij de inzet van iedere beslismedewerker in de vreemdelingenketen.';
const COMPOUNDS =
  'Vreemdelingenketen naturalisatieverzoeken verblijfsvergunningen ingebrekestellingen inwilligingen ' +
  'beslismedewerkers coronamaatregelen asielaanvragen.';

let hyphenator: Hyphenator;
beforeAll(async () => {
  hyphenator = await createHyphenator();
});
const breaker = (algorithm: 'knuth-plass' | 'first-fit' = 'knuth-plass', diag = createSink()) =>
  createLineBreaker({ fonts: fakeFonts(), hyphenator, diag, algorithm });
/** Right edge of a line: last run's x + width. */
const rightEdge = (l: Line): number => l.runs[l.runs.length - 1].xPt + l.runs[l.runs.length - 1].widthPt;

describe('Knuth–Plass against first-fit (6 pt characters, 3 pt spaces)', () => {
  const p = para(CORONA, { hyphenate: false });

  test('breaks a fixed paragraph at the expected words', () => {
    expect(texts(breaker('first-fit')(p, 270))).toEqual([
      'In 2020 kreeg de IND te maken met de gevolgen van de',
      'coronamaatregelen. Loketten gingen dicht,',
      'gehoren werden uitgesteld en medewerkers gingen',
      'thuis werken. Toch nam het aantal beslissingen op',
      'asielaanvragen en naturalisatieverzoeken toe,',
      'dankzij de inzet van iedere beslismedewerker in de',
      'vreemdelingenketen.',
    ]);
    // Total fit moves "van de" down so the second line is not left with a hole (first-fit: space ratio 2.4).
    expect(texts(breaker()(p, 270)).slice(0, 2)).toEqual([
      'In 2020 kreeg de IND te maken met de gevolgen',
      'van de coronamaatregelen. Loketten gingen dicht,',
    ]);
  });

  test('total demerits of Knuth–Plass are lower than those of first-fit', () => {
    const { items } = itemize(p, { fonts: fakeFonts(), hyphenator, widthPt: 270, ragged: false });
    const kp = knuthPlass(items, 270);
    expect(kp).not.toBeNull();
    const ff = firstFit(items, 270);
    expect(totalDemerits(items, kp!, 270)).toBeLessThan(totalDemerits(items, ff, 270) / 2);
  });

  test('justified lines fill the measure by word spacing and glyph scaling; the last line is natural', () => {
    const lines = breaker()(para(CORONA), 300);
    for (const l of lines.slice(0, -1)) {
      expect(rightEdge(l)).toBeCloseTo(300, 6);
      expect(l.widthPt).toBeCloseTo(300, 6);
      const scale = l.runs[0].scale ?? 1;
      expect(Math.abs(scale - 1)).toBeLessThanOrEqual(GLYPH_EXPANSION + 1e-9);
      // visible space = scale × (natural 3 pt + word spacing) = ratio × natural
      expect(scale * (3 + l.runs[0].wordSpacingPt)).toBeCloseTo(3 * (l.spaceRatio ?? 1), 6);
      expect(l.spaceRatio).toBeGreaterThanOrEqual(1 - SPACE_SHRINK - 1e-9);
      expect(l.spaceRatio).toBeLessThanOrEqual(1.5);
    }
    const last = lines[lines.length - 1];
    expect(last.spaceRatio).toBeUndefined();
    expect(last.runs[0].wordSpacingPt).toBe(0);
    expect(last.runs[0].scale).toBeUndefined();
    const words = texts([last])[0].split(' ');
    expect(last.widthPt).toBe(6 * words.join('').length + 3 * (words.length - 1));
    expect(lines.every((l) => !l.overfull)).toBe(true);
  });

  test('a hyphenated line gets "-" appended to its last run and is flagged', () => {
    const lines = breaker()(para(CORONA), 300);
    expect(texts(lines).slice(0, 2)).toEqual([
      'In 2020 kreeg de IND te maken met de gevolgen van de coro-',
      'namaatregelen. Loketten gingen dicht, gehoren werden',
    ]);
    expect(lines.map((l) => l.hyphenated)).toEqual([true, false, false, true, false, false]);
    expect(lines[0].runs[0].widthPt).toBeCloseTo(300, 6);
  });

  test('never more than two hyphenated lines in a row (first-fit gets four)', () => {
    const ff = breaker('first-fit')(para(COMPOUNDS), 150);
    expect(lineStats(ff).maxConsecutiveHyphens).toBe(4);
    const kp = breaker()(para(COMPOUNDS), 150);
    expect(lineStats(kp).maxConsecutiveHyphens).toBeLessThanOrEqual(2);
    expect(texts(kp).join(' ').replace(/- /g, '')).toBe(COMPOUNDS);
  });

  test('the last word of a paragraph is never hyphenated', () => {
    const lines = breaker()(para('Dit geldt voor alle naturalisatieverzoeken'), 150);
    expect(texts(lines)[lines.length - 1]).toMatch(/naturalisatieverzoeken$/);
  });
});

describe('break opportunities', () => {
  test('a word wider than the measure is broken between characters, with a warning', () => {
    const diag = createSink();
    const mail = 'jaarverslag.ind.nl@rijksoverheid.minvenj.nl';
    const source = { file: 'content/x.yaml', line: 3, column: 5 };
    const lines = breaker('knuth-plass', diag)(para(`Mail naar ${mail} of bel.`, { source, align: 'left' }), 120);
    expect(diag.items).toEqual([wordTooWide(mail, 120, source)]);
    expect(texts(lines)).toEqual(['Mail naar jaarverslag', '.ind.nl@rijksoverhei', 'd.minvenj.nl of bel.']);
    expect(lines.every((l) => l.overfull === false && l.widthPt <= 120)).toBe(true);
  });

  test('a URL breaks after its slashes first, without a warning', () => {
    const diag = createSink();
    const url = 'https://ind.nl/nl/documenten/jaarverslag-definitief.pdf';
    const lines = breaker('knuth-plass', diag)(para(`Zie ${url} voor meer.`, { align: 'left' }), 120);
    expect(texts(lines)).toEqual(['Zie https://ind.nl/', 'nl/documenten/', 'jaarverslag-', 'definitief.pdf voor', 'meer.']);
    expect(diag.items).toEqual([]);
  });

  test('first-fit uses the same emergency breaks', () => {
    const diag = createSink();
    // an acronym has no syllables to break at: character breaks, no hyphen
    const lines = breaker('first-fit', diag)(para('Zie VREEMDELINGENKETEN.', { align: 'left', hyphenate: false }), 60);
    expect(texts(lines).join('|')).toBe('Zie VREEMD|ELINGENKET|EN.');
    expect(lines.map((l) => l.overfull)).toEqual([false, false, false]);
    expect(diag.items.map((d) => d.code)).toEqual(['TEXT001']);
  });

  test('a word wider than the measure breaks at its syllables first, even in a style without hyphenation', () => {
    const diag = createSink();
    const lines = breaker('first-fit', diag)(para('Zie Vreemdelingenketen.', { align: 'left', hyphenate: false }), 60);
    expect(texts(lines)).toEqual(['Zie Vreem-', 'delingen-', 'keten.']);
    expect(diag.items).toEqual([]);
  });

  test('non-breaking spaces U+00A0 and U+202F never break', () => {
    for (const nb of ['\u00A0', '\u202F']) {
      const lines = breaker()(para(`aaaa bbbb 12${nb}000 cccc`, { align: 'left', hyphenate: false }), 70);
      expect(texts(lines)).toEqual(['aaaa bbbb', `12${nb}000 cccc`]);
    }
  });

  test('compounds break after their own "-" or "/" without an added hyphen', () => {
    const lines = breaker()(para('Elke IND-medewerker werkt', { align: 'left', hyphenate: false }), 60);
    expect(texts(lines)).toEqual(['Elke IND-', 'medewerker', 'werkt']);
    expect(lines[0].hyphenated).toBe(true);
    const slash = breaker()(para('asiel en/ofnareis', { align: 'left', hyphenate: false }), 80);
    expect(texts(slash)).toEqual(['asiel en/', 'ofnareis']);
    expect(slash[0].hyphenated).toBe(false);
  });

  test('no explicit break in "’s-Hertogenbosch", "e-mail" or "COVID-19"', () => {
    for (const word of ['’s-Hertogenbosch', 'e-mailadressen', 'COVID-19']) {
      const lines = breaker()(para(`in ${word}`, { align: 'left', hyphenate: false }), 6 * word.length);
      expect(texts(lines), word).toEqual(['in', word]);
    }
  });

  test('a newline is a forced break; the line before it is not justified', () => {
    const lines = breaker()(para('Postbus 287\n7600 AG Almelo en verder niets', { hyphenate: false }), 300);
    expect(texts(lines)).toEqual(['Postbus 287', '7600 AG Almelo en verder niets']);
    expect(lines[0].runs[0].wordSpacingPt).toBe(0);
    expect(lines[0].spaceRatio).toBeUndefined();
  });

  test('soft hyphens are break hints and never emitted', () => {
    const lines = breaker()(para('Een ver\u00ADblijfs\u00ADver\u00ADgun\u00ADning is nodig', { align: 'left', hyphenate: false }), 80);
    expect(texts(lines)).toEqual(['Een ver-', 'blijfsver-', 'gunning is', 'nodig']);
    expect(texts(lines).join('')).not.toContain('\u00AD');
  });
});

describe('line output', () => {
  test('a word across runs ("**IND**’ers") keeps each run in its own font', () => {
    const lines = breaker()(para([run('Veel '), run('IND', { font: 'serif-bold' }), run('’ers werken thuis.')], { align: 'left' }), 300);
    expect(lines[0].runs.map((r) => [r.text, r.font, r.xPt])).toEqual([
      ['Veel ', 'serif', 0],
      ['IND', 'serif-bold', 27],
      ['’ers werken thuis.', 'serif', 45],
    ]);
  });

  test('consecutive words of the same style become one run with real spaces', () => {
    const lines = breaker()(para([run('een '), run('twee '), run('drie')], { align: 'left' }), 300);
    expect(lines[0].runs.map((r) => r.text)).toEqual(['een twee drie']);
  });

  test('first-line indent, right and centre alignment shift the runs', () => {
    const indented = breaker()(para('aaaa bbbb cccc dddd', { align: 'left', firstLineIndentPt: 12 }), 60);
    // 12 + "aaaa bbbb" (51 pt) would exceed 60 pt, so the first line holds one word.
    expect(texts(indented)).toEqual(['aaaa', 'bbbb cccc', 'dddd']);
    expect(indented.map((l) => l.runs[0].xPt)).toEqual([12, 0, 0]);
    expect(breaker()(para('aaaa bbbb', { align: 'right' }), 100)[0].runs[0].xPt).toBe(49);
    expect(breaker()(para('aaaa bbbb', { align: 'center' }), 100)[0].runs[0].xPt).toBe(24.5);
  });

  test('footnote markers keep their rise and id; leading gives height, ascent and descent', () => {
    const lines = breaker()(para([run('Asiel'), run('1', { footnoteId: 'f1', risePt: 3, sizePt: 6 })], { leadingPt: 12 }), 300);
    expect(lines[0].runs[1]).toMatchObject({ text: '1', footnoteId: 'f1', risePt: 3, xPt: 30 });
    expect(lines[0]).toMatchObject({ heightPt: 12, ascentPt: 9, descentPt: 3 });
  });

  test('a FontStore without prefixWidths (a plain fake) gives the same lines', () => {
    const { prefixWidths: _, ...plain } = fakeFonts();
    const lines = createLineBreaker({ fonts: plain, hyphenator })(para(CORONA), 300);
    expect(lines).toEqual(breaker()(para(CORONA), 300));
  });

  test('the same paragraph object at the same width is broken once', () => {
    const b = breaker();
    const p = para(CORONA);
    expect(b(p, 300)).toBe(b(p, 300));
    expect(b(p, 200)).not.toBe(b(p, 300));
    expect(b({ ...p }, 300)).toEqual(b(p, 300));
  });

  test('an empty paragraph has no lines', () => {
    expect(breaker()(para('  '), 100)).toEqual([]);
  });

  test('ragged lines keep natural word spaces', () => {
    const lines = breaker()(para(CORONA, { align: 'left' }), 300);
    for (const l of lines) {
      expect(l.runs.every((r) => r.wordSpacingPt === 0)).toBe(true);
      expect(l.spaceRatio).toBeUndefined();
      expect(l.widthPt).toBeLessThanOrEqual(300);
    }
  });
});
