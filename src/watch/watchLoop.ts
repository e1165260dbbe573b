/**
 * The watch loop shared by `watch` and `preview`: builds once, then rebuilds in the same process whenever a file
 * of the content folder, the templates or the fonts changes. Bursts of events (an editor's save-by-rename is
 * unlink + add, "save all" is many files) are merged by a short debounce, builds never overlap (a change during a
 * build queues exactly one more), and a failed build keeps the last good PDF on disk untouched. The PDF is written
 * atomically and only when its bytes changed. One build context lives as long as the loop, so its caches (parsed
 * YAML per file, word shapes, broken paragraphs, chart renders, page content streams; all keyed by content) make
 * rebuilds cheap; the output is the same bytes as a one-shot `build`.
 */
import { watch as chokidarWatch } from 'chokidar';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { basename, relative, resolve, sep } from 'node:path';
import { isReportError } from '../diag/errors.ts';
import type { Diagnostic } from '../diag/types.ts';
import { buildReport, type BuildResult } from '../cli/build.ts';
import { FONTS_DIR, TEMPLATES_DIR } from '../paths.ts';
import { createBuildContext, memo } from '../util/buildContext.ts';
import { endKeptWorker } from '../charts/renderInWorker.ts';
import { createItemJson } from '../pdf/itemJson.ts';
import { createPartKeys, type PartKeyMemo } from '../pdf/partKeys.ts';
import { writeAtomic } from '../util/writeAtomic.ts';
import { changedPages, pageHashes } from './pageHashes.ts';

/** A finished rebuild: the new PDF was written (if its bytes changed). */
export interface RebuildOk {
  readonly ok: true;
  /** From the rebuild's start to the PDF on disk (or to knowing its bytes are unchanged). */
  readonly ms: number;
  readonly pdf: Uint8Array;
  readonly build: BuildResult;
  /** Per page hash (pageHashes) and the 1-based pages that differ from the previous good build. */
  readonly hashes: readonly string[];
  readonly changed: readonly number[];
  readonly warnings: readonly Diagnostic[];
  /** Files that triggered it, relative to the content folder (empty for the first build). */
  readonly trigger: readonly string[];
}

/** A rebuild that failed on the input: the last good PDF stays. */
export interface RebuildFailed {
  readonly ok: false;
  readonly ms: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly trigger: readonly string[];
}

/** What each rebuild reports. */
export type Rebuild = RebuildOk | RebuildFailed;

/** Options of the loop; paths absolute. */
export interface WatchOptions {
  readonly contentDir: string;
  readonly output: string;
  readonly cacheDir?: string;
  readonly onRebuild: (r: Rebuild) => void;
  /** Quiet time after the last file event before rebuilding (at least MIN_DEBOUNCE_MS). */
  readonly debounceMs?: number;
}

/** A running loop. */
export interface WatchHandle {
  /** Resolves when no build is running or queued (tests wait on it after an edit). */
  idle(): Promise<void>;
  /** The latest good build, if any. */
  readonly last: () => RebuildOk | undefined;
  close(): Promise<void>;
}

/** Default debounce: long enough to merge one editor save (rename + write), short next to a build. */
const DEBOUNCE_MS = 80;
/**
 * chokidar drops (does not delay) a second change event of one file within 50 ms of the first. A build started
 * sooner than that after the first event could read the file before the dropped save and never see it; waiting
 * longer than the throttle means any dropped save was written before the build reads the folder.
 */
const MIN_DEBOUNCE_MS = 60;
/** Files editors write beside the real one while saving (vim's 4913 and swap files, emacs lock files, backups). */
const EDITOR_TEMP = /(^|[\\/])(4913|\.#.*|.*\.sw[px]|.*~|.*\.tmp)$/;

/** Starts watching and runs the first build; resolves once the first build has finished. */
export async function startWatch(o: WatchOptions): Promise<WatchHandle> {
  const output = resolve(o.output);
  const ignoredDirs = [o.cacheDir, resolve(output, '..', '.cache')].filter((d): d is string => !!d);
  const ignored = (p: string) =>
    EDITOR_TEMP.test(p) || p === output || p.startsWith(`${output}.`) || ignoredDirs.some((d) => p === d || p.startsWith(d + sep));
  const session = createBuildContext();
  let last: RebuildOk | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let queued = false;
  let pending = new Set<string>();
  let idleWaiters: (() => void)[] = [];
  const collectYoung = youngCollector();

  const runOnce = async (): Promise<void> => {
    const trigger = [...pending].sort();
    pending = new Set();
    const t0 = performance.now();
    let r: Rebuild;
    try {
      const build = await buildReport({ contentDir: o.contentDir, cacheDir: o.cacheDir }, session);
      // views, not copies: Buffer.from(a Uint8Array) copies it (2 × 1.6 MB, ≈ 0.5 ms a rebuild)
      const view = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      const same = last && Buffer.compare(view(last.pdf), view(build.pdf)) === 0;
      if (!same) await writeAtomic(output, build.pdf);
      // the rebuild's time: its start to the PDF on disk; the page hashes for the report line come after
      const ms = performance.now() - t0;
      // the part keys the PDF stage just made (the session's memo): unchanged parts are looked up, not hashed again
      const chartSvg = (id: string) => build.charts.get(id)?.svg;
      const itemJson = createItemJson(memo(session.cache<WeakMap<object, string>>('itemJson'), 'items', () => new WeakMap()));
      const hashes = pageHashes(build.document, chartSvg, createPartKeys({ memo: memo(session.cache<PartKeyMemo>('partKeys'), 'parts', () => new WeakMap()), itemJson, chartSvg }));
      r = { ok: true, ms, pdf: build.pdf, build, hashes, changed: changedPages(last?.hashes, hashes), warnings: build.diagnostics.items, trigger };
      last = r;
    } catch (e) {
      if (!isReportError(e)) throw e;
      r = { ok: false, ms: performance.now() - t0, diagnostics: e.diagnostics, trigger };
    }
    o.onRebuild(r);
    // after the caller has seen the result: the loop now waits for a save (youngCollector)
    if (collectYoung) setImmediate(collectYoung);
  };

  const kick = (): void => {
    if (running) {
      queued = true;
      return;
    }
    running = (async () => {
      do {
        queued = false;
        await runOnce();
      } while (queued);
    })().finally(() => {
      running = undefined;
      if (!timer) for (const w of idleWaiters.splice(0)) w();
    });
  };

  const watcher = chokidarWatch([o.contentDir, TEMPLATES_DIR, FONTS_DIR], { ignoreInitial: true, ignored, atomic: true });
  watcher.on('all', (_event, path) => {
    pending.add(relative(o.contentDir, path) || basename(path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      kick();
    }, Math.max(o.debounceMs ?? DEBOUNCE_MS, MIN_DEBOUNCE_MS));
  });
  await new Promise<void>((res) => watcher.once('ready', () => res()));
  kick();
  await running;
  return {
    idle: () => (running || timer ? new Promise((res) => idleWaiters.push(res)) : Promise.resolve()),
    last: () => last,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      await running;
      await endKeptWorker(session); // the session's chart worker (charts/renderInWorker.ts), if it started one
    },
  };
}

type Gc = (o: { type: 'minor' | 'major' }) => void;

/**
 * A young-generation collection, run between rebuilds. A one-paragraph rebuild allocates ≈ 9 MB; with the young
 * generation partly full from the rebuild before, V8 scavenged once or twice inside almost every rebuild (≈ 4–6 ms
 * of a 36 ms rebuild, copying the rebuild's live objects). Emptied while the loop waits for the next save, the
 * young generation holds a whole rebuild and the collection's cost moves out of the edit → PDF time; output does
 * not depend on it. V8's collector is exposed for this process by `--expose-gc` set at run time, which makes `gc`
 * a global of contexts created after it (a new vm context) without changing how the process was started;
 * undefined if that is refused.
 */
export function youngCollector(): (() => void) | undefined {
  let gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc | undefined;
    } catch {
      return undefined;
    }
  }
  return gc && (() => gc({ type: 'minor' }));
}
