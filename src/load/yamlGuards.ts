/**
 * Checks on a YAML file before anything expands it: nesting depth (scanned from the text, before the parser
 * recurses), aliases and the size they expand to (counted on the parsed tree, so an alias bomb is refused without
 * being expanded), unknown tags (`!include`, `!!js/function`: their text would be printed as-is) and keys that
 * are lists or maps. Each problem is a diagnostic at its line:column.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diag/types.ts';
import * as messages from '../diag/messages.ts';
import type { Limits } from '../spec/limits.ts';

type YamlLimits = Pick<Limits, 'yamlAliases' | 'yamlNodes' | 'yamlDepth' | 'textChars'>;
type SpanAt = (start: number, end: number) => Diagnostic['span'];

/**
 * Offset where flow nesting (`[`, `{`) or block indentation first goes deeper than `max`, if it does. Jumps from one
 * character that matters to the next with native searches (a loop over every character was 10 ms of the 10×
 * document's load); test/load/yamlGuards.test.ts compares it with that loop on every content file and on edge cases.
 */
export function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  const indents: number[] = [];
  const outside = /["'#[\]{}\n]/g;
  const inDouble = /["\\]/g;
  for (let i = 0; ; ) {
    outside.lastIndex = i;
    const m = outside.exec(text);
    if (!m) return undefined;
    i = m.index;
    const c = text[i];
    if (c === '"' || (c === "'" && /[\s:[{,-]/.test(text[i - 1] ?? ' '))) {
      // the quoted text, to its closing quote (a backslash in double quotes escapes the next character)
      if (c === "'") i = text.indexOf("'", i + 1);
      else
        for (inDouble.lastIndex = i + 1; ; inDouble.lastIndex = i + 2) {
          const q = inDouble.exec(text);
          i = q ? q.index : -1;
          if (!q || q[0] === '"') break;
        }
      if (i < 0) return undefined;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      // a comment: on to its line end, which is looked at as any line end
      i = text.indexOf('\n', i + 1);
      if (i < 0) return undefined;
      continue;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) {
      // block structure: the stack of indentations of the lines seen so far
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '-') j++;
      if (!(text[j] === '\n' || text[j] === '#' || j >= text.length)) {
        const indent = j - i - 1;
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > max) return j;
      }
    }
    i++;
  }
}

/** Diagnostics for aliases, tags and complex keys of a parsed document. */
export function guardDocument(doc: Document.Parsed, limits: YamlLimits, spanAt: SpanAt): Diagnostic[] {
  const out: Diagnostic[] = [];
  const aliases: Node[] = [];
  let nodes = 0;
  const walk = (n: unknown): void => {
    if (isAlias(n)) return void aliases.push(n);
    if (isPair(n)) {
      if (n.key && !isScalar(n.key) && (isCollection(n.key) || isAlias(n.key))) out.push(messages.complexKey(spanAt(...range(n.key as Node))));
      walk(n.key);
      walk(n.value);
      return;
    }
    if (!n || typeof n !== 'object') return;
    nodes++;
    const node = n as Node & { tag?: string };
    if (node.tag && !KNOWN_TAGS.has(node.tag)) out.push(messages.unknownYamlTag(shortTag(node.tag), spanAt(...range(node))));
    if (isScalar(n) && typeof n.value === 'string' && n.value.length > limits.textChars)
      out.push(messages.limitExceeded('textChars', n.value.length, limits.textChars, spanAt(...range(node))));
    if (isMap(n) || isSeq(n)) for (const it of n.items) walk(it);
  };
  walk(doc.contents);
  void nodes;
  if (aliases.length > limits.yamlAliases) {
    out.push(messages.limitExceeded('yamlAliases', aliases.length, limits.yamlAliases, spanAt(...range(aliases[limits.yamlAliases]!))));
    return out;
  }
  if (aliases.length) {
    const expanded = expandedSize(doc, limits.yamlNodes);
    if (expanded > limits.yamlNodes) out.push(messages.limitExceeded('yamlNodes', `more than ${limits.yamlNodes.toLocaleString('en')}`, limits.yamlNodes, spanAt(...range(aliases[0]!))));
  }
  return out;
}

/** Tags of the YAML 1.2 core schema (explicit `!!str 1` is fine). */
const KNOWN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

function range(n: Node): [number, number] {
  const r = n.range ?? [0, 0];
  return [r[0], r[1]];
}

/** Node count with aliases expanded, memoized per anchored node; stops counting past `cap`. */
function expandedSize(doc: Document.Parsed, cap: number): number {
  const memo = new Map<unknown, number>();
  const size = (n: unknown): number => {
    if (!n || typeof n !== 'object') return 0;
    if (memo.has(n)) return memo.get(n)!;
    let s = 1;
    if (isAlias(n)) s = size(n.resolve(doc));
    else if (isPair(n)) s = size(n.key) + size(n.value);
    else if (isMap(n) || isSeq(n)) for (const it of n.items) if ((s += size(it)) > cap) break;
    s = Math.min(s, cap + 1);
    memo.set(n, s);
    return s;
  };
  return size(doc.contents);
}

/** C0 controls but tab and line ends, DEL, C1 controls, lone surrogates and the noncharacters U+FFFE/U+FFFF. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control characters from every string value, in place, with one warning per value at the character's
 * position (in the source when it is written there raw, else at the value, for an escape like "\u0007").
 */
export function stripControlCharacters(doc: Document.Parsed, text: string, spanAt: SpanAt): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (n: unknown): void => {
    if (isPair(n)) return walk(n.key), walk(n.value);
    if (isScalar(n)) {
      if (typeof n.value !== 'string' || !CONTROL.test(n.value)) return;
      CONTROL.lastIndex = 0;
      const found = [...new Set(n.value.match(CONTROL))];
      const [a, b] = range(n);
      const raw = text.slice(a, b).search(CONTROL);
      CONTROL.lastIndex = 0;
      const list = found.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
      out.push(messages.controlCharacters(list, raw >= 0 ? spanAt(a + raw, a + raw + 1) : spanAt(a, b)));
      n.value = n.value.replace(CONTROL, '');
      return;
    }
    if (isMap(n) || isSeq(n)) for (const it of n.items) walk(it);
  };
  walk(doc.contents);
  return out;
}
