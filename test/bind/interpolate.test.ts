import { describe, expect, it } from 'vitest';
import { interpolate, type InterpolateEnv } from '../../src/bind/interpolate.ts';
import type { Diagnostic } from '../../src/diag/types.ts';
import type { FigureTable } from '../../src/bind/parseFigures.ts';

const span = { file: 'a.yaml', line: 1, column: 1 };
function run(value: string): { out: string; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const figures = { figures: new Map(), groups: new Map(), values: new Map() } as unknown as FigureTable;
  const env: InterpolateEnv = { figures, used: new Set(), errors, locale: 'nl-NL', locate: () => span };
  return { out: interpolate({ value, span }, env), errors };
}

describe('interpolating text without figures', () => {
  it('keeps plain text, page references and passage attributes as written', () => {
    expect(run('geen verwijzing').out).toBe('geen verwijzing');
    expect(run('zie {page:intro} en {ref:fig-1}.').out).toBe('zie {page:intro} en {ref:fig-1}.');
    expect(run('het [annual report]{lang=en-GB} van {page:a}').out).toBe('het [annual report]{lang=en-GB} van {page:a}');
  });

  it('turns escaped braces into braces and keeps any other backslash', () => {
    expect(run('a \\{letterlijk\\} b').out).toBe('a {letterlijk} b');
    expect(run('pad C:\\map\\bestand').out).toBe('pad C:\\map\\bestand');
    expect(run('\\\\{page:x}').out).toBe('\\{page:x}');
  });

  it('reports an unclosed or unknown reference and leaves it as written', () => {
    const open = run('begin {omzet.2024 en verder');
    expect(open.out).toBe('begin {omzet.2024 en verder');
    expect(open.errors.map((e) => e.code)).toHaveLength(1);
    const unknown = run('x {omzet.2024} y {page:z}');
    expect(unknown.out).toBe('x {omzet.2024} y {page:z}');
    expect(unknown.errors).toHaveLength(1);
  });
});
