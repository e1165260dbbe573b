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

it('a session rebuild finds a passage added to one block, and forgets it when removed, as a fresh build does', async () => {
  const { createBuildContext } = await import('../../src/util/buildContext.ts');
  const dir = scratchReport('rp-passages-');
  const file = join(dir, 'sections', '00-voorwoord.yaml');
  const session = createBuildContext();
  const langOf = (r: Awaited<ReturnType<typeof buildReport>>) => r.diagnostics.items.filter((d) => d.code.startsWith('LANG')).map((d) => [d.code, d.span?.line, d.span?.column]);
  expect(langOf(await buildReport({ contentDir: dir }, session))).toEqual([]);
  editFile(file, 'Dit is een korte proef', 'Dit is een [maendeleo ya haraka]{lang=sw} proef');
  const added = langOf(await buildReport({ contentDir: dir }, session));
  expect(added).toEqual(langOf(await buildReport({ contentDir: dir })));
  expect(added).toHaveLength(1);
  editFile(file, 'Dit is een [maendeleo ya haraka]{lang=sw} proef', 'Dit is een korte proef');
  expect(langOf(await buildReport({ contentDir: dir }, session))).toEqual([]);
}, 120_000);
