/**
 * `reportpress preview [CONTENT_DIR] [-o FILE] [--port N] [--host H]`: the watch loop plus a local web page that
 * shows the pages, reloads only those that changed, and shows errors and warnings with their positions.
 * Bound to 127.0.0.1 unless --host says otherwise; prints the address; runs until interrupted.
 */
import { basename, resolve } from 'node:path';
import { UsageError } from '../diag/errors.ts';
import { cacheDirFor } from './commands.ts';
import { displayPath, rebuildLine } from './watch.ts';

/** The command. */
export async function runPreview(dir: string, o: { output?: string; port?: string; host?: string; cacheDir?: string; cache?: boolean }): Promise<void> {
  const contentDir = resolve(dir);
  const output = resolve(o.output ?? `out/${basename(contentDir)}.pdf`);
  const port = o.port === undefined ? 0 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${o.port}"`);
  const { startPreviewServer } = await import('../preview/server.ts');
  const { startWatch } = await import('../watch/watchLoop.ts');
  const server = await startPreviewServer(contentDir, port, o.host ?? '127.0.0.1');
  process.stdout.write(`preview: ${server.url}  (watching ${displayPath(contentDir)}; Ctrl-C to stop)\n`);
  const watch = await startWatch({
    contentDir,
    output,
    cacheDir: cacheDirFor(o, output),
    onRebuild: (r) => {
      server.update(r);
      process.stdout.write(`${rebuildLine(r, displayPath(output))}\n`);
    },
  });
  await new Promise<void>((res) => {
    process.once('SIGINT', () => res());
    process.once('SIGTERM', () => res());
  });
  await watch.close();
  await server.close();
}
