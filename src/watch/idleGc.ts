/**
 * A young-generation collection between rebuilds. A one-paragraph rebuild allocates ≈ 9 MB; with the young
 * generation partly full from the rebuild before, V8 scavenged once or twice inside almost every rebuild (≈ 4–6 ms
 * of a 36 ms rebuild, copying the rebuild's live objects). Emptied while the loop waits for the next save, the
 * young generation holds a whole rebuild and the collection's cost moves out of the edit → PDF time. The same work,
 * done earlier: output does not depend on it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (o: { type: 'minor' | 'major' }) => void;

/**
 * V8's collector, exposed for this process: `--expose-gc` set at run time makes `gc` a global of contexts created
 * after it (a new vm context), without changing how the process was started; undefined if that is refused.
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
