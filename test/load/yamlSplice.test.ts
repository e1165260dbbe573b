import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { parseYaml, type ParsedYaml } from '../../src/load/parseYaml.ts';
import { spliceParse } from '../../src/load/yamlSplice.ts';
import { DEFAULT_LIMITS } from '../../src/spec/limitDefaults.ts';
import { createSink } from '../../src/diag/sink.ts';
import { MAX_PARSED, parseSource, type LoadContext, type ParsedFile } from '../../src/load/loadContext.ts';

// The oracle is `yaml` itself: a full parse of the edited text. The splice must give the same values, node kinds,
// scalar styles, every node's range and the same line starts, errors and warnings.
const tree = (n: unknown): unknown => {
  if (isPair(n)) return ['pair', tree(n.key), tree(n.value)];
  if (isScalar(n)) return ['scalar', n.type, n.value, n.range];
  if (isMap(n) || isSeq(n)) return [isMap(n) ? 'map' : 'seq', n.flow ?? false, n.range, n.items.map(tree)];
  return n ?? null;
};
const jsOf = (p: ParsedYaml) => {
  try {
    return p.doc.toJS({ mapAsMap: true });
  } catch (e) {
    return String(e); // an alias without its anchor, in an edit both parses must refuse alike
  }
};
const summary = (r: ReturnType<typeof parseYaml>) => ({
  tree: tree(r.parsed.doc.contents),
  js: jsOf(r.parsed),
  range: r.parsed.doc.range,
  lines: r.parsed.lines.lineStarts,
  errors: r.errors.map((d) => [d.code, d.message, d.span]),
  warnings: r.warnings.map((d) => [d.code, d.message, d.span]),
});

const sections = ['content/jaarverslag-2020', 'content/annual-report-2020-en'].flatMap((dir) =>
  readdirSync(join(dir, 'sections')).map((f) => join(dir, 'sections', f)),
);
// small deterministic generator: the same edits on every run
let seed = 7;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const pieces = ['Bewerking ', 'x', '\n', '\n      ', '\n  - ', '\n  - p: nieuw\n', ': ', '"', "'", '{', '}', '[', '#', ' # c', '&a ', '*a', '!!str ', '\t', '\u0007', '-', '  ', '\n\n', '|', '>-'];

function edit(text: string): string {
  const at = rnd(text.length);
  switch (rnd(3)) {
    case 0:
      return text.slice(0, at) + pieces[rnd(pieces.length)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rnd(30));
    default:
      return text.slice(0, at) + pieces[rnd(pieces.length)] + text.slice(at + 1 + rnd(10));
  }
}

describe('spliceParse', () => {
  it('gives what a full parse gives, for random edits of the bundled sections', () => {
    let spliced = 0;
    let total = 0;
    for (const file of sections) {
      const text = readFileSync(file, 'utf8');
      const base = parseYaml(file, text);
      for (let i = 0; i < 40; i++) {
        const edited = edit(text);
        const full = parseYaml(file, edited);
        const fast = parseYaml(file, edited, DEFAULT_LIMITS, base.parsed);
        expect(summary(fast), `${file} edit ${i}`).toEqual(summary(full));
        total++;
        if (spliceParse(text, base.parsed.doc, edited)) spliced++;
      }
    }
    // most edits land inside a paragraph and are spliced; the rest fell back to the full parse and matched too
    expect(spliced).toBeGreaterThan(total / 4);
    expect(spliced).toBeLessThan(total);
  });

  it('stays equal to a full parse along a chain of edits, each spliced into the one before (a watch session)', () => {
    const runs = Number(process.env.SPLICE_RUNS ?? 40);
    for (const file of sections) {
      let text = readFileSync(file, 'utf8');
      let last = parseYaml(file, text);
      for (let i = 0; i < runs; i++) {
        const edited = edit(text);
        const clean = !last.errors.length && !last.warnings.length;
        const fast = parseYaml(file, edited, DEFAULT_LIMITS, clean ? last.parsed : undefined);
        expect(summary(fast), `${file} chain ${i}`).toEqual(summary(parseYaml(file, edited)));
        // an edit that broke the file is usually fixed by the next one: go on from the broken text half the time
        if (!fast.errors.length || rnd(2)) [text, last] = [edited, fast];
      }
    }
  });

  it('keeps the previous tree as it was (a revert to the old text finds it unchanged)', () => {
    const text = 'blocks:\n  - p: >-\n      een\n  - p: twee\n';
    const base = parseYaml('f.yaml', text);
    const before = JSON.stringify(tree(base.parsed.doc.contents));
    const r = spliceParse(text, base.parsed.doc, text.replace('een', 'een en nog wat'));
    expect(r).toBeDefined();
    expect(r!.doc.toJS()).toEqual({ blocks: [{ p: 'een en nog wat' }, { p: 'twee' }] });
    expect(JSON.stringify(tree(base.parsed.doc.contents))).toBe(before);
  });

  it('parses the whole file when the edit could reach outside its item', () => {
    const text = 'blocks:\n  - p: een\n  - p: twee\nnotes: x\n';
    const base = parseYaml('f.yaml', text).parsed.doc;
    expect(spliceParse(text, base, text.replace('p: een', 'p: een\nkey: 1'))).toBeUndefined(); // a line at the outer indent
    expect(spliceParse(text, base, text.replace('p: een', 'p: "een'))).toBeUndefined(); // a quote left open
    expect(spliceParse(text, base, text.replace('p: twee', 'p: twee!'))).toBeUndefined(); // the last item
    expect(spliceParse(text, base, text.replace('p: een', 'p: &x een'))).toBeUndefined(); // an anchor
    // an anchor an alias further on names, removed: the full parse finds the alias unresolved
    const anchored = 'blocks:\n  - p: &x een\n  - p: *x\n  - p: drie\n';
    const withAnchor = parseYaml('f.yaml', anchored);
    expect(withAnchor.errors).toEqual([]);
    expect(spliceParse(anchored, withAnchor.parsed.doc, anchored.replace('&x een', 'een'))).toBeUndefined();
  });
});

// The session's parsed files (build context `yaml`) are bounded: a watch session adds one parse per edit, and past
// MAX_PARSED the oldest go. The oracle: the keys in order, and a dropped file parsed again gives the same tree.
describe('parsed files of a session', () => {
  it('keeps at most MAX_PARSED, dropping the oldest; a dropped one is parsed again alike', () => {
    const yaml = new Map<string, ParsedFile>();
    const ctx = { root: '/', errors: [], files: [], images: new Map(), imageSpans: new Map(), diag: createSink(), limits: DEFAULT_LIMITS, texts: new Map(), yaml, yamlLatest: new Map() } as LoadContext;
    const read = (i: number) => ({ path: 'a.yaml', file: 'a.yaml', text: `n: ${i}\n`, hash: `h${i}` });
    const first = parseSource(ctx, read(0))!;
    for (let i = 1; i <= MAX_PARSED + 4; i++) parseSource(ctx, read(i));
    expect(yaml.size).toBe(MAX_PARSED);
    const hashes = [...yaml.keys()].map((k) => k.split('\u0000')[1]);
    expect(hashes[0]).toBe('h5');
    expect(hashes[hashes.length - 1]).toBe(`h${MAX_PARSED + 4}`);
    const again = parseSource(ctx, read(0))!;
    expect(again).not.toBe(first);
    expect(again.doc.toJS()).toEqual(first.doc.toJS());
  });
});
