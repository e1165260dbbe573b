/**
 * The build's time limit (report.yaml limits.seconds). A build can hang where no timer of its own would fire (a
 * synchronous loop), so the clock runs in a worker thread: when it expires the worker writes the message straight
 * to stderr and ends the whole process. The PDF is written by rename at the very end, so a stopped build leaves
 * the previous PDF as it was.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from '../spec/limitDefaults.ts';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const start = workerData.start;
let timer;
const arm = (s) => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    writeSync(2, 'error[INPUT014]: the build took longer than ' + s + ' s (limits.seconds) and was stopped\\n' +
      '  = hint: raise it in report.yaml: limits: { seconds: ' + s * 2 + ' }\\n\\n1 error(s), 0 warning(s)\\n');
    process.kill(process.pid, 'SIGKILL');
  }, Math.max(0, s * 1000 - (Date.now() - start)));
};
parentPort.on('message', (m) => (m === 'stop' ? (clearTimeout(timer), parentPort.close()) : arm(m)));
arm(workerData.seconds);
`;

/** A running time limit: `limit` re-arms it from now with the report's own setting, `stop` ends it. */
export interface Watchdog {
  limit(seconds: number): void;
  stop(): void;
}

/** Starts the clock with the default limit (report.yaml is not read yet); a new limit counts from this start. */
export function startWatchdog(seconds = DEFAULT_LIMITS.seconds): Watchdog {
  // Date.now only measures the limit; nothing of it reaches the output
  const worker = new Worker(WORKER, { eval: true, workerData: { seconds, start: Date.now() } });
  worker.unref();
  return {
    limit: (s) => worker.postMessage(s),
    stop: () => worker.postMessage('stop'),
  };
}
