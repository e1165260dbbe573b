import { asArtifact, content, node, within } from '../model/tags.ts';
import { snapUp } from './geometry.ts';
import { OPENER_ORDER } from './structure.ts';
import { styledPara } from './styledPara.ts';
import { trackLines } from './tracking.ts';
import { stackLines } from './translate.ts';
import type { LayoutEnv } from './types.ts';
import type { FrameItem } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

type OpenerPart = ResolvedTheme['opener']['order'][number];
import type { ParagraphSpec, StyledSection } from '../style/types.ts';
import type { Pt, Rect } from '../util/geometry.ts';

/** The part of a page above the body columns: its items and height (a whole number of grid lines). */
export interface PageHead {
  readonly items: readonly FrameItem[];
  readonly heightPt: Pt;
  /** Footnotes referenced in the head (a lead), set at the bottom of the first column. */
  readonly notes: readonly string[];
}

/**
 * Section opener across the full text width: the anchor, then the template's `opener.order` of kicker (the
 * section's label), title, lead and rule (for the kinds the rule names), top to bottom. Under a text part comes its
 * gap (kickerGap, titleGap) when another text part follows; the rule has its gap above and below; after the last
 * text part a blank grid line, unless the rule closes the opener. The structure follows the same order.
 */
export function openerHead(section: StyledSection, area: Rect, theme: ResolvedTheme, env: LayoutEnv, gridPt: Pt): PageHead {
  const items: FrameItem[] = [{ kind: 'anchor', name: section.id, y: area.y }];
  const notes: string[] = [];
  let y = area.y;
  const { opener } = theme;
  const rule = opener.rule && opener.rule.kinds.includes(section.kind) ? opener.rule : undefined;
  // the parts this section has, in the template's order
  const texts: Partial<Record<OpenerPart, ParagraphSpec>> = { kicker: section.opener.label, title: section.opener.title, lead: section.opener.lead };
  const parts = opener.order.filter((p) => (p === 'rule' ? rule !== undefined : texts[p] !== undefined));
  const gapUnder: Partial<Record<OpenerPart, Pt>> = { kicker: opener.kickerGap, title: opener.titleGap };
  parts.forEach((part, at) => {
    if (part === 'rule') {
      y += rule!.gap;
      items.push({ kind: 'rule', x1: area.x, y1: y, x2: area.x + area.width, y2: y, color: rule!.color, widthPt: rule!.width });
      y += rule!.gap;
      return;
    }
    // structure: kicker P, section title H2 (the report title on the cover is the H1), lead P
    const lines = env.breakLines(texts[part]!, area.width);
    for (const l of lines) for (const r of l.runs) if (r.footnoteId && !notes.includes(r.footnoteId)) notes.push(r.footnoteId);
    const set = stackLines(part === 'kicker' ? trackLines(lines, theme.text.kicker?.tracking ?? 0) : lines, area.x, y);
    // content order: the part's place in the template's order (stable whether or not this section has the others)
    items.push(...within(set.items, content([node(part === 'title' ? 'H2' : 'P', part)], [OPENER_ORDER, opener.order.indexOf(part)])));
    y += set.heightPt;
    const next = parts[at + 1];
    if (next !== undefined && next !== 'rule') y += gapUnder[part] ?? opener.titleGap;
  });
  if (parts[parts.length - 1] !== 'rule') y += gridPt;
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
