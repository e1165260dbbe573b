import type { BoundReport } from '../bind/types.ts';
import type { ChartBox } from '../charts/types.ts';
import { isReportError } from '../diag/errors.ts';
import type { Diagnostic } from '../diag/types.ts';
import type { FontStore } from '../fonts/fontStore.ts';
import type { PreparedImage } from '../images/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import { resolveStyles } from './resolveStyles.ts';

/**
 * The table errors styling would throw (TABLE002: too wide even in the smallest type with words broken), found
 * for `check` before charts are drawn: the whole report styled by the same code as in a build (so references,
 * numbering and footnotes are as there), with stand-ins for the charts and images, whose sizes tables do not use.
 */
export function checkTables(report: BoundReport, theme: ResolvedTheme, fonts: Pick<FontStore, 'measure'>): Diagnostic[] {
  const charts = new Map<string, ChartBox>();
  const images = new Map<string, PreparedImage>();
  for (const section of report.sections) {
    for (const b of section.blocks) {
      if (b.type === 'chart') charts.set(b.chartId, { id: b.chartId, widthPt: 1, heightPt: 1, alt: '' });
      if (b.type === 'image') images.set(b.src, { png: new Uint8Array(), widthPx: 1, aspect: 1 });
    }
  }
  try {
    resolveStyles(report, theme, charts, images, fonts);
    return [];
  } catch (e) {
    if (!isReportError(e)) throw e;
    // only the tables' verdicts: anything else styling rejects, build reports the same way after the charts
    return e.diagnostics.filter((d) => d.code.startsWith('TABLE'));
  }
}
