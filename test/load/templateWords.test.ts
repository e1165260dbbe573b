import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/load/loadTheme.ts';
import { deepMerge } from '../../src/load/templateFiles.ts';
import { isReportError } from '../../src/diag/errors.ts';
import { evalLength, parseLength } from '../../src/spec/pageLength.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');

/** A content folder holding one template folder `t` with the given template.yaml. */
function contentWith(yaml: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rp-words-'));
  mkdirSync(join(dir, 't'));
  writeFileSync(join(dir, 't', 'template.yaml'), yaml);
  for (const [f, text] of Object.entries(extra)) writeFileSync(join(dir, f), text);
  return dir;
}
const codes = async (p: Promise<unknown>) => {
  try {
    await p;
    return [];
  } catch (e) {
    if (!isReportError(e)) throw e;
    return e.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.column}`);
  }
};

describe('template words', () => {
  it('takes the language\'s built-in words, then the template\'s for the language, then the report\'s', async () => {
    const nl = await loadTheme(TEMPLATES, { template: 'rijksoverheid', language: 'nl-NL' });
    expect([nl.words.contents, nl.words.continued, nl.words['chart.bar']]).toEqual(['Inhoud', 'Vervolg {label}', 'Staafdiagram']);
    const en = await loadTheme(TEMPLATES, { template: 'corporate', language: 'en-GB', words: { video: 'See the film' } });
    expect([en.words.contents, en.words.continued, en.words.video, en.words['chart.bar']]).toEqual(['In this report', '{label} continued', 'See the film', 'Bar chart']);
    const de = await loadTheme(TEMPLATES, { template: 'rijksoverheid', language: 'de-AT' });
    expect(de.words.contents).toBe('Inhalt');
    expect(de.text.body!.lang).toBe('de-AT');
  });
  it('an exact tag beats its language: en-US words over en words', async () => {
    const dir = contentWith('name: t\nextends: corporate\nwords: { en: { contents: Overview }, en-US: { contents: Table of Contents } }\n');
    expect((await loadTheme(TEMPLATES, { template: './t', contentDir: dir, language: 'en-US' })).words.contents).toBe('Table of Contents');
    expect((await loadTheme(TEMPLATES, { template: './t', contentDir: dir, language: 'en-GB' })).words.contents).toBe('Overview');
  });
  it('an unknown word is an error at its position, in the template and in report.yaml', async () => {
    const dir = contentWith('name: t\nextends: corporate\nwords:\n  en:\n    contnets: Overview\n');
    expect(await codes(loadTheme(TEMPLATES, { template: './t', contentDir: dir, language: 'en-GB' }))).toEqual(['TPL003 5:5']);
    const span = { file: 'report.yaml', line: 9, column: 3 };
    expect(await codes(loadTheme(TEMPLATES, { template: 'corporate', language: 'en-GB', words: { vidoe: 'x' }, wordSpan: () => span }))).toEqual(['TPL003 9:3']);
  });
});

describe('extends', () => {
  it('deep-merges maps and replaces lists and values', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
  it('refuses a circle of templates and an unknown bundled base, listing the bundled ones', async () => {
    const dir = contentWith('name: t\nextends: ./u\n', {});
    mkdirSync(join(dir, 'u'));
    writeFileSync(join(dir, 'u', 'template.yaml'), 'name: u\nextends: ./t\n');
    expect((await codes(loadTheme(TEMPLATES, { template: './t', contentDir: dir })))[0]).toMatch(/^TPL002/);
    const bad = contentWith('name: t\nextends: corprate\n');
    expect(await codes(loadTheme(TEMPLATES, { template: './t', contentDir: bad }))).toEqual(['TPL001 2:10']);
  });
  it('points at a length that does not parse and at an id no earlier element has', async () => {
    const dir = contentWith('name: t\nextends: corporate\ncover:\n  - { type: rect, x: "50% -", y: 0, width: 1, height: 1, fill: accent }\n  - { type: text, text: "{title}", style: title, x: 0, y: "sub.bottom + 2" }\n');
    expect(await codes(loadTheme(TEMPLATES, { template: './t', contentDir: dir }))).toEqual(['TPL004 4:22', 'TPL005 5:59']);
  });
});

describe('page lengths', () => {
  it('evaluates percentages against the axis, names and ids, with * before + and -', () => {
    const names = { 'text.left': 62, 'title.bottom': 400, grid: 13.2 };
    expect(evalLength(parseLength('50% - 16'), 595.28, names)).toBeCloseTo(281.64);
    expect(evalLength(parseLength('text.left + 48'), 595.28, names)).toBe(110);
    expect(evalLength(parseLength('title.bottom + 2 * grid'), 841.89, names)).toBeCloseTo(426.4);
    expect(evalLength(parseLength('(100% - 64) / 1'.replace(' / 1', '')), 841.89, names)).toBeCloseTo(777.89);
    expect(() => parseLength('text.middle')).toThrow(/unknown name/);
  });
});
