import { textAreaFor } from '../flow/index.ts';
import type { LayoutEnv } from '../flow/types.ts';
import { MASTER_COVER } from './masters.ts';
import { setBlock } from './text.ts';
import type { ReportInfo } from './types.ts';
import { asArtifact, content, node, within } from '../model/tags.ts';
import type { FrameItem, Page } from '../model/types.ts';
import type { ResolvedTheme } from '../spec/theme.ts';

/** The Rijkshuisstijl "lint": a vertical band hanging from the top edge at the page centre (about 11 × 27 mm on A4). */
const LINT_WIDTH = 32;
const LINT_HEIGHT = 78;
/** Space between the lint and the organisation wordmark set beside it. */
const WORDMARK_GAP = 9;
/** Width of the wordmark column: narrow, so the name stacks like a logo. */
const WORDMARK_WIDTH = 170;
/** Where the accent image plane starts, as a fraction of the page height (the white part carries the logo). */
const PLANE_AT = 0.3;
/** Where the title block starts, as a fraction of the page height: below the optical centre, calm. */
const TITLE_AT = 0.44;
/** Length and weight of the short white rule above the title. */
const MARK_LENGTH = 48;
const MARK_WIDTH = 2;
/** Space between the rule and the title, and between title and subtitle. */
const GAP = 18;
/** Height of the lighter band at the foot of the plane that carries the date. */
const FOOT_BAND = 64;
/** Share of white mixed into the accent for the foot band: a quiet second tone of the same blue. */
const FOOT_TINT = 0.12;

/** The cover's structure element, before the contents (-1) and the sections (0…). */
const COVER = node('Sect', 'cover');
const COVER_ORDER = -2;

/**
 * Page 1 (unnumbered), Rijkshuisstijl-like: the accent lint hanging from the top centre with the organisation
 * beside it on white, then a full-bleed accent plane with a white rule, title and subtitle, and a lighter foot band
 * with the date. Only rects, a rule and text: no external images.
 */
export function coverPage(theme: ResolvedTheme, env: LayoutEnv, meta: ReportInfo): Page {
  const area = textAreaFor(theme, 1);
  const { width: W, height: H } = theme.page;
  const accent = theme.colors.accent ?? '#154273';
  const white = theme.colors.white ?? '#ffffff';
  const st = theme.text;
  const plane = H * PLANE_AT;
  // structure: the report title is the document's only H1; subtitle, organisation and date are paragraphs
  const tag = (set: { items: FrameItem[] }, role: 'H1' | 'P', key: string, at: number) => within(set.items, content([COVER, node(role, key)], [COVER_ORDER, at]));
  const items: FrameItem[] = [
    { kind: 'rect', x: W / 2 - LINT_WIDTH / 2, y: 0, width: LINT_WIDTH, height: LINT_HEIGHT, fill: accent },
    { kind: 'rect', x: 0, y: plane, width: W, height: H - plane, fill: accent },
    { kind: 'rect', x: 0, y: H - FOOT_BAND, width: W, height: FOOT_BAND, fill: mix(accent, white, FOOT_TINT) },
  ];
  if (st.coverMeta) {
    const x = W / 2 + LINT_WIDTH / 2 + WORDMARK_GAP;
    items.push(...tag(setBlock(meta.organisation, st.coverMeta, env, x, LINT_HEIGHT * 0.55, WORDMARK_WIDTH, accent), 'P', 'org', 2));
  }
  let y = H * TITLE_AT;
  items.push({ kind: 'rule', x1: area.x, y1: y, x2: area.x + MARK_LENGTH, y2: y, color: white, widthPt: MARK_WIDTH });
  y += GAP;
  if (st.coverTitle) {
    const t = setBlock(meta.title, st.coverTitle, env, area.x, y, area.width, white);
    items.push(...tag(t, 'H1', 'title', 0));
    y += t.heightPt + GAP / 2;
  }
  if (meta.subtitle && st.coverSub) items.push(...tag(setBlock(meta.subtitle, st.coverSub, env, area.x, y, area.width, white), 'P', 'sub', 1));
  if (st.coverMeta) {
    const top = H - FOOT_BAND / 2 - st.coverMeta.leading / 2;
    items.push(...tag(setBlock(meta.dateText, st.coverMeta, env, area.x, top, area.width, white), 'P', 'date', 3));
  }
  // the lint, planes and rule are the cover's decoration
  const drawn = items.map((it) => (it.kind === 'rect' || it.kind === 'rule' ? asArtifact([it], 'Background')[0]! : it));
  return { widthPt: W, heightPt: H, number: null, master: MASTER_COVER, textArea: area, items: drawn };
}

/** Mixes two #rrggbb colours: share 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, share: number): string {
  const ch = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(ch(a, i) * (1 - share) + ch(b, i) * share));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
