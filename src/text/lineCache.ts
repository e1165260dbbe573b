/**
 * Broken paragraphs on disk, so the next CLI run (a new process, whose build context starts empty) does not break
 * every paragraph again: breaking was about 0.5 s of a cached build of the bundled report. One pack (util/diskCache.ts)
 * per scope (font files' hashes, hyphenator: languages and exceptions, algorithm), versioned by the tool, holding
 * entries keyed by a hash of the paragraph's content key (text, styles, alignment, leading, hyphenation, indent,
 * measure: breakLines.ts paragraphKey). Unlike the layout packs, it also keeps recent entries the last build did not
 * use (a paragraph edited back and forth), and each entry is shape-checked when read, so one that is not a broken
 * paragraph is a miss and is broken again.
 */
import { bytesHash, markPackStale, openPack, packedMap, savePack, type Pack } from '../util/diskCache.ts';
import type { BrokenParagraph } from './breakLines.ts';
import type { Line } from './types.ts';

/** Unused entries one pack keeps besides what the last build used (the 10× bench document has ≈ 3,000 paragraphs). */
const MAX_UNUSED = 20_000;

/** The disk side of the line breaker's cache. */
export interface LineDiskCache {
  get(scope: string, key: string): BrokenParagraph | undefined;
  set(scope: string, key: string, value: BrokenParagraph): void;
  /** Writes every pack whose entries changed. */
  save(): void;
}

/** The line cache under `cacheDir`, with its loaded packs kept in `packs` (build context `packs`). */
export function createLineDiskCache(cacheDir: string, packs: Map<string, Pack>): LineDiskCache {
  const mine = new Set<Pack>();
  const lines = (scope: string) => {
    const pack = openPack(cacheDir, JSON.stringify(['lines', scope]), packs);
    mine.add(pack);
    return { pack, map: packedMap<unknown>(pack, 'lines', MAX_UNUSED) };
  };
  return {
    get(scope, key) {
      const { pack, map } = lines(scope);
      const k = bytesHash(key);
      const raw = map.entries.get(k);
      if (raw === undefined) return undefined;
      const v = asBroken(raw);
      if (!v) {
        map.entries.delete(k);
        markPackStale(pack);
      } else map.used.add(k);
      return v;
    },
    set(scope, key, value) {
      const { map } = lines(scope);
      const k = bytesHash(key);
      map.entries.set(k, value);
      map.used.add(k);
    },
    save() {
      for (const p of mine) savePack(p);
    },
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, is: (x: unknown) => boolean) => v === undefined || is(v);

function isRun(r: unknown): boolean {
  const o = r as Record<string, unknown>;
  return (
    !!o && isStr(o.text) && isStr(o.font) && isStr(o.color) && [o.xPt, o.widthPt, o.sizePt, o.wordSpacingPt].every(isNum) &&
    Array.isArray(o.features) && o.features.every(isStr) && optional(o.link, isStr) && optional(o.footnoteId, isStr) &&
    optional(o.risePt, isNum) && optional(o.scale, isNum) && optional(o.letterSpacingPt, isNum)
  );
}

function isLine(l: unknown): l is Line {
  const o = l as Record<string, unknown>;
  return (
    !!o && Array.isArray(o.runs) && o.runs.every(isRun) && [o.widthPt, o.ascentPt, o.descentPt, o.heightPt].every(isNum) &&
    typeof o.hyphenated === 'boolean' && optional(o.spaceRatio, isNum) && optional(o.overfull, (x) => typeof x === 'boolean')
  );
}

/** The entry as a broken paragraph, or undefined when it is not one (a damaged entry). */
function asBroken(v: unknown): BrokenParagraph | undefined {
  const o = v as Record<string, unknown>;
  if (!o || !Array.isArray(o.lines) || !o.lines.every(isLine) || !Array.isArray(o.tooWide) || !o.tooWide.every(isStr)) return undefined;
  if (!Array.isArray(o.overfull) || !o.overfull.every((x: { text?: unknown; excess?: unknown }) => !!x && isStr(x.text) && isNum(x.excess))) return undefined;
  if (!optional(o.forced, (x) => Array.isArray(x) && x.every(isStr))) return undefined;
  return o as unknown as BrokenParagraph;
}
