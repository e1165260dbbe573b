import { describe, expect, it } from 'vitest';
import { codeFrame, formatDiagnostic, printDiagnostics } from '../../src/diag/codeFrame.ts';
import * as messages from '../../src/diag/messages.ts';
import { BLOCK_TYPES } from '../../src/spec/section.ts';

const FILE = 'content/jaarverslag-2020/sections/01-asiel.yaml';
const SOURCE = Array.from({ length: 40 }, (_, i) => `# line ${i + 1}`).join('\n') + '\n  - factbox:\n      title: x\n';

describe('formatDiagnostic', () => {
  it('prints rustc/typst style with a caret under the span and the hint', () => {
    const d = messages.unknownBlockType('factbox', BLOCK_TYPES, { file: FILE, line: 41, column: 5, endLine: 41, endColumn: 12 });
    expect(formatDiagnostic(d, new Map([[FILE, SOURCE]]))).toBe(
      [
        'error[SPEC002]: unknown block type "factbox" (expected one of: p, paragraph, heading, quote, facts, key-figure, list, video, image, chart, table, signature)',
        `  --> ${FILE}:41:5`,
        '41 |   - factbox:',
        '   |     ^^^^^^^',
        '   = hint: did you mean "facts"?',
      ].join('\n'),
    );
  });
  it('prints only the location when the source is unknown, and nothing when there is no span', () => {
    const d = messages.unusedFigure('a.b', { file: 'f.yaml', line: 3, column: 2 });
    expect(formatDiagnostic(d)).toBe('warning[FIG001]: figure "a.b" is never used\n --> f.yaml:3:2');
    expect(formatDiagnostic(messages.chartWithoutData('x'))).toBe(
      'error[CHART002]: chart "x" names no dataset\n  = hint: add data: { name: <dataset from figures.yaml> }',
    );
  });
  it('underlines one character for spans running over several lines, keeping tabs', () => {
    expect(codeFrame('a\n\tb: {x\n', { file: 'f', line: 2, column: 5, endLine: 3, endColumn: 1 })).toEqual(['2 | \tb: {x', '  | \t   ^']);
  });
  it('prints errors before warnings with a count', () => {
    const out = printDiagnostics([messages.unusedFigure('a'), messages.missingKey('title')]);
    expect(out.indexOf('error[SPEC003]')).toBeLessThan(out.indexOf('warning[FIG001]'));
    expect(out.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning');
  });
});

describe('messages', () => {
  it('are lowercase, quote the value and carry at most one hint', () => {
    const all = [
      messages.unknownFigure('asiel.eerst', undefined, ['asiel.eerste', 'asiel.volgend']),
      messages.unknownKey('titel', ['title', 'kind']),
      messages.unquotedReference('asiel.eerste'),
      messages.checkFailed('a <= b', 3, '<=', 2, undefined, 'a mag niet groter zijn dan b'),
      messages.pathEscapes('../x.png'),
    ];
    for (const d of all) {
      expect(d.message[0]).toBe(d.message[0].toLowerCase());
      expect(d.message).toMatch(/"|\{/);
      expect(d.message.endsWith('.')).toBe(false);
      expect(d.hints.length).toBeLessThanOrEqual(1);
    }
    expect(all[0].hints).toEqual(['did you mean "asiel.eerste"?']);
    expect(messages.unknownFigure('asiel.xyz', undefined, ['asiel.eerste', 'nareis.x']).hints).toEqual(['figures.yaml defines "asiel.eerste"']);
  });
});
