/**
 * zod, loaded when the first schema is made. The schemas are already made on first use (lazy.ts); importing zod
 * itself still evaluated its modules (≈ 4–5 ms) at every start, though a next build whose content files all come
 * from the load cache validates nothing. Here `z` is a stand-in for zod's `z`, required on its first use (the CLI
 * bundle has zod inside it: scripts/compile.mjs makes this a plain require), and its types are zod's.
 * Every schema module takes `z` from here, never from 'zod': one zod instance makes and reads every schema.
 */
import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';
import { lazy } from './lazy.ts';

export const z: typeof Zod = lazy(() => {
  const zod = (createRequire(import.meta.url)('zod') as typeof import('zod')).z;
  // zod's object parser compiles a function per object schema on first use (new Function): that code is in no V8
  // code cache, and a build parses each schema a few to a few hundred times, too few for it to pay back. Its
  // interpreted parser gives the same data and issues (zod 4.6.7, pinned); main-thread CPU of load + theme for the
  // bundled report ≈ 197 → 183 ms, median of 7 (set before any schema is made: zod reads it per schema).
  zod.config({ jitless: true });
  return zod;
});

// the types of zod's namespace under the same name (a namespace of types only merges with the constant)
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  export type infer<T> = Zod.infer<T>;
  export type output<T> = Zod.output<T>;
  export type ZodType = Zod.ZodType;
}

/**
 * Whether zod's modules have been evaluated in this process, through this stand-in or any other import (what
 * REPORTPRESS_BENCH_JSON reports): zod 4's core sets this global when it loads, whichever of its builds is loaded.
 */
export const zodLoaded = (): boolean => (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig !== undefined;
