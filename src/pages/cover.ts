import { textAreaFor } from '../flow/index.ts';
import type { LayoutEnv } from '../flow/types.ts';
import { MASTER_COVER } from './masters.ts';
import { setBlock } from './text.ts';
import type { FrameItem, Page, ReportInfo } from './types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** Where the title block starts, as a fraction of the page height: below the optical centre, calm. */
const TITLE_AT = 0.42;
/** Length and weight of the short white rule above the title. */
const MARK_LENGTH = 48;
const MARK_WIDTH = 2;
/** Space between the rule and the title, and between title and subtitle. */
const GAP = 18;

/**
 * Page 1 (unnumbered): a full-bleed accent background, organisation at the top, title and subtitle
 * below the middle, date at the foot; all white type in the cover styles.
 */
export function coverPage(theme: ResolvedTheme, env: LayoutEnv, meta: ReportInfo): Page {
  const area = textAreaFor(theme, 1);
  const { width: W, height: H } = theme.page;
  const accent = theme.colors.accent ?? '#154273';
  const white = theme.colors.white ?? '#ffffff';
  const st = theme.text;
  const items: FrameItem[] = [{ kind: 'rect', x: 0, y: 0, width: W, height: H, fill: accent }];
  if (st.coverMeta) items.push(...setBlock(meta.organisation, st.coverMeta, env, area.x, area.y, area.width, white).items);
  let y = H * TITLE_AT;
  items.push({ kind: 'rule', x1: area.x, y1: y, x2: area.x + MARK_LENGTH, y2: y, color: white, widthPt: MARK_WIDTH });
  y += GAP;
  if (st.coverTitle) {
    const t = setBlock(meta.title, st.coverTitle, env, area.x, y, area.width, white);
    items.push(...t.items);
    y += t.heightPt + GAP / 2;
  }
  if (meta.subtitle && st.coverSub) items.push(...setBlock(meta.subtitle, st.coverSub, env, area.x, y, area.width, white).items);
  if (st.coverMeta) {
    const bottom = area.y + area.height - st.coverMeta.leading;
    items.push(...setBlock(meta.dateText, st.coverMeta, env, area.x, bottom, area.width, white).items);
  }
  return { widthPt: W, heightPt: H, number: null, master: MASTER_COVER, textArea: area, items };
}
