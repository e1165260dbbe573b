/** YAML parsing with positions: every node can be turned into a 1-based SourceSpan with offsets. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceSpan } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import { DEFAULT_LIMITS, type Limits } from '../spec/limitDefaults.ts';
import { spliceParse } from './yamlSplice.ts';
import { guardDocument, stripControlCharacters, tooDeepAt } from './yamlGuards.ts';

/** A parsed YAML file with what is needed to locate its nodes. */
export interface ParsedYaml {
  /** Path as printed in diagnostics (relative to the working directory). */
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Path into a YAML tree: map keys (compared as strings) and sequence indexes. */
export type NodePath = readonly (string | number)[];

/**
 * Parses one file; the first YAML syntax error comes back as a LOAD002 diagnostic at the parser's line:column. Nesting
 * deeper than limits.yamlDepth is refused before parsing; aliases, unknown tags and complex keys after it
 * (yamlGuards.ts), before anything expands the tree.
 */
export function parseYaml(
  file: string,
  text: string,
  limits: Pick<Limits, 'yamlAliases' | 'yamlNodes' | 'yamlDepth' | 'textChars'> = DEFAULT_LIMITS,
  /** The same file's previous parse, without errors or warnings: an edit inside one item is parsed alone (yamlSplice.ts). */
  previous?: ParsedYaml,
): { parsed: ParsedYaml; errors: Diagnostic[]; warnings: Diagnostic[] } {
  let lines = new LineCounter();
  const deep = tooDeepAt(text, limits.yamlDepth);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const span = { file, line: before.split('\n').length, column: deep - before.lastIndexOf('\n'), offset: deep, endOffset: deep + 1 };
    const errors = [messages.limitExceeded('yamlDepth', `more than ${limits.yamlDepth}`, limits.yamlDepth, span)];
    return { parsed: { file, text, doc: parseDocument('', { lineCounter: lines }), lines }, errors, warnings: [] };
  }
  const spliced = previous && spliceParse(previous.text, previous.doc, text);
  if (spliced) lines = spliced.lines;
  const doc = spliced?.doc ?? parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed = { file, text, doc, lines };
  const errors: Diagnostic[] = [];
  const spanAt = (a: number, b: number) => offsetSpan(parsed, a, Math.max(b, a + 1));
  if (!doc.errors.length) errors.push(...guardDocument(doc, limits, spanAt));
  const warnings = doc.errors.length ? [] : stripControlCharacters(doc, text, spanAt);
  const refLines = new Set<number>();
  for (const e of orderErrors(doc.errors)) {
    const start = e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? (openingQuote(text, e.pos[0]) ?? e.pos[0]) : e.pos[0];
    const span = offsetSpan(parsed, start, Math.max(start === e.pos[0] ? e.pos[1] : start + 1, start + 1));
    const ref = unquotedRefOnLine(parsed, span.line);
    if (ref) {
      if (!refLines.has(span.line)) errors.push(messages.unquotedReference(ref.name, ref.span));
      refLines.add(span.line);
      continue;
    }
    // one mistake in YAML makes the parser report a cascade of follow-up errors: show only the first
    if (errors.length > 0) continue;
    const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '').replace(/"(quote|bracket|brace)/, '$1');
    errors.push(messages.yamlSyntax(first.charAt(0).toLowerCase() + first.slice(1), span));
  }
  return { parsed, errors, warnings };
}

/**
 * The parser's errors with the one that names the cause first: a tab or a wrong indent explains the errors it
 * triggers ("implicit keys need to be on a single line" …), so it is the one worth showing.
 */
function orderErrors<E extends { code: string }>(errors: readonly E[]): E[] {
  const cause = (e: E) => (e.code === 'TAB_AS_INDENT' || e.code === 'BAD_INDENT' ? 0 : 1);
  return [...errors].sort((a, b) => cause(a) - cause(b));
}

/** Offset of the `"` that opens the string left unterminated at `end` (scans quotes, escapes, comments and '…'). */
function openingQuote(text: string, end: number): number | undefined {
  let open: number | undefined;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (open !== undefined) {
      if (c === '\\') i++;
      else if (c === '"') open = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === "'" && /(^|[\s:\-\[{,])$/.test(text.slice(Math.max(0, i - 1), i))) {
      for (i++; i < end && !(text[i] === "'" && text[i + 1] !== "'"); i++) if (text[i] === "'") i++;
    } else if (c === '"') open = i;
  }
  return open;
}

/** `key: {ref} more text` (a value starting with a reference, unquoted): the classic mistake behind a YAML error. */
function unquotedRefOnLine(p: ParsedYaml, line: number): { name: string; span: SourceSpan } | undefined {
  const lineStart = line === 1 ? 0 : p.lines.lineStarts[line - 1];
  const src = p.text.slice(lineStart).split(/\r?\n/)[0];
  const m = /^(\s*(?:-\s+)?(?:[\w-]+:\s+)?)(\{\s*([\w.-]+(?:\s*\|[^}]*)?)\})\s*[^\s#,}\]]/.exec(src);
  if (!m) return undefined;
  const at = lineStart + m[1].length;
  return { name: m[3].trim(), span: offsetSpan(p, at, at + m[2].length) };
}

/** Span between two offsets of the file. */
export function offsetSpan(p: ParsedYaml, start: number, end: number): SourceSpan {
  const a = p.lines.linePos(start);
  const b = p.lines.linePos(Math.max(start, end));
  return { file: p.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, offset: start, endOffset: end };
}

/** Span of a node (value part, without trailing comments); the document start when the node has no range. */
export function spanOf(p: ParsedYaml, node: Node | null | undefined): SourceSpan {
  const range = node?.range;
  if (!range) return offsetSpan(p, 0, 0);
  return offsetSpan(p, range[0], range[1]);
}

/** The node at `path` (a key's value, or a sequence item), or undefined when absent. */
export function nodeAt(p: ParsedYaml, path: NodePath): Node | undefined {
  let node: unknown = p.doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && keyString(it.key) === String(step));
      node = pair?.value ?? undefined;
      if (pair && pair.value === null) return pair.key as Node; // `key:` with no value: point at the key
    } else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the last step of `path` (for "unknown key" errors). */
export function keyNodeAt(p: ParsedYaml, path: NodePath): Node | undefined {
  const parent = nodeAt(p, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const last = String(path[path.length - 1]);
  return parent.items.find((it) => keyString(it.key) === last)?.key as Node | undefined;
}

/** A map key as a string (numbers and booleans included). */
export function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** Nearest existing node along `path` (for missing values: the parent map). */
export function nearestNode(p: ParsedYaml, path: NodePath): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(p, path.slice(0, n));
    if (node) return node;
  }
  return undefined;
}

/** `{asiel.eerste}` parsed as a flow map with one null-valued key: returns "asiel.eerste", else undefined. */
export function unquotedRefOf(node: unknown): string | undefined {
  if (!isMap(node) || !node.flow || node.items.length !== 1) return undefined;
  const pair = node.items[0];
  const key = keyString(pair.key);
  const valueNull = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
  return key !== undefined && valueNull && /^[\w.\-\s|:]+$/.test(key) ? key.trim() : undefined;
}
