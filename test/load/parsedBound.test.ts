/**
 * The session's parsed files (build context `yaml`) are bounded: a watch session adds one parse per edit, and past
 * MAX_PARSED the oldest go. The oracle: the keys in order, and a dropped file parsed again gives the same tree.
 */
import { describe, expect, it } from 'vitest';
import { createSink } from '../../src/diag/sink.ts';
import { MAX_PARSED, parseSource, type LoadContext, type ParsedFile } from '../../src/load/loadContext.ts';
import { DEFAULT_LIMITS } from '../../src/spec/limitDefaults.ts';

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
