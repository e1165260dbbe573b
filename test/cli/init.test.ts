/**
 * `reportpress init`: the new folder builds at once in each language with locale data, carries schema lines that
 * resolve, and is never written over. Oracles: hand-written words of each language's starter report and the
 * numbers 1,250 and 1,100 as each language writes them, read back from the PDF.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initLanguage, initReport } from '../../src/cli/init.ts';
import { buildReport } from '../../src/index.ts';
import { openPdf } from '../../src/raster/openPdf.ts';

/**
 * Per language: the tag written, its files, words that must show in the PDF (the contents title is the template's:
 * corporate says "In this report" in English, rijksoverheid the built-in "Inhoud"), and 1250 / 1100 in its notation.
 */
const CASES = [
  { language: 'en', tag: 'en-GB', section: '01-introduction', words: ['In this report', 'A first article', 'Figures at a glance', 'Applications per year', 'These figures come from our own records.'], numbers: ['1,250', '1,100'] },
  { language: 'nl', tag: 'nl-NL', section: '01-inleiding', words: ['Inhoud', 'Een eerste artikel', 'Cijfers in het kort', 'Aanvragen per jaar', 'Bron van deze cijfers is de eigen registratie.'], numbers: ['1.250', '1.100'] },
  { language: 'de', tag: 'de-DE', section: '01-einleitung', words: ['Inhalt', 'Ein erster Beitrag', 'Zahlen auf einen Blick', 'Anträge pro Jahr', 'Diese Zahlen stammen aus unserer eigenen Erfassung.'], numbers: ['1.250', '1.100'] },
  { language: 'fr', tag: 'fr-FR', section: '01-introduction', words: ['Un premier article', 'Les chiffres en bref', 'Demandes par année', 'Ces chiffres proviennent de nos propres registres.'], numbers: ['1\u202F250', '1\u202F100'] }, // Intl's narrow no-break space
] as const;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes);
  const out: string[] = [];
  for (let n = 1; n <= pdf.pageCount; n++) out.push((await pdf.text(n)).map((t) => t.str).join(' '));
  await pdf.close();
  return out.join(' ').replace(/[ \t]+/g, ' ');
}

describe('reportpress init --language', () => {
  for (const c of CASES) {
    it(`writes a ${c.language} starter report that builds without warnings, its words and figures in the PDF`, async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'rp-init-')), 'my-report');
      const files = await initReport(dir, '2025-03-31', c.language);
      for (const f of ['report.yaml', 'figures.yaml', `sections/${c.section}.yaml`, 'schemas/report.schema.json']) expect(existsSync(join(dir, f)), f).toBe(true);
      expect(parse(readFileSync(join(dir, 'report.yaml'), 'utf8')).language).toBe(c.tag);
      // Every YAML file names a schema that exists, relative to itself.
      for (const f of files.filter((x) => x.endsWith('.yaml'))) {
        const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(f, 'utf8'));
        expect(m, f).not.toBeNull();
        expect(existsSync(resolve(dirname(f), m![1]!)), f).toBe(true);
      }
      const r = await buildReport({ contentDir: dir });
      expect(r.diagnostics.items).toEqual([]);
      expect(r.charts.size).toBe(1);
      const text = await pdfText(r.pdf);
      for (const w of c.words) expect(text, w).toContain(w);
      // a no-break space may come back from the PDF as any space
      for (const n of c.numbers) expect(text.replace(/[\s\u202F\u00A0]/g, ' '), n).toContain(n.replace(/[\u202F\u00A0]/g, ' '));
      // the change 1100 → 1250 (+13.6 %) as a whole percent
      expect(text).toMatch(/14\s?%/);
    }, 120_000);
  }

  it('never writes into a folder that is not empty', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rp-init-')), 'r');
    await initReport(dir, '2025-03-31');
    await expect(initReport(dir, '2025-03-31')).rejects.toThrow(/not empty/);
  });

  it('gives a bare language its usual region, keeps a region asked for, and refuses a tag that is not BCP 47', () => {
    expect(['en', 'nl', 'de', 'fr', 'en-US', 'nl-BE', 'sw'].map(initLanguage)).toEqual(['en-GB', 'nl-NL', 'de-DE', 'fr-FR', 'en-US', 'nl-BE', 'sw']);
    expect(() => initLanguage('english')).toThrow(/invalid language/);
  });

  it('takes --language on the command line (compiled CLI); a bad tag is a usage error, exit 2, nothing written', () => {
    const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
    const base = mkdtempSync(join(tmpdir(), 'rp-init-'));
    const ok = spawnSync(process.execPath, [cli, 'init', join(base, 'bericht'), '--language', 'de'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(parse(readFileSync(join(base, 'bericht', 'report.yaml'), 'utf8'))).toMatchObject({ language: 'de-DE', template: 'corporate' });
    const bad = spawnSync(process.execPath, [cli, 'init', join(base, 'x'), '--language', 'english'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('invalid language "english"');
    expect(existsSync(join(base, 'x'))).toBe(false);
  });
});
