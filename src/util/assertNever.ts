/** Makes a switch over a tagged union exhaustive at compile time and loud at run time. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
