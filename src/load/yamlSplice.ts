/**
 * Parsing an edited YAML file again from its previous parse: the text that changed lies inside one item of a block
 * sequence (a paragraph of a section's `blocks`), so only that item is parsed, on its own, and spliced into the
 * previous tree; the nodes after it are copied with their offsets moved. A watch rebuild of a one-paragraph edit
 * spent ≈ 4 ms parsing the whole 10 KB section with `yaml`; the item alone is a few hundred bytes.
 *
 * The splice is only made where the item's text cannot mean anything else in its place: the item starts a line
 * (`<k spaces>- `), every further line of it is blank or indented deeper than k (so nothing in it can close the
 * sequence or an outer collection), it is not the last item (the next one's `- ` ends it whatever it holds), it has
 * no tab, carriage return, anchor, alias or tag (nor had the item it replaces), and parsed alone it gives exactly one item without error or
 * warning (so no quote or bracket is left open). The previous parse must have had no error and no warning. In any
 * other case the caller parses the whole file. test/load/yamlSplice.test.ts compares the splice with a full parse
 * (values, node types and every range) for random edits of the bundled sections.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseDocument, type Document, type Node, type YAMLSeq } from 'yaml';

/** The document and line starts of `text`, made from `before` (a parse of `old` without errors), or undefined. */
export function spliceParse(old: string, before: Document.Parsed, text: string): { doc: Document.Parsed; lines: LineCounter } | undefined {
  if (before.errors.length || before.warnings.length || text.includes('\r') || old.includes('\r')) return undefined;
  let p = 0;
  const max = Math.min(old.length, text.length);
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  if (p === old.length && p === text.length) return undefined;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const place = itemAround(before.contents, old, p, old.length - s);
  if (!place) return undefined;
  const { start, end, indent } = place;
  // an anchor the old item set may be named by an alias elsewhere: removing or renaming it is no local change
  const at = place.path[place.path.length - 1]!;
  if (!plain((at.node as YAMLSeq<unknown>).items[at.index])) return undefined;
  const delta = text.length - old.length;
  const chunk = text.slice(start, end + delta);
  if (!isolated(chunk, indent)) return undefined;
  const alone = parseDocument(chunk, { prettyErrors: false, uniqueKeys: true });
  if (alone.errors.length || alone.warnings.length || !isSeq(alone.contents) || alone.contents.items.length !== 1) return undefined;
  const item = alone.contents.items[0] as Node;
  if (!plain(item)) return undefined;
  shift(item, 0, start);
  const contents = rebuilt(before.contents as Node, place.path, item, end, delta);
  // the document without its contents is copied by its own clone (options, directives, schema), then given the new tree
  const held = before.contents;
  (before as { contents: unknown }).contents = null;
  const doc = before.clone() as Document.Parsed;
  (before as { contents: unknown }).contents = held;
  doc.contents = contents as Document.Parsed['contents'];
  if (before.range) doc.range = before.range.map((v) => (v >= end ? v + delta : v)) as typeof doc.range;
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return { doc, lines };
}

/** Where the changed text [from, to) of `text` lies: the deepest block-sequence item holding it that is not the last. */
interface Place {
  /** Collections from the root to the item (the item excluded), each with the index of the child taken. */
  readonly path: readonly { node: Node; index: number }[];
  /** The item's line start and the next item's line start. */
  readonly start: number;
  readonly end: number;
  readonly indent: number;
}

function itemAround(root: unknown, text: string, from: number, to: number): Place | undefined {
  const path: { node: Node; index: number }[] = [];
  let found: Place | undefined;
  let node = root;
  while (isMap(node) || isSeq(node)) {
    const items = node.items as unknown[];
    const index = items.findIndex((it) => {
      const r = isPair(it) ? spanOfPair(it) : (it as Node | null)?.range;
      return !!r && r[0] <= from && to <= r[2];
    });
    if (index < 0) break;
    path.push({ node, index });
    const it = items[index];
    if (isSeq(node) && !node.flow && index + 1 < items.length) {
      const a = dashLine(text, (it as Node).range![0]);
      const b = dashLine(text, (items[index + 1] as Node | null)?.range?.[0]);
      if (a && b && a.indent === b.indent && a.dash < from && to <= b.start) found = { path: [...path], start: a.start, end: b.start, indent: a.indent };
    }
    node = isPair(it) ? it.value : it;
  }
  return found;
}

/** The start of a pair's key to the end of its value. */
function spanOfPair(p: Pair): readonly number[] | undefined {
  const k = (p.key as Node | null)?.range;
  const v = (p.value as Node | null)?.range;
  return k && v ? [k[0], v[1], v[2]] : undefined;
}

/** `<indent spaces>- ` before `at` on its line: the line start, the dash's offset and the indent. */
function dashLine(text: string, at: number | undefined): { start: number; dash: number; indent: number } | undefined {
  if (at === undefined) return undefined;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const m = /^( *)- +$/.exec(text.slice(start, at));
  return m ? { start, dash: start + m[1]!.length, indent: m[1]!.length } : undefined;
}

/** Every line after the first blank or indented deeper than `indent`; no tab anywhere. */
function isolated(chunk: string, indent: number): boolean {
  if (chunk.includes('\t') || !chunk.endsWith('\n')) return false;
  const lines = chunk.slice(0, -1).split('\n');
  return lines.slice(1).every((l) => /^ *$/.test(l) || /^ */.exec(l)![0].length > indent);
}

/** No anchor, alias or tag in the item (they reach outside it). */
function plain(n: unknown): boolean {
  if (isAlias(n)) return false;
  if (isPair(n)) return plain(n.key) && plain(n.value);
  if (!n || typeof n !== 'object') return true;
  const node = n as Node & { tag?: string; anchor?: string };
  if (node.tag || node.anchor) return false;
  return isMap(n) || isSeq(n) ? (n.items as unknown[]).every(plain) : true;
}

/** Moves every range of `n` and its descendants at or after `from` by `delta`, in place. */
function shift(n: unknown, from: number, delta: number): void {
  if (isPair(n)) return shift(n.key, from, delta), shift(n.value, from, delta);
  if (!n || typeof n !== 'object') return;
  const node = n as Node;
  if (node.range) node.range = node.range.map((v) => (v >= from ? v + delta : v)) as typeof node.range;
  if (isMap(n) || isSeq(n)) for (const it of n.items as unknown[]) shift(it, from, delta);
}

/**
 * A copy of the tree with the path's item replaced by `item`: collections on the path are copied shallowly, children
 * before the edit are shared (their ranges are unchanged), children after it copied with their ranges moved by `delta`.
 */
function rebuilt(node: Node, path: readonly { node: Node; index: number }[], item: Node, end: number, delta: number): Node {
  const [step, ...rest] = path;
  const copy = copyOf(node) as YAMLSeq<unknown>;
  if (node.range) copy.range = node.range.map((v) => (v >= end ? v + delta : v)) as typeof node.range;
  copy.items = (node as YAMLSeq<unknown>).items.map((it, i) => {
    if (i < step!.index) return it;
    if (i > step!.index) return moved(it, delta);
    const inner = (child: Node) => (rest.length ? rebuilt(child, rest, item, end, delta) : item);
    if (!isPair(it)) return inner(it as Node);
    return new Pair(it.key, inner(it.value as Node));
  });
  return copy;
}

/** The type mark `yaml`'s isMap, isScalar … read (Symbol.for, so the same symbol as the library's). */
const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * A node with the same own fields (value, type, source, flow, comments …), its own range and items array. `yaml`'s
 * clone copies property descriptors, ≈ 6 µs a node: a third of a splice for the half of a section after the edit.
 */
function copyOf(n: object): Node {
  const c = Object.create(Object.getPrototypeOf(n)) as Record<string | symbol, unknown>;
  Object.defineProperty(c, NODE_TYPE, { value: (n as Record<symbol, unknown>)[NODE_TYPE] });
  for (const k of Object.keys(n)) c[k] = (n as Record<string, unknown>)[k];
  return c as unknown as Node;
}

/** A deep copy of a node or pair with every range moved by `delta`. */
function moved(n: unknown, delta: number): unknown {
  if (isPair(n)) return new Pair(moved(n.key, delta), moved(n.value, delta));
  if (!n || typeof n !== 'object') return n;
  const c = copyOf(n);
  const r = (n as Node).range;
  if (r) c.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(n) || isSeq(n)) (c as YAMLSeq<unknown>).items = (n.items as unknown[]).map((it) => moved(it, delta));
  return c;
}
