import type { SourceSpan } from './types.ts';

/**
 * The span of the first occurrence of `needle` inside `span` of its file's text (exact where the text is written
 * there literally); `span` itself when the file is unknown, the span has no offsets or the needle is not found
 * (an escape, a figure or markup in between).
 */
export function narrowSpan(span: SourceSpan, needle: string, fileText: (file: string) => string | undefined): SourceSpan {
  const src = fileText(span.file);
  const { offset, endOffset } = span;
  if (src === undefined || offset === undefined || needle === '') return span;
  const i = src.slice(offset, endOffset ?? src.length).indexOf(needle);
  if (i < 0) return span;
  const abs = offset + i;
  const before = src.slice(0, abs);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { file: span.file, line, column, offset: abs, endOffset: abs + needle.length };
}
