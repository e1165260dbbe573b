import { asArtifact, content, node, within } from '../model/tags.ts';
import { snapUp } from './geometry.ts';
import { OPENER_ORDER } from './structure.ts';
import { styledPara } from './styledPara.ts';
import { trackLines } from './tracking.ts';
import { stackLines } from './translate.ts';
import type { LayoutEnv } from './types.ts';
import type { FrameItem } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';
import type { Pt, Rect } from '../util/geometry.ts';

/** Space between the kicker and the title. */
const KICKER_GAP = 4;
/** Space between the title and the lead. */
const TITLE_GAP = 8;
/** Space above and below the rule that closes an article opener. */
const RULE_GAP = 10;
/** Weight of the opener rule: visible but quieter than the title. */
const RULE_WIDTH = 0.75;

/** The part of a page above the body columns: its items and height (a whole number of grid lines). */
export interface PageHead {
  readonly items: readonly FrameItem[];
  readonly heightPt: Pt;
  /** Footnotes referenced in the head (a lead), set at the bottom of the first column. */
  readonly notes: readonly string[];
}

/** Section opener across the full text width: anchor, kicker, title, lead and (articles) a rule. */
export function openerHead(section: StyledSection, area: Rect, theme: ResolvedTheme, env: LayoutEnv, gridPt: Pt): PageHead {
  const items: FrameItem[] = [{ kind: 'anchor', name: section.id, y: area.y }];
  const notes: string[] = [];
  let y = area.y;
  // structure: kicker P, section title H2 (the report title on the cover is the H1), lead P
  const add = (lines: ReturnType<LayoutEnv['breakLines']>, role: 'P' | 'H2', key: string, at: number) => {
    for (const l of lines) for (const r of l.runs) if (r.footnoteId && !notes.includes(r.footnoteId)) notes.push(r.footnoteId);
    const set = stackLines(lines, area.x, y);
    items.push(...within(set.items, content([node(role, key)], [OPENER_ORDER, at])));
    y += set.heightPt;
  };
  if (section.opener.label) {
    add(trackLines(env.breakLines(section.opener.label, area.width), theme.text.kicker?.tracking ?? 0), 'P', 'kicker', 0);
    y += KICKER_GAP;
  }
  add(env.breakLines(section.opener.title, area.width), 'H2', 'title', 1);
  if (section.opener.lead) {
    y += TITLE_GAP;
    add(env.breakLines(section.opener.lead, area.width), 'P', 'lead', 2);
  }
  if (section.kind === 'article') {
    y += RULE_GAP;
    const color = theme.colors.accent ?? '#000000';
    items.push({ kind: 'rule', x1: area.x, y1: y, x2: area.x + area.width, y2: y, color, widthPt: RULE_WIDTH });
    y += RULE_GAP;
  } else {
    y += gridPt;
  }
  return { items, heightPt: snapUp(y - area.y, gridPt), notes };
}

/** "Vervolg eerste artikel" / "Vervolg voorwoord" at the top of continuation pages of articles and the foreword. */
export function continuationHead(section: StyledSection, area: Rect, theme: ResolvedTheme, env: LayoutEnv, gridPt: Pt): PageHead {
  const style = theme.text.kicker;
  if ((section.kind !== 'article' && section.kind !== 'foreword') || !style) return { items: [], heightPt: 0, notes: [] };
  const text = section.label
    ? (theme.strings.continued ?? 'Vervolg {label}').replace('{label}', section.label.toLocaleLowerCase('nl-NL'))
    : (theme.strings.continuedDefault ?? 'Vervolg {title}').replace('{title}', section.shortTitle.toLocaleLowerCase('nl-NL'));
  const set = stackLines(env.breakLines(styledPara({ ...style, uppercase: false }, text), area.width), area.x, area.y);
  return { items: asArtifact(set.items, 'Pagination', 'Header'), heightPt: snapUp(set.heightPt + gridPt, gridPt), notes: [] };
}
