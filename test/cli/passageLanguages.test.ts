/**
 * A passage in a language without hyphenation patterns builds, unhyphenated, with one LANG002 at its first
 * passage (hand-known position in the edited scratch report), however many passages use it; a language with
 * patterns warns nothing.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildReport } from '../../src/index.ts';
import { editFile, scratchReport } from '../helpers/scratchReport.ts';

it('says once, at the first passage, that Swahili has no hyphenation patterns; English passages warn nothing', async () => {
  const dir = scratchReport('rp-passages-');
  const file = join(dir, 'sections', '00-voorwoord.yaml');
  // line 4 of the foreword: "  - p: Geachte lezer," → a Swahili passage; a second one and an English one later
  editFile(file, 'Geachte lezer,', '"Geachte lezer, [karibu sana]{lang=sw},"');
  editFile(file, 'Dit is een korte proef', 'Dit is een [maendeleo ya haraka]{lang=sw} en [a short trial]{lang=en-GB} proef');
  const r = await buildReport({ contentDir: dir });
  const lang = r.diagnostics.items.filter((d) => d.code.startsWith('LANG'));
  expect(lang.map((d) => [d.code, d.severity, d.message, d.span?.line, d.span?.column])).toEqual([
    ['LANG002', 'warning', 'no hyphenation patterns for language "sw": its text is set without hyphenation', 4, 8],
  ]);
  expect(r.pdf.length).toBeGreaterThan(1000);
}, 120_000);
