/**
 * A template's merged plain data (readTemplate's `raw`) is made without yaml's toJS when the file allows
 * (locatedJson.ts plainValue); the oracle is yaml's own toJS of each file, merged by hand.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readTemplate } from '../../src/load/templateFiles.ts';

const toJS = (text: string) => parseDocument(text).toJS() as Record<string, unknown>;

describe('readTemplate raw', () => {
  for (const name of ['rijksoverheid', 'corporate']) {
    test(`bundled ${name}: yaml's toJS of the file`, async () => {
      const src = await readTemplate(name, { templatesDir: 'templates' });
      const { extends: _base, ...expected } = toJS(readFileSync(join('templates', name, 'template.yaml'), 'utf8'));
      expect(src.raw).toStrictEqual(expected);
    });
  }

  test('a content-folder template with aliases, a merge-like key and odd scalars, over a bundled base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-traw-'));
    mkdirSync(join(dir, 'huisstijl'));
    const own = [
      'extends: rijksoverheid',
      'name: eigen',
      'colors: { accent: &a "#112233", text: *a }',
      'words: { nl: { "<<": x, "__proto__": y, contents: Inhoud } }',
      'page: { width: 1_000, height: 0o14, gutter: .inf }',
      'chart: { palette: [accent, ~, null, true, "12"] }',
      'empty:',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'huisstijl', 'template.yaml'), own);
    const src = await readTemplate('./huisstijl', { templatesDir: 'templates', contentDir: dir });
    const base = toJS(readFileSync(join('templates', 'rijksoverheid', 'template.yaml'), 'utf8'));
    const { extends: _e, ...mine } = toJS(own);
    const merge = (b: Record<string, unknown>, o: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...b };
      for (const [k, v] of Object.entries(o)) {
        const x = out[k];
        const isMap = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null && !Array.isArray(m);
        out[k] = isMap(x) && isMap(v) ? merge(x, v) : v;
      }
      return out;
    };
    const { extends: _b, ...baseRest } = base;
    expect(src.raw).toStrictEqual(merge(baseRest, mine));
  });
});
