/**
 * Property tests over random content trees (issue 12, item 7), with fast-check: sections of paragraphs (random
 * words, long words, punctuation, numbers, figure references), headings, lists and tables within the limits,
 * written as a content folder and built through the library API in one build context. For every tree:
 * - no crash: the build succeeds or fails with diagnostics (a ReportError), never anything else;
 * - every word of the content comes out of the PDF's text, in order (a word broken at a line end may carry an
 *   added hyphen there);
 * - no glyph lies outside its text column (template arithmetic, helpers/frames.ts);
 * - building it again gives the same bytes.
 * A fixed seed and few runs keep it short; on failure the seed and the tree are printed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, createBuildContext, isReportError } from '../../src/index.ts';
import { expectInsideColumns, templateNumbers, textAreaLines } from '../helpers/frames.ts';

const SEED = 20_261_203;
/** Runs per test (PROPERTY_RUNS=200 for a longer search); 15 take ≈ 15 s on a 2-core machine. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);

/** What the author writes and what the PDF must show for it (a figure reference shows its formatted value). */
interface Word {
  readonly src: string;
  readonly out: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzéëïö'.split('');
const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...LETTERS), minLength: min, maxLength: max });
const bare = fc.oneof(
  { weight: 8, arbitrary: letters(1, 12) },
  { weight: 2, arbitrary: letters(1, 12).map((w) => w[0]!.toUpperCase() + w.slice(1)) },
  { weight: 1, arbitrary: letters(30, 120) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 999_999 }).map(String) },
);
const word: fc.Arbitrary<Word> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(bare, fc.constantFrom('', '', '', ',', '.', ';', ':', '!', '?')).map(([w, p]) => ({ src: w + p, out: w + p })) },
  { weight: 1, arbitrary: fc.constantFrom({ src: '{aanvragen}', out: '13.670' }, { src: '{beslissingen}', out: '9.300' }) },
);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
const text = (ws: readonly Word[]) => ws.map((w) => w.src).join(' ');

/** A block as YAML data and the words it must show, in reading order. */
interface GenBlock {
  readonly yaml: unknown;
  readonly words: readonly Word[];
}

const table: fc.Arbitrary<GenBlock> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(fc.array(words(1, 2), { minLength: n, maxLength: n }), fc.array(fc.array(words(1, 3), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 })).map(([head, rows]) => ({
    yaml: { table: { columns: head.map((h) => ({ label: text(h) })), rows: rows.map((r) => r.map(text)) } },
    words: [...head.flat(), ...rows.flat(2)],
  })),
);
const block: fc.Arbitrary<GenBlock> = fc.oneof(
  { weight: 5, arbitrary: words(1, 60).map((ws) => ({ yaml: { p: text(ws) }, words: ws })) },
  { weight: 1, arbitrary: words(1, 6).map((ws) => ({ yaml: { heading: text(ws) }, words: ws })) },
  { weight: 1, arbitrary: fc.array(words(1, 12), { minLength: 1, maxLength: 5 }).map((items) => ({ yaml: { list: { items: items.map(text) } }, words: items.flat() })) },
  { weight: 2, arbitrary: table },
);
const tree = fc.array(fc.array(block, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });

const REPORT = {
  title: 'Proefverslag',
  organisation: 'Testdienst',
  author: 'Testdienst',
  subject: 'Eigenschappen',
  keywords: ['test'],
  language: 'nl-NL',
  date: '2021-04-30',
  template: 'rijksoverheid',
  figures: 'figures.yaml',
};
const FIGURES = { figures: { aanvragen: { value: 13670, label: 'Aanvragen' }, beslissingen: { value: 9300, label: 'Beslissingen' } } };

const scratch = mkdtempSync(join(tmpdir(), 'rp-props-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;

/** Writes the tree as a content folder: report.yaml, figures.yaml and one article per section. */
function writeTree(sections: readonly (readonly GenBlock[])[]): string {
  const dir = join(scratch, `r${folders++}`);
  mkdirSync(join(dir, 'sections'), { recursive: true });
  const files = sections.map((_, i) => `sections/${String(i + 1).padStart(2, '0')}-artikel.yaml`);
  writeFileSync(join(dir, 'report.yaml'), stringify({ ...REPORT, sections: files }));
  writeFileSync(join(dir, 'figures.yaml'), stringify(FIGURES));
  sections.forEach((blocks, i) => {
    writeFileSync(join(dir, files[i]!), stringify({ kind: 'article', label: `Deel ${i + 1}`, title: `Artikel ${i + 1}`, blocks: blocks.map((b) => b.yaml) }));
  });
  return dir;
}

/** A word as a pattern over the PDF's lines with spaces removed: a line break (with an added hyphen) may fall anywhere in it. */
function pattern(w: string): RegExp {
  const chars = [...w.replace(/\s/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('(?:-?\\n)?'), 'g');
}

/** The first word of `expected` not found in order in `stream`, or undefined when all are. */
function missingWord(stream: string, expected: readonly string[]): string | undefined {
  let pos = 0;
  for (const w of expected) {
    const re = pattern(w);
    re.lastIndex = pos;
    const m = re.exec(stream);
    if (!m) return `${w} (searched from …${stream.slice(Math.max(0, pos - 40), pos + 40).replace(/\n/g, '⏎')}…)`;
    pos = m.index + m[0].length;
  }
  return undefined;
}

const BODY = templateNumbers().tpl.text.body.size as number;
const ctx = createBuildContext();
let built = 0;
const refused: string[] = [];

describe('random content trees', () => {
  it(`build without crashing, keep every word in order, inside the columns, the same bytes twice (seed ${SEED}, ${RUNS} runs)`, async () => {
    try {
      await fc.assert(
        fc.asyncProperty(tree, async (sections) => {
          const dir = writeTree(sections);
          let first;
          try {
            first = await buildReport({ contentDir: dir }, ctx);
          } catch (e) {
            // only diagnostics: a content error is an answer, anything else is a crash
            if (isReportError(e)) {
              refused.push(e.diagnostics.map((d) => d.code).join(','));
              return;
            }
            throw e;
          }
          built++;
          const lines = await textAreaLines(first.pdf, first.document.pages.map((p) => p.number));
          const stream = lines.map(({ t }) => t.text.replace(/\s/g, '')).join('\n');
          const expected = sections.flat().flatMap((b) => b.words.map((w) => w.out));
          expect(missingWord(stream, expected), 'a word missing or out of order').toBeUndefined();
          expectInsideColumns(lines, BODY);
          const second = await buildReport({ contentDir: dir }, ctx);
          expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf)), 'same bytes twice').toBe(true);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } catch (e) {
      throw new Error(`property failed with seed ${SEED} (fast-check's report follows)\n${(e as Error).message}`);
    }
    // the trees are valid content: a build that refuses them all would test nothing
    expect(built, `refused: ${refused.join('; ')}`).toBe(RUNS);
  }, 240_000);
});
