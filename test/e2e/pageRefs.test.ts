/**
 * Issue 11 item 2: "zie pagina N" resolves after pagination, also when an edit moves the target; numbered figures
 * and tables; headings in the outline. The oracle is the PDF read back: the page the target's text is on
 * (page numbers equal PDF page index + 1) and the words printed in the referring sentence.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { makeContent } from '../load/fixture.ts';
import { parsePdf } from '../helpers/pdf.ts';

const FILLER = 'Dit is een alinea met genoeg woorden om een paar regels te vullen in een kolom van het verslag, zodat de pagina vol raakt. ';

function content(fillers: number): string {
  const paras = Array.from({ length: fillers }, () => `  - p: ${FILLER.repeat(4)}\n`).join('');
  return makeContent({
    'figures.yaml': 'figures:\n  a: 5\n',
    'sections/a.yaml': `kind: article
title: Verwijzingen
blocks:
  - p: "Het doel staat op {page:doel}; de tabel is {ref:tab} ({page:tab}), er zijn {a} regels."
${paras}  - heading: { text: Het doel des verhaals, id: doel }
  - p: Tekst onder het doel.
  - table:
      id: tab
      title: Een tabel
      columns: [Soort, Aantal]
      rows:
        - [Een, "1"]
`,
    'report.yaml': 'title: T\norganisation: O\nauthor: O\nsubject: S\ndate: 2021-04-30\nnumbering: [tables]\ntemplate: rijksoverheid\nsections:\n  - sections/a.yaml\n',
  });
}

async function pages(fillers: number) {
  const r = await buildReport({ contentDir: content(fillers) });
  const pdf = await parsePdf(r.pdf);
  const texts = pdf.pages.map((p) => p.text.replace(/\s+/g, ' '));
  const pageOf = (needle: string) => texts.findIndex((t) => t.includes(needle)) + 1;
  return { texts, pageOf, pdf, warnings: r.diagnostics.items };
}

describe('page references', () => {
  for (const fillers of [1, 14]) {
    it(`print the page the target landed on (${fillers} filler paragraphs)`, async () => {
      const { texts, pageOf, pdf, warnings } = await pages(fillers);
      const heading = pageOf('Het doel des verhaals');
      const table = pageOf('Tabel 1 Een tabel');
      expect(heading).toBeGreaterThan(0);
      const sentence = texts.find((t) => t.includes('Het doel staat op'))!;
      expect(sentence).toContain(`Het doel staat op pagina ${heading};`);
      expect(sentence).toContain(`de tabel is Tabel 1 (pagina ${table})`);
      expect(warnings.filter((w) => w.code.startsWith('REF'))).toEqual([]);
      // the heading is a bookmark under its section
      const section = pdf.outline.find((o) => o.title === 'Verwijzingen') as { items: { title: string }[] };
      expect(section.items.map((i) => i.title)).toContain('Het doel des verhaals');
    }, 60_000);
  }

  it('moves with its target', async () => {
    const near = await pages(1);
    const far = await pages(14);
    expect(far.pageOf('Het doel des verhaals')).toBeGreaterThan(near.pageOf('Het doel des verhaals'));
  }, 60_000);
});
