import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diag/types.ts';
import { formatDiagnostic } from '../diag/codeFrame.ts';
import { annotation, inGitHubActions } from './annotations.ts';

/** Prints diagnostics rustc-style to stderr, errors and warnings with the source line quoted. */
export function printDiagnostics(list: readonly Diagnostic[]): void {
  const cache = new Map<string, string | undefined>();
  const source = (file: string): string | undefined => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(file, 'utf8'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
  for (const d of list) process.stderr.write(`${formatDiagnostic(d, source)}\n\n`);
  if (inGitHubActions()) for (const d of list) process.stdout.write(`${annotation(d)}\n`);
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length) process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
}
