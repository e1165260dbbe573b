import type { LayoutEnv } from '../flow/types.ts';
import { blankPage, MASTER_TOC } from './masters.ts';
import { glyphLine, setBlock } from './text.ts';
import { asArtifact, content, node, within } from '../model/tags.ts';
import type { FrameItem, Page } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';
import type { StyledSection } from '../style/types.ts';
import type { Pt } from '../util/geometry.ts';

/** Space left around the leader dots. */
const LEADER_PAD = 6;
/** Widest page number the dots make room for (tabular figures: all numbers of this length are equally wide). */
const NUMBER_TEMPLATE = '000';
/** Name of the anchor on the first TOC page (the outline's contents entry); a name, not a shown word. */
export const TOC_ANCHOR = 'toc';

/** Structure: a Sect before the sections holding the contents title (H2) and the TOC, one TOCI per entry. */
const CONTENTS = node('Sect', 'contents');
const CONTENTS_ORDER = -1;

/** One TOC line's content. */
interface Entry {
  readonly id: string;
  readonly label?: string;
  readonly title: string;
}

/**
 * The table of contents from page 2 on: the contents title, then per section its label (small, above), its title,
 * leader dots and the right-aligned tabular page number from the previous pass; each entry is a goto link.
 */
export function tocPages(sections: readonly StyledSection[], theme: ResolvedTheme, env: LayoutEnv, pages: ReadonlyMap<string, number>, first = 2): Page[] {
  const out: Page[] = [];
  let items: FrameItem[] = [];
  let number = first;
  let page = blankPage(theme, number, MASTER_TOC);
  let y = page.textArea.y;
  const title = theme.text.title;
  if (title) {
    const t = setBlock(theme.words.contents, title, env, page.textArea.x, y, page.textArea.width);
    items.push({ kind: 'anchor', name: TOC_ANCHOR, y }, ...within(t.items, content([CONTENTS, node('H2', 'title')], [CONTENTS_ORDER, 0])));
    y += t.heightPt + 2 * title.leading;
  }
  for (const [k, s] of sections.entries()) {
    const entry: Entry = { id: s.id, title: s.title, ...(s.label ? { label: s.label } : {}) };
    let set = tocEntry(entry, pages.get(s.id), theme, env, page.textArea, y);
    if (y + set.heightPt > page.textArea.y + page.textArea.height && items.length > 0) {
      out.push({ ...page, items });
      page = blankPage(theme, ++number, MASTER_TOC);
      items = [];
      y = page.textArea.y;
      set = tocEntry(entry, pages.get(s.id), theme, env, page.textArea, y);
    }
    // each entry is a TOCI holding one Link: label, title, page number and the goto annotation
    // the entry of a section in another language reads in that language
    const toci = node('TOCI', s.id, s.lang ? { lang: s.lang } : {});
    items.push(...within(set.items, content([CONTENTS, node('TOC', 'toc'), toci, node('Link', 'a')], [CONTENTS_ORDER, 1, k])));
    y += set.heightPt + theme.contents.entryGap * (theme.text.tocEntry ?? theme.text.body!).leading;
  }
  out.push({ ...page, items });
  return out;
}

/**
 * One entry: its lines in the template's `contents.entry` order (label and title; `labelGap` between them), the
 * page number right-aligned on the title's last baseline with leader dots up to it, and the goto link over it all.
 */
function tocEntry(e: Entry, pageNo: number | undefined, theme: ResolvedTheme, env: LayoutEnv, area: Page['textArea'], top: Pt) {
  const items: FrameItem[] = [];
  const entryStyle = theme.text.tocEntry ?? theme.text.body!;
  const { numberColumn, labelGap } = theme.contents;
  const labelStyle = theme.text.tocLabel;
  const parts = theme.contents.entry.filter((p) => p === 'title' || (e.label !== undefined && labelStyle !== undefined));
  let y = top;
  let t: ReturnType<typeof setBlock> | undefined;
  parts.forEach((part, k) => {
    const set = part === 'title' ? setBlock(e.title, entryStyle, env, area.x, y, area.width - numberColumn) : setBlock(e.label!, labelStyle!, env, area.x, y, area.width - numberColumn);
    if (part === 'title') t = set;
    // read in the order they stand: label then title, or title then label
    items.push(...within(set.items, content([], [theme.contents.entry.indexOf(part)])));
    y += set.heightPt + (k < parts.length - 1 ? labelGap : 0);
  });
  const right = area.x + area.width;
  if (pageNo !== undefined && t) {
    const tnum = [...entryStyle.features, 'tnum'];
    items.push(...glyphLine(String(pageNo), entryStyle, env, right, t.lastBaseline, 'right', tnum).map((it) => ({ ...it, tag: content([], [2]) })));
    // dots end at the same x on every entry, just before the widest page number
    const dotsEnd = right - env.fonts.measure(NUMBER_TEMPLATE, entryStyle.font, entryStyle.size, tnum) - LEADER_PAD / 2;
    const leaders = leaderDots(entryStyle, env, area.x + t.lastWidthPt + LEADER_PAD, dotsEnd, t.lastBaseline, theme);
    if (leaders && theme.contents.leaders) items.push(...asArtifact([leaders], 'Layout'));
  }
  items.push({ kind: 'goto', x: area.x, y: top, width: area.width, height: y - top, dest: e.id, label: e.title, tag: content([], [3]) });
  return { items, heightPt: y - top };
}

/** Dots from `from` to `to`, aligned on a fixed pitch from the right so columns of dots line up across entries. */
function leaderDots(style: ResolvedTheme['text'][string], env: LayoutEnv, from: Pt, to: Pt, baseline: Pt, theme: ResolvedTheme): FrameItem | null {
  const unit = env.fonts.measure(' .', style.font, style.size, style.features);
  const n = unit > 0 ? Math.floor((to - from) / unit) : 0;
  if (n < 2) return null;
  const text = ' .'.repeat(n);
  const widthPt = env.fonts.measure(text, style.font, style.size, style.features);
  const color = theme.colors.muted ?? style.color;
  return { kind: 'glyphs', x: to - widthPt, y: baseline, text, font: style.font, sizePt: style.size, color, features: style.features, wordSpacingPt: 0, widthPt };
}
