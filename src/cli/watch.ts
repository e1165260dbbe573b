/**
 * `reportpress watch [CONTENT_DIR] [-o FILE]`: rebuilds on every change and prints one line per rebuild (time,
 * duration, pages changed, warnings). A broken edit prints its diagnostics with file:line:column and keeps the
 * last good PDF. Runs until interrupted (Ctrl-C).
 */
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { printDiagnostics } from './printDiagnostics.ts';
import { cacheDirFor } from './commands.ts';
import type { Rebuild } from '../watch/watchLoop.ts';

/** "3 pages changed (4, 5, 9)", "no page changed". */
export function describeChanged(changed: readonly number[]): string {
  if (!changed.length) return 'no page changed';
  const list = changed.length > 8 ? `${changed.slice(0, 8).join(', ')}, …` : changed.join(', ');
  return `${changed.length} page${changed.length === 1 ? '' : 's'} changed (${list})`;
}

/** The line printed for one rebuild. */
export function rebuildLine(r: Rebuild, output: string, now = new Date()): string {
  const time = now.toTimeString().slice(0, 8);
  const ms = `${Math.round(r.ms)} ms`;
  if (!r.ok) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    return `${time} failed in ${ms}: ${errors} error(s); kept the last good PDF ${output}`;
  }
  const warnings = r.warnings.length ? `${r.warnings.length} warning(s)` : 'no warnings';
  const changed = r.trigger.length ? describeChanged(r.changed) : 'first build';
  return `${time} built in ${ms}: ${r.build.document.pages.length} pages, ${changed}, ${warnings} → ${output}`;
}

/** A path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

/** The command. */
export async function runWatch(dir: string, o: { output?: string; cacheDir?: string; cache?: boolean }): Promise<void> {
  const contentDir = resolve(dir);
  const output = resolve(o.output ?? `out/${basename(contentDir)}.pdf`);
  const shown = displayPath(output);
  const { startWatch } = await import('../watch/watchLoop.ts');
  const handle = await startWatch({
    contentDir,
    output,
    cacheDir: cacheDirFor(o, output),
    onRebuild: (r) => {
      if (!r.ok) printDiagnostics(r.diagnostics);
      else if (r.warnings.length) printDiagnostics(r.warnings);
      process.stdout.write(`${rebuildLine(r, shown)}\n`);
    },
  });
  process.stdout.write(`watching ${displayPath(contentDir)} (and the templates and fonts); Ctrl-C to stop\n`);
  await new Promise<void>((res) => {
    const stop = () => res();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
}
