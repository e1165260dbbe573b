/**
 * Schemas made on first use. Building the zod schemas of report.yaml, sections, figures.yaml, templates and limits
 * (hundreds of zod objects with their descriptions) took ≈ 10 ms of every start, while a next build whose content
 * files all come from the load cache validates little more than figures.yaml. `lazy(make)` stands for the value
 * `make` returns, made at the first operation on it: a constant that is computed late, the same value for every
 * build (no state besides it). Every operation is forwarded to that value (zod's methods are closures over their
 * schema, so they run on the real one). A schema built into another one is unwrapped with `real`, so the outer
 * schema holds the very object (the editor's JSON Schemas look schemas up by identity).
 */

/** The key under which a stand-in hands out its value. */
const REAL = Symbol('lazy value');

/** A stand-in for the value `make` returns, made on first use (then always that value). */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const get = (): T => (value ??= make());
  return new Proxy({} as T, {
    get: (_t, p) => (p === REAL ? get() : Reflect.get(get(), p)),
    set: (_t, p, v) => Reflect.set(get(), p, v),
    has: (_t, p) => Reflect.has(get(), p),
    ownKeys: () => Reflect.ownKeys(get()),
    // reported configurable: the stand-in itself has no properties (a proxy may not claim a fixed one it lacks)
    getOwnPropertyDescriptor: (_t, p) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), p);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}

/** The value behind a lazy stand-in (made now if need be); any other value as it is. */
export function real<T extends object>(v: T): T {
  return ((v as Record<symbol, unknown>)[REAL] as T | undefined) ?? v;
}
