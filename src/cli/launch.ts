/**
 * dist/cli.js: starts the command line from dist/cli.cjs, one CommonJS file holding our code and the pure-JS
 * dependencies (scripts/compile.mjs), run through vm.Script with the V8 code cache that the compile step made by
 * running a real build. Node 20 has no compile cache for modules: loading ≈ 60 ES modules and CommonJS files
 * from node_modules compiled each of them on every start (≈ 150 ms of a cold build); the cached bundle skips
 * that compilation and most lazy compilation of the functions a build runs. A missing or rejected cache (another
 * Node/V8 version, other V8 flags) only costs that time: the code and its output are the same.
 * Dependencies a next build never evaluates are side bundles (dist/side-NAME.cjs, each with its own code cache),
 * run the same way when the bundle first asks for one (`__rpSide`), so a start reads and deserializes only the rest.
 * Kept free of imports besides Node's own, so it is compiled once and stays tiny. Compiled to CommonJS (dist/ is a
 * "commonjs" package): an ES-module entry started Node's ES-module loader and the modules it needs (fs/promises,
 * readline, …), ≈ 20 ms of CPU on every start that nothing here uses.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('./cli.cjs', import.meta.url));
// REPORTPRESS_CODE_CACHE=off runs without the caches, =report says on stderr whether V8 took each (tests use both).
const mode = process.env.REPORTPRESS_CODE_CACHE;

/** A CommonJS bundle wrapped as a function of `params`, compiled with its code cache (`FILE.cache`) when it fits. */
function compile(file: string, params: string): vm.Script {
  // compile.mjs makes the bundles ASCII: read as Latin-1 it is a one-byte string without UTF-8 decoding (≈ 8 ms less)
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // V8 checks a cache against the source's length only: a cache older than the bundle (a compile step stopped
  // between writing the two) is never used, since it could hold another bundle's code of the same length.
  const cacheTime = statSync(`${file}.cache`, { throwIfNoEntry: false })?.mtimeMs;
  const cachedData = mode !== 'off' && cacheTime !== undefined && cacheTime >= statSync(file).mtimeMs ? readFileSync(`${file}.cache`) : undefined;
  const script = new vm.Script(`(function (${params}) {${source}\n})`, { filename: file, cachedData });
  if (mode === 'report') {
    const name = file === BUNDLE ? '' : ` (${file.slice(dirname(file).length + 1)})`;
    process.stderr.write(`code cache${name}: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  }
  return script;
}

/** The side bundles run so far, by name. */
const sides = new Map<string, { readonly file: string; readonly script: vm.Script; readonly module: { exports: unknown } }>();
/** The exports of side bundle `name` (dist/side-NAME.cjs), run on first use. */
function side(name: string): unknown {
  let s = sides.get(name);
  if (!s) {
    const file = join(dirname(BUNDLE), `side-${name}.cjs`);
    s = { file, script: compile(file, 'exports, require, module, __filename, __dirname'), module: { exports: {} } };
    sides.set(name, s);
    (s.script.runInThisContext() as (...a: unknown[]) => void)(s.module.exports, createRequire(file), s.module, file, dirname(file));
  }
  return s.module.exports;
}

// The bundle's `import.meta.url` (compile.mjs defines it as __rpImportMetaUrl) is this file's: the bundle's
// code finds the package root, dist/vega.cjs and node_modules from dist/ as the unbundled code did.
const script = compile(BUNDLE, 'exports, require, module, __filename, __dirname, __rpImportMetaUrl, __rpSide');
const module = { exports: {} };
// Runs the bundle (its module code and then the command in process.argv).
const run = () => (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), import.meta.url, side);
if (process.env.REPORTPRESS_WRITE_CLI_CODE_CACHE) {
  // scripts/compile.mjs runs a build with this set. The command runs twice, the second time once the first is
  // done: a first build that fills its cache folder, then a next build that reads it back. Both runs compile into
  // the same scripts, so the caches written at exit hold every function either path needed.
  process.once('beforeExit', () => process.exitCode === 0 || process.exitCode === undefined ? run() : undefined);
  process.once('exit', () => {
    for (const [file, s] of [[BUNDLE, script] as const, ...[...sides.values()].map((x) => [x.file, x.script] as const)]) {
      writeFileSync(`${file}.cache.tmp`, s.createCachedData());
      renameSync(`${file}.cache.tmp`, `${file}.cache`);
    }
  });
}
run();
