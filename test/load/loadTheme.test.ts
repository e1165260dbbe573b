import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionTheme } from '../../src/spec/theme.ts';
import { loadTheme } from '../../src/load/loadTheme.ts';
import { isReportError } from '../../src/diag/errors.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');

describe('loadTheme', () => {
  it('resolves colour names to hex and fills style defaults', async () => {
    const t = await loadTheme(TEMPLATES, 'rijksoverheid');
    expect(t.page.columns).toBe(2);
    expect(t.text.heading.color).toBe('#154273');
    expect(t.text.body).toMatchObject({ features: ['kern', 'liga', 'pnum'], tracking: 0, uppercase: false, spaceBefore: 0, spaceAfter: 0 });
    expect(t.text.boxValue.features).toEqual(['kern', 'liga', 'tnum']);
    expect(t.text.kicker).toMatchObject({ tracking: 0.8, uppercase: true });
    expect(t.boxes.facts).toMatchObject({ fill: '#f1f5f9', barColor: '#154273', spaceAfter: 13.2 });
    expect(t.boxes.video.stroke).toBe('#9fb3c8');
    expect(t.table.headerFill).toBe('#dce6f0');
    expect(t.chart.palette[0]).toBe('#154273');
  });
  it('rejects names that are not a plain folder and missing templates', async () => {
    // a path is read inside the content folder only, never above it
    await expect(loadTheme(TEMPLATES, { template: '../templates/rijksoverheid', contentDir: TEMPLATES })).rejects.toSatisfy((e) => isReportError(e) && e.diagnostics[0].code === 'LOAD003');
    // an unknown bundled name lists the bundled ones
    await expect(loadTheme(TEMPLATES, 'rijksoverhied')).rejects.toSatisfy((e) => isReportError(e) && e.diagnostics[0].code === 'TPL001' && e.diagnostics[0].hints[0]!.includes('"rijksoverheid"'));
  });

  it('lets a section kind change named styles; others keep the shared ones', async () => {
    const t = await loadTheme(TEMPLATES, 'rijksoverheid');
    const fw = sectionTheme(t, 'foreword');
    expect(fw.text.body).toEqual({ ...t.text.body, size: 10.5, leading: 14.8 });
    expect(fw.text.heading).toBe(t.text.heading);
    expect(sectionTheme(t, 'article')).toBe(t);
  });
  it('points at a sectionText entry that changes an unknown style, with the closest name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-tpl-'));
    cpSync(TEMPLATES, dir, { recursive: true });
    const file = join(dir, 'rijksoverheid', 'template.yaml');
    const yaml = readFileSync(file, 'utf8').replace('    body: { size: 10.5, leading: 14.8 }', '    bdy: { size: 10.5, leading: 14.8 }');
    writeFileSync(file, yaml);
    const line = yaml.split('\n').findIndex((l) => l.includes('bdy:')) + 1;
    const err = await loadTheme(dir, 'rijksoverheid').catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => [d.code, d.span?.line, d.span?.column, d.hints.join()])).toEqual([
      ['SPEC016', line, 5, 'did you mean "body"?'],
    ]);
  });

  it('reads the print CMYK table by colour name and by hex; the bundled template has a value for every colour it uses', async () => {
    const t = await loadTheme(TEMPLATES, 'rijksoverheid');
    expect(t.cmyk?.get('#154273')).toEqual([100, 70, 0, 40]);
    expect(t.cmyk?.get('#3b4650')).toEqual([30, 15, 5, 75]);
    expect(t.cmykProblems).toEqual([]);
    // Every colour the resolved theme uses anywhere is in the table (an oracle independent of loadTheme's own bookkeeping).
    const used = JSON.stringify({ ...t, cmyk: undefined }).match(/#[0-9a-f]{6}/g) ?? [];
    expect([...new Set(used)].filter((hex) => !t.cmyk?.has(hex))).toEqual([]);
  });

  it('a colour without CMYK is PRINT001 at the colour\'s position (name or chart hex); an unknown cmyk key is PRINT002', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-tpl-'));
    cpSync(TEMPLATES, dir, { recursive: true });
    const file = join(dir, 'rijksoverheid', 'template.yaml');
    const yaml = readFileSync(file, 'utf8')
      .replace('  muted: [25, 10, 0, 65]\n', '')
      .replace('  "#e17000": [0, 65, 100, 5]       # oranje\n', '');
    writeFileSync(file, yaml);
    const lines = yaml.split('\n');
    const mutedLine = lines.findIndex((l) => l.startsWith('  muted: "#')) + 1;
    const paletteLine = lines.findIndex((l) => l.includes('palette: [')) + 1;
    const t = await loadTheme(dir, 'rijksoverheid');
    expect(t.cmykProblems?.map((d) => [d.code, d.span?.line, d.message])).toEqual([
      ['PRINT001', mutedLine, 'colour "muted" (#5b6770) has no CMYK value for print'],
      ['PRINT001', paletteLine, 'colour #e17000 has no CMYK value for print'],
    ]);
    writeFileSync(file, yaml.replace('  white: [0, 0, 0, 0]', '  wit: [0, 0, 0, 0]'));
    const err = await loadTheme(dir, 'rijksoverheid').catch((e: unknown) => e);
    expect(isReportError(err) && err.diagnostics.map((d) => [d.code, d.hints.join()])).toEqual([['PRINT002', 'did you mean "white"?']]);
  });
});
