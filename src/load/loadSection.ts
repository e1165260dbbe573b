/** Loads one section file into a SectionSource (validated, every string with its span). */
import { basename } from 'node:path';
import type { SourceSpan } from '../diag/types.ts';
import { SectionFileSchema } from '../spec/section.ts';
import type { SectionSource, Text } from './types.ts';
import type { LoadContext } from './loadContext.ts';
import { recorded } from './loadRecords.ts';
import { loadBlocks, textAt } from './loadBlocks.ts';
import { nodeAt, spanOf, type ParsedYaml } from './parseYaml.ts';
import * as messages from '../diag/messages.ts';
import { isValidTag } from '../locale/index.ts';
import { validate } from './validate.ts';
import { NOT_PLAIN, plainValue } from './locatedJson.ts';

/** Section id from its file name: "sections/01-asiel.yaml" → "01-asiel". */
export function sectionId(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

/** Reads, validates and converts a section; undefined (with errors in ctx) when it cannot be used. */
export async function loadSection(ctx: LoadContext, path: string, span?: SourceSpan): Promise<SectionSource | undefined> {
  return recorded(ctx, path, span, 'section', (p) => sectionOf(ctx, p, path));
}

async function sectionOf(ctx: LoadContext, p: ParsedYaml, path: string): Promise<SectionSource | undefined> {
  const plain = plainValue(p.doc.contents);
  const raw = (plain !== NOT_PLAIN ? plain : p.doc.toJS()) as { blocks?: unknown } | null;
  // the blocks' values are taken from this one conversion unless aliases may share nodes between them
  const items = (list: readonly unknown[]) => (plain !== NOT_PLAIN ? list : list.length);
  const { data, errors } = validate(SectionFileSchema, raw, p);
  ctx.errors.push(...errors);
  if (!data) {
    // still check the blocks, so one run reports every problem of the file
    if (Array.isArray(raw?.blocks)) await loadBlocks(ctx, p, items(raw.blocks));
    return undefined;
  }
  const opt = (key: string, v: string | undefined): Text | undefined => (v === undefined ? undefined : textAt(p, [key], v));
  const blocks = await loadBlocks(ctx, p, items(data.blocks));
  if (data.lang !== undefined && !isValidTag(data.lang)) ctx.errors.push(messages.badLanguage(data.lang, spanOf(p, nodeAt(p, ['lang']))));
  const footnotes = new Map(Object.entries(data.footnotes).map(([id, t]) => [id, textAt(p, ['footnotes', id], t)] as const));
  return {
    id: sectionId(path),
    kind: data.kind,
    label: opt('label', data.label),
    title: textAt(p, ['title'], data.title),
    shortTitle: opt('short', data.short),
    lead: opt('lead', data.lead),
    blocks,
    targets: blocks.flatMap((b) => ('id' in b && b.id ? [{ id: b.id, span: b.span }] : [])),
    footnotes,
    ...(data.lang !== undefined && isValidTag(data.lang) && { lang: data.lang }),
    span: spanOf(p, p.doc.contents),
  };
}
