/** Turns the `blocks:` list of a section file into ContentBlocks with spans; validates each block by its type. */
import { isMap, isScalar, isSeq } from 'yaml';
import * as messages from '../diag/messages.ts';
import { BLOCK_SCHEMAS, BLOCK_TYPES, type BlockTypeKey } from '../spec/section.ts';
import type { ContentBlock, LocatedJson, Text } from './types.ts';
import type { LoadContext } from './loadContext.ts';
import { readYamlFile } from './loadContext.ts';
import { keyNodeAt, keyString, nodeAt, spanOf, type NodePath, type ParsedYaml } from './parseYaml.ts';
import { loadTable } from './loadTable.ts';
import { checkContentPath, readInside } from './readSources.ts';
import { toLocatedJson } from './locatedJson.ts';
import { checkImageHeader } from './imageHeader.ts';
import { validate } from './validate.ts';
import { isValidTag } from '../locale/index.ts';
import { bytesHash } from '../util/diskCache.ts';

/** Image file endings the pdf stage can place. */
const IMAGE_EXTENSIONS = /\.(svg|png|jpe?g)$/i;

/**
 * Reads every block; invalid ones are reported to ctx.errors and skipped. `blocks`: the items of `blocks:` as
 * plain values (locatedJson.ts plainValue), or their count when each block's value is to be made from its node.
 */
export async function loadBlocks(ctx: LoadContext, p: ParsedYaml, blocks: readonly unknown[] | number): Promise<ContentBlock[]> {
  const out: ContentBlock[] = [];
  const count = typeof blocks === 'number' ? blocks : blocks.length;
  for (let i = 0; i < count; i++) {
    const block = await loadBlock(ctx, p, ['blocks', i], typeof blocks === 'number' ? undefined : blocks[i]);
    if (block) out.push(block);
  }
  return out;
}

/** `item`: the block's plain value when known (a map with one key), else undefined: made from the node. */
async function loadBlock(ctx: LoadContext, p: ParsedYaml, at: NodePath, item?: unknown): Promise<ContentBlock | undefined> {
  const node = nodeAt(p, at);
  const span = spanOf(p, node);
  if (!isMap(node) || node.items.length !== 1) {
    const found = isMap(node) ? `${node.items.length} keys` : node ? 'a single value' : 'nothing';
    ctx.errors.push(messages.badBlockShape(found, span));
    return undefined;
  }
  const key = keyString(node.items[0].key) ?? '';
  if (!(BLOCK_TYPES as readonly string[]).includes(key)) {
    ctx.errors.push(messages.unknownBlockType(key, BLOCK_TYPES, spanOf(p, keyNodeAt(p, [...at, key]))));
    return undefined;
  }
  const type = key as BlockTypeKey;
  const vpath = [...at, key];
  if (type === 'table' && tableTooBig(ctx, p, vpath)) return undefined;
  const raw =
    item !== undefined
      ? ((item as Record<string, unknown>)[key] ?? null)
      : ((node.items[0].value as { toJS?: (d: unknown) => unknown } | null)?.toJS?.(p.doc) ?? null);
  const { data, errors } = validate(BLOCK_SCHEMAS[type], raw, p, vpath);
  if (errors.length) {
    ctx.errors.push(...errors);
    return undefined;
  }
  const block = await buildBlock(ctx, p, type, data as never, vpath, span);
  return block && withLang(ctx, p, block, data, vpath);
}

/** The block with its `lang:` (a passage in another language), which must be a BCP 47 tag (LANG001 at its value). */
function withLang(ctx: LoadContext, p: ParsedYaml, block: ContentBlock, data: unknown, at: NodePath): ContentBlock | undefined {
  const lang = (data as { lang?: unknown } | null)?.lang;
  if (typeof lang !== 'string') return block;
  if (!isValidTag(lang)) return void ctx.errors.push(messages.badLanguage(lang, spanOf(p, nodeAt(p, [...at, 'lang'])))), undefined;
  return { ...block, lang };
}

/** Rows and columns of a table checked on the YAML tree, before the table is converted or laid out. */
function tableTooBig(ctx: LoadContext, p: ParsedYaml, at: NodePath): boolean {
  const rows = nodeAt(p, [...at, 'rows']);
  const columns = nodeAt(p, [...at, 'columns']);
  const { tableRows, tableColumns } = ctx.limits;
  if (isSeq(rows) && rows.items.length > tableRows) ctx.errors.push(messages.limitExceeded('tableRows', rows.items.length, tableRows, spanOf(p, rows.items[tableRows] as never)));
  else if (isSeq(columns) && columns.items.length > tableColumns) ctx.errors.push(messages.limitExceeded('tableColumns', columns.items.length, tableColumns, spanOf(p, columns.items[tableColumns] as never)));
  else return false;
  return true;
}

/**
 * A Text for the scalar at `path`. A plain scalar YAML reads as a number or boolean keeps the author's characters
 * exactly as written (`1.10` stays 1.10, `012345` stays 012345, `.nan` stays .nan): text is never reformatted.
 */
export function textAt(p: ParsedYaml, path: NodePath, value: unknown): Text {
  const node = nodeAt(p, path);
  const range = isScalar(node) && node.value !== null && typeof node.value !== 'string' ? node.range : undefined;
  return { value: range ? p.text.slice(range[0], range[1]) : String(value), span: spanOf(p, node) };
}

async function buildBlock(ctx: LoadContext, p: ParsedYaml, type: BlockTypeKey, d: any, at: NodePath, span: ContentBlock['span']): Promise<ContentBlock | undefined> {
  const t = (rel: NodePath, v: unknown) => textAt(p, [...at, ...rel], v);
  const opt = (rel: NodePath, v: unknown) => (v === undefined ? undefined : t(rel, v));
  switch (type) {
    case 'p':
    case 'paragraph':
      return typeof d === 'string' ? { type: 'paragraph', text: t([], d), span } : { type: 'paragraph', text: t(['text'], d.text), span };
    case 'heading':
      return typeof d === 'string' ? { type: 'heading', text: t([], d), span } : { type: 'heading', text: t(['text'], d.text), ...(d.id ? { id: d.id } : {}), span };
    case 'quote':
      return typeof d === 'string' ? { type: 'quote', text: t([], d), span } : { type: 'quote', text: t(['text'], d.text), by: opt(['by'], d.by), span };
    case 'facts':
      return { type: 'facts', title: t(['title'], d.title), items: d.items.map((it: any, i: number) => ({ label: t(['items', i, 'label'], it.label), value: t(['items', i, 'value'], it.value) })), span };
    case 'key-figure':
      return { type: 'keyFigure', value: t(['value'], d.value), text: t(['text'], d.text), span };
    case 'list':
      return Array.isArray(d)
        ? { type: 'list', ordered: false, items: d.map((s: string, i: number) => t([i], s)), span }
        : { type: 'list', title: opt(['title'], d.title), ordered: d.ordered, items: d.items.map((s: string, i: number) => t(['items', i], s)), span };
    case 'video':
      return { type: 'video', title: t(['title'], d.title), url: t(['url'], d.url), span };
    case 'image': {
      // A content image needs words for readers who cannot see it; a decorative one has none (it becomes an
      // Artifact, skipped by screen readers). A blank alt is neither: it would hide content silently.
      const blank = typeof d.alt !== 'string' || !d.alt.trim();
      if (d.decorative && !blank) ctx.errors.push(messages.imageAltOnDecorative(spanOf(p, keyNodeAt(p, [...at, 'alt']))));
      if (!d.decorative && blank) ctx.errors.push(messages.imageAltMissing(spanOf(p, d.alt === undefined ? keyNodeAt(p, [...at, 'src']) : nodeAt(p, [...at, 'alt']))));
      if (!!d.decorative !== blank) return undefined;
      const alt = d.decorative ? { value: '', span } : t(['alt'], d.alt);
      return (await loadImage(ctx, p, d.src, [...at, 'src'])) ? { type: 'image', src: d.src, alt, caption: opt(['caption'], d.caption), ...(d.id ? { id: d.id } : {}), span } : undefined;
    }
    case 'chart': {
      const spec = await loadChartSpec(ctx, p, d.spec, [...at, 'spec']);
      return spec ? { type: 'chart', spec, caption: opt(['caption'], d.caption), alt: opt(['alt'], d.alt), size: d.size, ...(d.id ? { id: d.id } : {}), span } : undefined;
    }
    case 'table': {
      const table = loadTable(p, d, at, t, ctx.errors);
      return table ? { type: 'table', title: opt(['title'], d.title), ...table, source: opt(['source'], d.source), note: opt(['note'], d.note), ...(d.id ? { id: d.id } : {}), span } : undefined;
    }
    case 'signature':
      return { type: 'signature', name: t(['name'], d.name), role: opt(['role'], d.role), span };
  }
}

async function loadImage(ctx: LoadContext, p: ParsedYaml, src: string, at: NodePath): Promise<boolean> {
  const span = spanOf(p, nodeAt(p, at));
  const refused = checkContentPath(src, span);
  if (refused) return void ctx.errors.push(refused), false;
  if (!IMAGE_EXTENSIONS.test(src)) return void ctx.errors.push(messages.unsupportedImage(src, span)), false;
  if (!ctx.images.has(src)) {
    const read = await readInside(ctx.root, src, span, { bytes: ctx.limits.imageBytes, name: 'imageBytes' });
    if (!read.bytes) return void ctx.errors.push(read.error!), false;
    const bad = checkImageHeader(src, read.bytes, ctx.limits, span);
    if (bad) return void ctx.errors.push(bad), false;
    ctx.images.set(src, read.bytes);
    if (span) ctx.imageSpans.set(src, span);
  }
  // a record of this file's load must check the image's bytes again, even when another file read it first
  ctx.log?.images.push({ src, span, hash: bytesHash(ctx.images.get(src)!) });
  return true;
}

async function loadChartSpec(ctx: LoadContext, p: ParsedYaml, spec: unknown, at: NodePath): Promise<LocatedJson | undefined> {
  if (typeof spec !== 'string') return toLocatedJson(p, nodeAt(p, at));
  const parsed = await readYamlFile(ctx, spec, spanOf(p, nodeAt(p, at)));
  if (!parsed) return undefined;
  const json = ctx.specs?.get(parsed) ?? toLocatedJson(parsed);
  ctx.specs?.set(parsed, json);
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) {
    ctx.errors.push(messages.wrongType('spec', 'a map (a Vega-Lite spec)', Array.isArray(json.value) ? 'a list' : 'a single value', spanOf(parsed, parsed.doc.contents)));
    return undefined;
  }
  return json;
}
