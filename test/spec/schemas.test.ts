import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isRealDate, ReportFileSchema } from '../../src/spec/report.ts';
import { BLOCK_SCHEMAS, BLOCK_TYPES, SectionFileSchema } from '../../src/spec/section.ts';
import { FiguresFileSchema } from '../../src/spec/figures.ts';
import { TemplateFileSchema } from '../../src/spec/template.ts';

describe('spec schemas', () => {
  it('accept the bundled template and report', () => {
    const root = join(import.meta.dirname, '../..');
    expect(TemplateFileSchema.safeParse(parse(readFileSync(join(root, 'templates/rijksoverheid/template.yaml'), 'utf8'))).success).toBe(true);
    const report = ReportFileSchema.parse(parse(readFileSync(join(root, 'content/jaarverslag-2020/report.yaml'), 'utf8')));
    expect(report.figures).toBe('figures.yaml');
    expect(FiguresFileSchema.safeParse(parse(readFileSync(join(root, 'content/jaarverslag-2020/figures.yaml'), 'utf8'))).success).toBe(true);
  });
  it('have a schema for every block type, with defaults', () => {
    expect(Object.keys(BLOCK_SCHEMAS).sort()).toEqual([...BLOCK_TYPES].sort());
    expect(BLOCK_SCHEMAS.chart.parse({ spec: 'charts/a.vl.yaml' }).size).toBe('column');
    expect(BLOCK_SCHEMAS.list.parse({ items: ['a'] })).toEqual({ ordered: false, items: ['a'] });
    expect(BLOCK_SCHEMAS.video.safeParse({ title: 't', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(SectionFileSchema.parse({ kind: 'colophon', title: 'x' })).toMatchObject({ blocks: [], footnotes: {} });
  });
  it('reject strings that are not real dates', () => {
    expect(isRealDate('2021-04-30')).toBe(true);
    expect(isRealDate('2021-02-29')).toBe(false);
    expect(isRealDate('30-04-2021')).toBe(false);
  });
});
