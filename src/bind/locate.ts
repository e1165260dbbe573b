/** Finds where a substring of a YAML string value sits in its file, so errors point inside plain, quoted and block scalars. */
import type { SourceSpan } from '../diag/types.ts';
import type { SourceFile, Text } from '../load/types.ts';

/** Maps (text, needle, nth occurrence) → the span of that occurrence in the source file. */
export type Locator = (text: Text, needle: string, occurrence: number) => SourceSpan;

/** Builds a locator over the files read by load; falls back to the scalar's own span when the needle is folded. */
export function createLocator(files: readonly SourceFile[]): Locator {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const starts = new Map<string, number[]>();
  const lineStarts = (file: string, src: string) => {
    let s = starts.get(file);
    if (!s) {
      s = [0];
      for (let i = 0; i < src.length; i++) if (src[i] === '\n') s.push(i + 1);
      starts.set(file, s);
    }
    return s;
  };
  return (text, needle, occurrence) => {
    const { span } = text;
    const src = texts.get(span.file);
    if (src === undefined || span.offset === undefined || span.endOffset === undefined) return span;
    const raw = src.slice(span.offset, span.endOffset);
    let at = -1;
    for (let k = 0, from = 0; k <= occurrence; k++, from = at + 1) {
      at = raw.indexOf(needle, from);
      if (at < 0) return span;
    }
    const start = span.offset + at;
    const end = start + needle.length;
    const ls = lineStarts(span.file, src);
    const pos = (o: number) => {
      let lo = 0;
      let hi = ls.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ls[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - ls[lo] + 1 };
    };
    const a = pos(start);
    const b = pos(end);
    return { file: span.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end };
  };
}
