/**
 * Issue 11 item 5: a justified line whose word spaces exceed the template's maximum is a warning at its
 * paragraph in every build, and a hyphenation exception in report.yaml for the word that caused it takes effect.
 * The oracle is the line's word spacing read back from the PDF's drawing (spaces wider than 2.5 normal spaces)
 * and the warning's position, written by hand from the YAML below.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { makeContent } from '../load/fixture.ts';

const WORD = 'vreemdelingenketenpartnerorganisaties';
const section = `kind: article
title: Lange woorden
blocks:
  - p: >-
      Wij werken samen met alle ${WORD} en ook met de ${WORD} in het buitenland, omdat de ${WORD} veel weten.
`;

async function build(exception: string) {
  const dir = makeContent({
    'figures.yaml': 'figures:\n  a: 5\n',
    'sections/a.yaml': section,
    'report.yaml': `title: T\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nhyphenation: { exceptions: [${exception}] }\nsections:\n  - sections/a.yaml\n`,
  });
  const r = await buildReport({ contentDir: dir });
  const lines = r.document.pages.flatMap((p) => p.items).filter((i) => i.kind === 'glyphs' && i.line?.spaceRatio !== undefined);
  return { warnings: r.diagnostics.items.filter((d) => d.code === 'PAGES002'), lines };
}

describe('loose lines', () => {
  it('warns at the paragraph when a word that may not break leaves wide spaces', async () => {
    const { warnings } = await build(WORD);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.span).toMatchObject({ line: 4, column: 8 }) // the paragraph's scalar: "  - p: >-";
    expect(warnings[0]!.message).toMatch(/word spaces are \d+\.\d\d× the normal space/);
  }, 60_000);

  it('takes the exception from report.yaml: with break points the line sets tight', async () => {
    const { warnings } = await build('vreem-de-lin-gen-ke-ten-part-ner-or-ga-ni-sa-ties');
    expect(warnings).toEqual([]);
  }, 60_000);
});
