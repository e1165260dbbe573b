// npm run bench's floor row: a fresh process that does nothing but render a first build's charts. It hands the
// request a build gave its chart worker (saved by REPORTPRESS_BENCH_CHARTS) to the same worker code
// (dist/chartWorkerMain.mjs, vega from dist/vega.cjs with its code cache) and exits with the answer. No first build
// of that report can end before this does: every PDF needs its charts, and this process has nothing else to do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';

const request = deserialize(readFileSync(process.argv[2]));
const worker = new Worker(join(import.meta.dirname, '..', 'dist', 'chartWorkerMain.mjs'), { workerData: request });
worker.once('message', (m) => {
  if ('error' in m) {
    process.stderr.write(`chart-floor: ${m.error}\n`);
    process.exitCode = 1;
  } else {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    const charts = m.results.filter((r) => r.rendered).length;
    process.stdout.write(JSON.stringify({ charts, cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssBytes: maxRSS * 1024 }));
  }
  void worker.terminate();
});
worker.once('error', (e) => {
  process.stderr.write(`chart-floor: ${e.message}\n`);
  process.exitCode = 1;
});
