/**
 * Golden-file bookkeeping for the document cases: compare an actual text with the stored expectation, or rewrite the
 * expectation when `npm run golden:update` runs them (it sets UPDATE_GOLDEN=1; never set it by hand in a feature
 * commit).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** True when golden:update runs the cases to rewrite their expected files instead of comparing. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** The stored text of `file`, or undefined when there is none yet; writes `actual` first when updating. */
export function goldenText(file: string, actual: string): string | undefined {
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
