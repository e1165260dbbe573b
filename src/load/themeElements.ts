/**
 * Resolves a template's page elements (cover, furniture): colours to hex, lengths checked, ids known before use,
 * text styles declared, image files read from the template's own folder.
 */
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { PageElement } from '../spec/theme.ts';
import type { PageElementFile } from '../spec/template.ts';
import { idsIn, parseLength } from '../spec/pageLength.ts';
import { nodeAt, spanOf, type NodePath, type ParsedYaml } from './parseYaml.ts';
import { readInside } from './readSources.ts';
import { posix } from 'node:path';
import type { TemplateOrigin } from './templateFiles.ts';
import { noteRead, type DepLog } from './fileDeps.ts';

const LENGTH_KEYS = ['x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2', 'baseline'] as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** What resolving needs from loadTheme: colour resolution and the template's text style names. */
export interface ElementContext {
  readonly color: (value: string, path: NodePath) => string;
  readonly styles: readonly string[];
  readonly parsed: ParsedYaml;
  readonly problems: Diagnostic[];
  /** Files read (theme cache). */
  readonly log?: DepLog;
}

/** Resolves the elements of one list (`cover` or `furniture`); ids are local to the list. */
export async function resolveElements(list: readonly PageElementFile[], key: string, origin: TemplateOrigin, c: ElementContext): Promise<PageElement[]> {
  const ids: string[] = [];
  const out: PageElement[] = [];
  for (const [i, e] of list.entries()) {
    const at = (f: string): NodePath => [key, i, f];
    const span = (f: string) => spanOf(c.parsed, nodeAt(c.parsed, at(f)));
    for (const k of LENGTH_KEYS) {
      const v = (e as Record<string, unknown>)[k] as number | string | undefined;
      if (v === undefined) continue;
      try {
        for (const id of idsIn(parseLength(v))) if (!ids.includes(id)) c.problems.push(messages.unknownElementId(id, ids, span(k)));
      } catch (err) {
        c.problems.push(messages.badLength(String(v), (err as Error).message, span(k)));
      }
    }
    switch (e.type) {
      case 'rect':
        out.push({ ...e, fill: e.fill && c.color(e.fill, at('fill')), stroke: e.stroke && c.color(e.stroke, at('stroke')) });
        break;
      case 'rule':
        out.push({ ...e, color: c.color(e.color, at('color')) });
        break;
      case 'text':
        if (!c.styles.includes(e.style)) c.problems.push(messages.unknownStyleName(e.style, c.styles, span('style')));
        if (e.y === undefined && e.baseline === undefined) c.problems.push(messages.missingKey('y', span('type')));
        out.push({ ...e, color: e.color && c.color(e.color, at('color')) });
        break;
      case 'image':
        out.push({ ...e, ...(await readImage(e.src, origin, span('src'), c)) });
        break;
    }
    if (e.id) ids.push(e.id);
  }
  return out;
}

/** An SVG (as text) or PNG (as bytes) from the template's folder. */
async function readImage(src: string, origin: TemplateOrigin, span: ReturnType<typeof spanOf>, { problems, log }: ElementContext): Promise<{ svg?: string; png?: Uint8Array }> {
  const path = posix.join(origin.dir, src);
  const r = await readInside(origin.root, path, span);
  if (r.bytes) noteRead(log, origin.root, path, r.bytes);
  if (!r.bytes) {
    if (r.error) problems.push(r.error);
    return {};
  }
  if (/\.svg$/i.test(src)) return { svg: new TextDecoder('utf-8').decode(r.bytes) };
  if (PNG_SIGNATURE.every((b, i) => r.bytes![i] === b)) return { png: r.bytes };
  problems.push(messages.unsupportedImage(src, span));
  return {};
}
