/**
 * Issue 11 item 5: a hyphenation exception in report.yaml decides where its word breaks, in the Dutch report and
 * in an English edition (a block without any language of its own, set in the report's en-GB). The oracle is the
 * hyphenated line ends read back from the PDF's glyphs: every line that ends inside the word ends at the
 * exception's hyphen (hand-written below), and without the exception the same text breaks the word elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { readTextObjects } from '../helpers/pdfGlyphs.ts';
import { makeContent } from '../load/fixture.ts';

interface Edition {
  readonly language: string;
  readonly template: string;
  readonly word: string;
  /** The only break the exception allows, as an author writes it in report.yaml. */
  readonly exception: string;
  /** Ordinary prose with WORD where the word goes. */
  readonly text: string;
}

const DUTCH: Edition = {
  language: 'nl-NL',
  template: 'rijksoverheid',
  word: 'vreemdelingenketenpartnerorganisaties',
  exception: 'vreemdelingenketen-partnerorganisaties',
  text: 'Wij werken samen met alle WORD in het land, en de WORD helpen ons daarbij. Zonder de WORD zou het werk van de dienst veel langer duren, want de WORD weten veel.',
};
// The English edition's own template and language; the paragraph names no language of its own.
const ENGLISH: Edition = {
  language: 'en-GB',
  template: 'corporate',
  word: 'internationalisation',
  exception: 'internationa-lisation',
  text: 'We work with the WORD teams across the country, and the WORD teams help us. Without the WORD teams the work of the service would take much longer, because the WORD teams know a lot.',
};

/** A paragraph where the long word comes back on nearly every line, so the measure must break it now and then. */
function section(e: Edition): string {
  const sentence = e.text.replaceAll('WORD', e.word);
  return `kind: article\ntitle: Words\nblocks:\n  - p: >-\n      ${sentence} ${sentence} ${sentence} ${sentence} End.\n`;
}

/** Every line end inside the word: the word's part before the hyphen, e.g. "counter-" → "counter". */
async function breaksOf(e: Edition, exceptions: readonly string[]): Promise<string[]> {
  const dir = makeContent({
    'figures.yaml': 'figures:\n  a: 5\n',
    'sections/a.yaml': section(e),
    'report.yaml': `title: T\norganisation: O\nauthor: O\nsubject: S\nlanguage: ${e.language}\ndate: 2021-04-30\ntemplate: ${e.template}\nhyphenation: { exceptions: [${exceptions.join(', ')}] }\nsections:\n  - sections/a.yaml\n`,
  });
  const { pdf } = await buildReport({ contentDir: dir });
  const lineEnds = (await readTextObjects(pdf)).flat().map((o) => o.text.trimEnd());
  return lineEnds
    .filter((t) => t.endsWith('-'))
    .map((t) => t.slice(t.lastIndexOf(' ') + 1, -1))
    .filter((piece) => piece.length > 0 && e.word.startsWith(piece));
}

describe('hyphenation exceptions from report.yaml', () => {
  for (const e of [DUTCH, ENGLISH]) {
    it(`break ${e.word} only where the exception says (${e.language}, ${e.template})`, async () => {
      const before = e.exception.slice(0, e.exception.indexOf('-'));
      const plain = await breaksOf(e, []);
      // the patterns alone break the word, and somewhere else too: the exception has something to change
      expect(plain.length).toBeGreaterThan(0);
      expect(plain.some((p) => p !== before)).toBe(true);
      const excepted = await breaksOf(e, [e.exception]);
      expect(excepted.length).toBeGreaterThan(0);
      expect(new Set(excepted)).toEqual(new Set([before]));
    }, 60_000);
  }
});
