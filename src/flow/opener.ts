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
    y += theme.opener.kickerGap;
  }
  add(env.breakLines(section.opener.title, area.width), 'H2', 'title', 1);
  if (section.opener.lead) {
    y += theme.opener.titleGap;
    add(env.breakLines(section.opener.lead, area.width), 'P', 'lead', 2);
  }
  const rule = theme.opener.rule;
  if (rule && rule.kinds.includes(section.kind)) {
    y += rule.gap;
    items.push({ kind: 'rule', x1: area.x, y1: y, x2: area.x + area.width, y2: y, color: rule.color, widthPt: rule.width });
    y += rule.gap;
  } else {
    y += gridPt;
  }
  return { items, heightPt: snapUp(y - area.y, gridPt), notes };
}

/** The template's `continued` word ("Vervolg eerste artikel", "First article, continued") atop continuation pages of articles and the foreword. */
export function continuationHead(section: StyledSection, area: Rect, theme: ResolvedTheme, env: LayoutEnv, gridPt: Pt): PageHead {
  const style = theme.text.kicker;
  if ((section.kind !== 'article' && section.kind !== 'foreword') || !style) return { items: [], heightPt: 0, notes: [] };
  const text = section.label
    ? theme.words.continued.replace('{label}', lowerInside(theme.words.continued, '{label}', section.label, theme.language))
    : theme.words.continuedDefault.replace('{title}', lowerInside(theme.words.continuedDefault, '{title}', section.shortTitle, theme.language));
  const set = stackLines(env.breakLines(styledPara({ ...style, uppercase: false }, text), area.width), area.x, area.y);
  return { items: asArtifact(set.items, 'Pagination', 'Header'), heightPt: snapUp(set.heightPt + gridPt, gridPt), notes: [] };
}

/** The value lower-cased inside a sentence ("Vervolg eerste artikel"), kept as is where the pattern starts with it ("First article, continued"). */
function lowerInside(pattern: string, slot: string, value: string, lang: string): string {
  return pattern.startsWith(slot) ? value : value.toLocaleLowerCase(lang);
}
