/**
 * Helpers for page items' structure tags (see ItemTag in types.ts). Stages tag from the inside out: a composer
 * tags the parts of its box relative to the box, flow puts the box under its block element, then under its
 * section; each step prefixes the path and the content-order key. Pure functions on plain data.
 */
import type { FrameItem, ItemTag, StructNode, StructRole } from './types.ts';

/** A content tag: the structure path and content-order key that `within` prefixes. */
export type ContentTag = Extract<ItemTag, { path: unknown }>;
export type ArtifactTag = Extract<ItemTag, { artifact: unknown }>;

/** Item kinds that are content unless tagged otherwise; rects and rules are decoration (artifacts) by default. */
const CONTENT_KINDS: ReadonlySet<FrameItem['kind']> = new Set(['glyphs', 'image', 'svg', 'chart', 'link', 'goto']);

/** A structure node. */
export function node(role: StructRole, key: string | number, extra: Omit<StructNode, 'role' | 'key'> = {}): StructNode {
  return { role, key: String(key), ...extra };
}

/** A content tag with this path and order. */
export function content(path: readonly StructNode[], order: readonly number[]): ContentTag {
  return { path, order };
}

export function isContent(tag: ItemTag | undefined): tag is ContentTag {
  return tag !== undefined && 'path' in tag;
}

/**
 * Puts items under `outer`: content tags get outer's path and order in front of their own; untagged glyphs,
 * images, charts and links become direct content of outer's last element. Artifacts, untagged rects/rules and
 * anchors are left alone.
 */
export function within(items: readonly FrameItem[], outer: ContentTag): FrameItem[] {
  return items.map((it) => withinOne(it, outer));
}

/** One item put under `outer` as `within` puts each (flow tags every item of a page: no list per item). */
export function withinOne(it: FrameItem, outer: ContentTag): FrameItem {
  const tag = it.tag;
  if (isContent(tag)) return { ...it, tag: content([...outer.path, ...tag.path], [...outer.order, ...tag.order]) };
  if (tag === undefined && CONTENT_KINDS.has(it.kind)) return { ...it, tag: outer };
  return it;
}

/** Marks every item as an artifact (running heads, repeated table headers, decoration). */
export function asArtifact<T extends FrameItem>(items: readonly T[], artifact: ArtifactTag['artifact'], subtype?: ArtifactTag['subtype']): T[] {
  const tag: ArtifactTag = subtype ? { artifact, subtype } : { artifact };
  return items.map((it) => (it.kind === 'anchor' ? it : { ...it, tag }));
}

/** Compares content-order keys element-wise; a key that is a prefix of another sorts first. */
export function compareOrder(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
