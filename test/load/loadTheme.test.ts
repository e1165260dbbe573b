import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    await expect(loadTheme(TEMPLATES, '../templates/rijksoverheid')).rejects.toSatisfy((e) => isReportError(e) && e.diagnostics[0].code === 'LOAD006');
    await expect(loadTheme(TEMPLATES, 'bestaat-niet')).rejects.toSatisfy((e) => isReportError(e) && e.diagnostics[0].code === 'LOAD001');
  });
});
