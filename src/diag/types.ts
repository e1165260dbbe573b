/** A position in a source file; lines and columns are 1-based, offsets 0-based (for slicing the source). */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly offset?: number;
  readonly endOffset?: number;
}

/** One problem found in the input or during the build, always printable without a stack trace. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly span?: SourceSpan;
  readonly hints: readonly string[];
}
