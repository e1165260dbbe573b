/** Prints diagnostics rustc/typst style: header, `--> file:line:col`, the source line and a caret underline. */
import type { Diagnostic, SourceSpan } from './types.ts';

/** Source texts by the path printed in spans: a Map, SourceFile-like records, or a function (e.g. reading the file). */
export type SourceLookup =
  | ReadonlyMap<string, string>
  | readonly { readonly path: string; readonly text: string }[]
  | ((file: string) => string | undefined);

function lookup(sources: SourceLookup | undefined, file: string): string | undefined {
  if (!sources) return undefined;
  if (typeof sources === 'function') return sources(file);
  if (sources instanceof Map) return sources.get(file);
  return (sources as readonly { path: string; text: string }[]).find((s) => s.path === file)?.text;
}

/** The quoted line plus underline for one span, gutter-aligned; empty when the line is not available. */
export function codeFrame(text: string, span: SourceSpan): string[] {
  const lines = text.split(/\r?\n/);
  const src = lines[span.line - 1];
  if (src === undefined) return [];
  const num = String(span.line);
  const pad = ' '.repeat(num.length);
  const start = Math.max(1, span.column);
  const sameLine = span.endLine === undefined || span.endLine === span.line;
  const end = sameLine && span.endColumn !== undefined && span.endColumn > start ? span.endColumn : start + 1;
  const width = Math.max(1, Math.min(end, src.length + 1) - start) || 1;
  const lead = src.slice(0, start - 1).replace(/[^\t]/g, ' ');
  return [`${num} | ${src}`, `${pad} | ${lead}${'^'.repeat(width)}`];
}

/** One diagnostic as printable text (no trailing newline). */
export function formatDiagnostic(d: Diagnostic, sources?: SourceLookup, displayPath: (file: string) => string = (f) => f): string {
  const out = [`${d.severity}[${d.code}]: ${d.message}`];
  let pad = '';
  if (d.span) {
    const frame = (() => {
      const text = lookup(sources, d.span.file);
      return text === undefined ? [] : codeFrame(text, d.span);
    })();
    pad = ' '.repeat(frame.length ? String(d.span.line).length : 1);
    out.push(`${pad}--> ${displayPath(d.span.file)}:${d.span.line}:${d.span.column}`);
    out.push(...frame);
  }
  for (const h of d.hints) out.push(`${pad || ' '} = hint: ${h}`);
  return out.join('\n');
}

/** All diagnostics, errors first then warnings, each followed by a blank line, and a closing count line. */
export function printDiagnostics(diags: readonly Diagnostic[], sources?: SourceLookup): string {
  const sorted = [...diags].sort((a, b) => rank(a) - rank(b));
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const body = sorted.map((d) => formatDiagnostic(d, sources) + '\n').join('\n');
  const summary = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return summary ? `${body}\n${summary}\n` : '';
}

function rank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}
