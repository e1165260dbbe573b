import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diag/types.ts';
import { formatDiagnostic } from '../diag/codeFrame.ts';
import { annotation, inGitHubActions } from './annotations.ts';

/**
 * Prints diagnostics rustc-style to stderr, errors and warnings with the source line quoted. Paths are as
 * the spans hold them (relative to the current directory) unless that climbs out of it: then they are
 * relative to the content folder, not a chain of "../".
 */
export function printDiagnostics(list: readonly Diagnostic[], contentDir?: string): void {
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
  const display = (file: string) => (contentDir && file.startsWith(`..${sep}`) ? relative(contentDir, resolve(file)) : file);
  for (const d of list) process.stderr.write(`${formatDiagnostic(d, source, display)}\n\n`);
  if (inGitHubActions()) for (const d of list) process.stdout.write(`${annotation(d)}\n`);
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length) process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
}
