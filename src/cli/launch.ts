/**
 * dist/cli.js: starts the command line from dist/cli.cjs, one CommonJS file holding our code and the pure-JS
 * dependencies (scripts/compile.mjs), run through vm.Script with the V8 code cache that the compile step made by
 * running a real build. Node 20 has no compile cache for modules: loading ≈ 60 ES modules and CommonJS files
 * from node_modules compiled each of them on every start (≈ 150 ms of a cold build); the cached bundle skips
 * that compilation and most lazy compilation of the functions a build runs. A missing or rejected cache (another
 * Node/V8 version, other V8 flags) only costs that time: the code and its output are the same.
 * Kept free of imports besides Node's own, so it is compiled once and stays tiny.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('./cli.cjs', import.meta.url));
const CODE_CACHE = `${BUNDLE}.cache`;

// compile.mjs makes the bundle ASCII: read as Latin-1 it is a one-byte string without UTF-8 decoding (≈ 8 ms less)
const bytes = readFileSync(BUNDLE);
const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
// REPORTPRESS_CODE_CACHE=off runs without the cache, =report says on stderr whether V8 took it (tests use both).
const mode = process.env.REPORTPRESS_CODE_CACHE;
// V8 checks a cache against the source's length only: a cache older than the bundle (a compile step stopped
// between writing the two) is never used, since it could hold another bundle's code of the same length.
const cacheTime = statSync(CODE_CACHE, { throwIfNoEntry: false })?.mtimeMs;
const cachedData = mode !== 'off' && cacheTime !== undefined && cacheTime >= statSync(BUNDLE).mtimeMs ? readFileSync(CODE_CACHE) : undefined;
// The bundle's `import.meta.url` (compile.mjs defines it as __rpImportMetaUrl) is this file's: the bundle's
// code finds the package root, dist/vega.cjs and node_modules from dist/ as the unbundled code did.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __rpImportMetaUrl) {${source}\n})`, {
  filename: BUNDLE,
  cachedData,
});
if (mode === 'report') process.stderr.write(`code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
const module = { exports: {} };
// Runs the bundle (its module code and then the command in process.argv).
const run = () => (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), import.meta.url);
if (process.env.REPORTPRESS_WRITE_CLI_CODE_CACHE) {
  // scripts/compile.mjs runs a build with this set. The command runs twice, the second time once the first is
  // done: a first build that fills its cache folder, then a next build that reads it back. Both runs compile into
  // the same script, so the cache written at exit holds every function either path needed.
  process.once('beforeExit', () => process.exitCode === 0 || process.exitCode === undefined ? run() : undefined);
  process.once('exit', () => {
    writeFileSync(`${CODE_CACHE}.tmp`, script.createCachedData());
    renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
  });
}
run();
