import type { BoundReport } from '../bind/types.ts';
import { isReportError } from '../diag/errors.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { resolveStyles } from './resolveStyles.ts';

/**
 * The table errors styling would throw (TABLE002: too wide even in the smallest type with words broken), found
 * for `check` before layout: the report's tables styled by the same code as in a build, the other blocks left out.
 */
export function checkTables(report: BoundReport, theme: ResolvedTheme, fonts: Pick<FontStore, 'measure'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'table') continue;
      try {
        resolveStyles({ ...report, sections: [{ ...section, blocks: [block] }] }, theme, new Map(), new Map(), fonts);
      } catch (e) {
        if (!isReportError(e)) throw e;
        // only the table's own verdict: the block alone cannot resolve references to the rest of the report
        out.push(...e.diagnostics.filter((d) => d.code.startsWith('TABLE')));
      }
    }
  }
  return out;
}
