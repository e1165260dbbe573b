import type { LayoutEnv } from '../flow/types.ts';
import { fill, glyphLine } from './text.ts';
import type { ReportInfo } from './types.ts';
import { asArtifact } from '../model/tags.ts';
import type { FrameItem, Page } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** Baseline of the running head above the text area, and the rule between head and text. */
const HEAD_BASELINE_ABOVE = 24;
const HEAD_RULE_ABOVE = 16;
/** Hairline under the running head. */
const HEAD_RULE_WIDTH = 0.5;
/** Baseline of folio and foot text below the text area. */
const FOLIO_BELOW = 30;

/**
 * Running head (report title on even pages, section title on odd pages) with a thin rule, and below the
 * text area the folio at the outer edge and the foot text at the inner edge. Nothing for unnumbered pages.
 */
export function pageFurniture(page: Page, sectionTitle: string, theme: ResolvedTheme, env: LayoutEnv, meta: ReportInfo): { head: FrameItem[]; foot: FrameItem[] } {
  if (page.number === null) return { head: [], foot: [] };
  const a = page.textArea;
  const even = page.number % 2 === 0;
  // outer edge: left on even (left-hand) pages, right on odd pages
  const [outerX, outerAlign, innerX, innerAlign] = even
    ? [a.x, 'left', a.x + a.width, 'right'] as const
    : [a.x + a.width, 'right', a.x, 'left'] as const;
  const values = { reportTitle: meta.title, sectionTitle, date: meta.dateText };
  const head: FrameItem[] = [];
  const foot: FrameItem[] = [];
  const rh = theme.text.runningHead;
  if (rh) {
    const text = fill(even ? theme.runningHead.left : theme.runningHead.right, values);
    head.push(...glyphLine(text, rh, env, outerX, a.y - HEAD_BASELINE_ABOVE, outerAlign));
    const y = a.y - HEAD_RULE_ABOVE;
    head.push({ kind: 'rule', x1: a.x, y1: y, x2: a.x + a.width, y2: y, color: theme.colors.rule ?? rh.color, widthPt: HEAD_RULE_WIDTH });
    const footText = fill(theme.runningHead.foot, values);
    if (footText) foot.push(...glyphLine(footText, rh, env, innerX, a.y + a.height + FOLIO_BELOW, innerAlign));
  }
  const folio = theme.text.folio;
  if (folio) foot.push(...glyphLine(String(page.number), folio, env, outerX, a.y + a.height + FOLIO_BELOW, outerAlign, [...folio.features, 'tnum']));
  // page furniture is skipped by assistive technology
  return { head: asArtifact(head, 'Pagination', 'Header'), foot: asArtifact(foot, 'Pagination', 'Footer') };
}
