/**
 * Progress of a build for people and for CI. On a terminal: one live line (load, charts n/N, typesetting, pages n/N,
 * write) redrawn in place on stderr and erased when the build ends, leaving only the summary line. Without a
 * terminal, or with CI=true: one plain line per finished step, on stdout (stderr stays the diagnostics alone, the
 * same as `check` prints). With --json: nothing (stdout carries the JSON).
 */
import type { BuildProgress } from './validate.ts';

/** The steps a reader sees, and the pipeline stages each one covers. */
const STEPS: readonly (readonly [string, readonly string[]])[] = [
  ['load', ['load', 'theme', 'bind', 'fonts', 'tables', 'chart plan', 'images']],
  ['charts', ['charts']],
  ['typesetting', ['style', 'hyphenation', 'layout', 'relayout']],
  ['pages', ['pdf']],
  ['write', ['write']],
];
const stepOf = (stage: string) => STEPS.find(([, stages]) => stages.includes(stage))?.[0];

/** How progress is shown. */
export type ProgressMode = 'live' | 'plain' | 'off';

/** live on a TTY outside CI, plain otherwise, off for --json. */
export function progressMode(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, json: boolean): ProgressMode {
  if (json) return 'off';
  return stream.isTTY && env.CI !== 'true' && env.CI !== '1' ? 'live' : 'plain';
}

/** A progress listener for buildReport plus the CLI's own write step; `end()` erases the live line. */
export interface ProgressDisplay extends BuildProgress {
  /** The build is over; `failed`: the step running now did not finish (no "done" line for it). */
  end(failed?: boolean): void;
}

/** Creates the display writing to `out` (stderr for the live line, stdout for plain lines). */
export function createProgressDisplay(out: { write(s: string): unknown }, mode: ProgressMode): ProgressDisplay {
  const done = new Map<string, number>();
  let current: string | undefined;
  /** "n/N" of the steps that count (charts drawn by vega, pages drawn). */
  const counts = new Map<string, string>();
  let shown = false;
  const label = (step: string) => (counts.has(step) ? `${step} ${counts.get(step)}` : step);
  const draw = () => {
    if (mode !== 'live') return;
    const parts = STEPS.map(([name]) => {
      if (done.has(name)) return `${label(name)} ✓`;
      return name === current ? `${label(name)}${counts.has(name) ? '' : ' …'}` : name;
    }).filter((p, i) => STEPS[i]![0] !== 'charts' || done.has('charts') || current === 'charts');
    out.write(`\r\x1b[2K${parts.join('  ')}`);
    shown = true;
  };
  const finishStep = (step: string) => {
    if (mode === 'plain') out.write(`${label(step)} done (${Math.round(done.get(step) ?? 0)} ms)\n`);
  };
  return {
    stage(name, phase, ms) {
      const step = stepOf(name);
      if (!step) return;
      if (phase === 'start') {
        if (current && current !== step) finishStep(current);
        current = step;
      } else done.set(step, (done.get(step) ?? 0) + (ms ?? 0));
      draw();
    },
    page(n, total) {
      counts.set('pages', `${n}/${total}`);
      // Redraw at most every 10th page: each write is a syscall on a 2-core machine.
      if (n === total || n % 10 === 0) draw();
    },
    chart(n, total) {
      counts.set('charts', `${n}/${total}`);
      draw(); // a chart takes tens of milliseconds: every one is worth a redraw
    },
    end(failed) {
      if (current && mode === 'plain' && !failed) finishStep(current);
      current = undefined;
      if (mode === 'live' && shown) out.write('\r\x1b[2K');
    },
  };
}
