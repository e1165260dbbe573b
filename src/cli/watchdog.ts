/**
 * The build's time limit (report.yaml limits.seconds). A build can hang where no timer of its own would fire (a
 * synchronous loop), so the clock runs in a worker thread: when it expires the worker writes the message straight
 * to stderr and ends the whole process. The PDF is written by rename at the very end, so a stopped build leaves
 * the previous PDF as it was.
 * The main thread tells the worker the limit and the end through shared memory, not messages: a message port's
 * first message cost the main thread ≈ 5 ms (and the worker's stdio is not piped, since it writes to fd 2 itself).
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';

/** How often the worker looks at the shared limit (a lowered limit is kept to this precision). */
const POLL_MS = 100;

const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { start, shared } = workerData;
// [0]: 1 once the command ended, [1]: the limit in seconds
const state = new Int32Array(shared);
const tick = () => {
  if (Atomics.load(state, 0) === 1) return; // ended: no timer is left and the worker exits
  const s = Atomics.load(state, 1);
  const left = s * 1000 - (Date.now() - start);
  if (left > 0) return void setTimeout(tick, Math.min(left, ${POLL_MS}));
  writeSync(2, 'error[INPUT014]: the build took longer than ' + s + ' s (limits.seconds) and was stopped\\n' +
    '  = hint: raise it in report.yaml: limits: { seconds: ' + s * 2 + ' }\\n\\n1 error(s), 0 warning(s)\\n');
  process.kill(process.pid, 'SIGKILL');
};
tick();
`;

/** A running time limit: `limit` re-arms it from now with the report's own setting, `stop` ends it. */
export interface Watchdog {
  limit(seconds: number): void;
  stop(): void;
}

/** Starts the clock with the default limit (report.yaml is not read yet); a new limit counts from this start. */
export function startWatchdog(seconds = DEFAULT_LIMITS.seconds): Watchdog {
  const shared = new SharedArrayBuffer(8);
  const state = new Int32Array(shared);
  Atomics.store(state, 1, seconds);
  // Date.now only measures the limit; nothing of it reaches the output
  const worker = new Worker(WORKER, { eval: true, workerData: { start: Date.now(), shared }, stdout: true, stderr: true });
  worker.unref();
  return {
    limit: (s) => void Atomics.store(state, 1, s),
    stop: () => void Atomics.store(state, 0, 1),
  };
}
