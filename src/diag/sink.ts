import type { Diagnostic } from './types.ts';

/** Collects warnings (and non-fatal errors) so stages can carry on and the CLI reports them all at once. */
export interface DiagnosticSink {
  push(d: Diagnostic): void;
  readonly items: readonly Diagnostic[];
  hasErrors(): boolean;
}

/** Creates an in-memory sink; duplicates (same code, message and position) are kept once. */
export function createSink(): DiagnosticSink {
  const items: Diagnostic[] = [];
  const seen = new Set<string>();
  return {
    push(d) {
      const key = `${d.code}|${d.message}|${d.span?.file}:${d.span?.line}:${d.span?.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      items.push(d);
    },
    items,
    hasErrors: () => items.some((d) => d.severity === 'error'),
  };
}
