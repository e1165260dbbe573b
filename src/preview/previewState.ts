/**
 * What the preview page shows, as plain JSON: a version that grows with every rebuild, the pages (size and a hash
 * that changes only when the page draws differently, so the browser reloads only those images), and the current
 * diagnostics with file:line:column and an editor link (an error means the pages shown are the last good ones).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { formatDiagnostic } from '../diag/codeFrame.ts';
import type { Diagnostic } from '../diag/types.ts';

/** One diagnostic as the browser shows it. */
export interface ShownDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** "sections/01-asiel.yaml:41:7" relative to the content folder, or empty. */
  readonly at: string;
  /** vscode://file/<absolute path>:line:column, or empty. */
  readonly href: string;
  /** The rustc-style text with the source line (what the CLI prints). */
  readonly text: string;
}

/** The state the page polls after each rebuild event. */
export interface PreviewState {
  readonly version: number;
  readonly pages: readonly { readonly hash: string; readonly widthPt: number; readonly heightPt: number }[];
  readonly errors: readonly ShownDiagnostic[];
  readonly warnings: readonly ShownDiagnostic[];
  /** Milliseconds the last build took. */
  readonly ms: number;
}

/** A `vscode://file/…:line:column` link for a source position (absolute path). */
export function editorHref(file: string, line: number, column: number): string {
  return `vscode://file${encodeURI(resolve(file).replace(/\\/g, '/')).replace(/^([^/])/, '/$1')}:${line}:${column}`;
}

/** Diagnostics in the shape the page shows, positions relative to the content folder. */
export function showDiagnostics(list: readonly Diagnostic[], contentDir: string, source: (file: string) => string | undefined): ShownDiagnostic[] {
  return list.map((d) => {
    const s = d.span;
    const rel = s ? relative(contentDir, resolve(s.file)) : '';
    const file = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : (s?.file ?? '');
    return {
      severity: d.severity,
      code: d.code,
      message: d.message,
      at: s ? `${file}:${s.line}:${s.column}` : '',
      href: s ? editorHref(s.file, s.line, s.column) : '',
      text: formatDiagnostic(d, source),
    };
  });
}
