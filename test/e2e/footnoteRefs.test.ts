/**
 * Issue 11 item 2: footnotes as reference targets. `{page:^id}` prints the page the note is set on and `{ref:^id}`
 * its number ("noot 2"), both links to the note; ids are local to their section, like the marker `[^id]`. The
 * oracle is the PDF read back: the page whose text holds the note (PDF page index + 1 is the printed page number,
 * as in pageRefs.test.ts), the note's printed number, and the link annotations' destinations and /Contents.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { parsePdf } from '../helpers/pdf.ts';
import { readStructure } from '../helpers/pdfStructure.ts';
import { readTagged, taggingProblems } from '../helpers/taggedPdf.ts';
import { makeContent } from '../load/fixture.ts';

const FILLER = 'Dit is een alinea met genoeg woorden om een paar regels te vullen in een kolom van het verslag, zodat de pagina vol raakt. ';

/** Section a refers to its note "bron" before the paragraph that carries it; `fillers` paragraphs lie between. */
function content(fillers: number): string {
  const paras = Array.from({ length: fillers }, () => `  - p: ${FILLER.repeat(4)}\n`).join('');
  return makeContent({
    'figures.yaml': 'figures:\n  a: 5\n',
    'sections/a.yaml': `kind: article
title: Verwijzingen
blocks:
  - p: "De bron staat in {ref:^bron} op {page:^bron}; er zijn {a} regels."
${paras}  - p: Een bewering met een bron.[^bron]
footnotes:
  bron: Eigen registratie van de Testdienst, peildatum 31 december.
`,
    // a second section with a note of the same id: its own anchor and the next number
    'sections/b.yaml': `kind: article
title: Tweede
blocks:
  - p: Nog een bewering.[^bron] Zie {ref:^bron}.
footnotes:
  bron: Jaarcijfers van het ministerie.
`,
    'report.yaml': 'title: T\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n  - sections/b.yaml\n',
  });
}

async function build(fillers: number) {
  const r = await buildReport({ contentDir: content(fillers) });
  const pdf = await parsePdf(r.pdf);
  const texts = pdf.pages.map((p) => p.text.replace(/\s+/g, ' '));
  const pageOf = (needle: string) => texts.findIndex((t) => t.includes(needle)) + 1;
  return { r, texts, pageOf, structure: await readStructure(r.pdf) };
}

describe('references to footnotes', () => {
  it('print the note page and number, and move with the note', async () => {
    const near = await build(1);
    const far = await build(14);
    for (const b of [near, far]) {
      const notePage = b.pageOf('Eigen registratie van de Testdienst');
      expect(notePage).toBeGreaterThan(0);
      const sentence = b.texts.find((t) => t.includes('De bron staat in'))!;
      expect(sentence).toContain(`De bron staat in noot 1 op pagina ${notePage};`);
      expect(b.r.diagnostics.items.filter((d) => d.code.startsWith('REF'))).toEqual([]);
    }
    // the fillers push the note (and the paragraph that carries it) to a later page
    expect(far.pageOf('Eigen registratie van de Testdienst')).toBeGreaterThan(near.pageOf('Eigen registratie van de Testdienst'));
  }, 120_000);

  it('number a same-named note of another section as its own, and link each reference to its note', async () => {
    const { r, texts, pageOf, structure } = await build(14);
    expect(texts.find((t) => t.includes('Nog een bewering'))).toContain('Zie noot 2.');
    const notePage = pageOf('Eigen registratie van de Testdienst');
    const otherPage = pageOf('Jaarcijfers van het ministerie');
    // one link per reference: "noot 1" and "pagina N" on the first page of section a, "noot 2" in section b
    const toNotes = structure.links.filter((l) => l.dest?.includes('^bron'));
    expect(toNotes.map((l) => [l.dest, l.target])).toEqual([
      ['a^bron', notePage],
      ['a^bron', notePage],
      ['b^bron', otherPage],
    ]);
    expect(structure.destinations.get('a^bron')).toBe(notePage);
    // tagged: every link in a Link element, named by its /Contents (the words it covers)
    const tagged = await readTagged(r.pdf);
    expect(taggingProblems(tagged)).toEqual([]);
  }, 120_000);
});
