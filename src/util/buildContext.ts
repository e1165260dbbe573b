/**
 * The caches of a build session (one CLI run, a watch session, a test), owned by one object that the caller creates
 * and passes through the stages, so two builds in one process (or two reports) share nothing unless they are given
 * the same context, and nothing is kept in module-level state. Every entry is keyed by the content that decides it
 * (a hash of the bytes, or the full text and style), never by object identity or file name alone, so a reused
 * context gives the same bytes as a fresh one.
 */

/** What each named cache holds (keys are content hashes or full descriptions of the inputs). */
export type CacheName =
  /** content file path + text hash → parsed YAML (load/) */
  | 'yaml'
  /** content file path + limits → its latest parse, which an edit of the file is spliced into (load/yamlSplice.ts) */
  | 'yamlLatest'
  /** file kind + path + text hash + limits → its finished load and what it read (load/loadRecords.ts) */
  | 'loadRecords'
  /** template request → resolved template and the files it was made from (load/themeCache.ts) */
  | 'templates'
  /** font files' content hashes → FontStore with its shaped runs (fonts/) */
  | 'fonts'
  /** figures.yaml's content key + the report's dates and limits → figure table, datasets, figures they read (bind/figureCache.ts) */
  | 'figureTables'
  /** section source key + language, reference targets, chart ids taken → bound section, valid while the figures it read are (bind/sectionCache.ts) */
  | 'boundSections'
  /** one entry: figure table object (the same while figures.yaml is) → prints of its figures and datasets (bind/sectionCache.ts) */
  | 'figurePrints'
  /** section content + labels + footnote numbers + template, fonts, charts, images → styled section (style/styleCache.ts) */
  | 'styles'
  /** language + its month names → its typography rules compiled (style/typography.ts; months from the template or Intl's kept texts) */
  | 'typography'
  /** section scope + bound block + indent, label, anchor, chart or image → styled block, valid while its notes get the same numbers (style/blockCache.ts) */
  | 'styledBlocks'
  /** font hashes + fallbacks (+ disk file) → texts those faces draw completely (fonts/coverageCache.ts) */
  | 'coveredTexts'
  /** exceptions → hyphenator (text/) */
  | 'hyphenators'
  /** fonts + hyphenator + word + style → itemized word (text/) */
  | 'words'
  /** fonts + hyphenator + paragraph text, styles and measure → set lines and their warnings (text/) */
  | 'lines'
  /** section content, place and report scope → flowed pages and warnings (flow/sectionCache.ts) */
  | 'sectionFlows'
  /** part kind + content (block, width, grid; a page's geometry and slots …) + scope → composed box, page furniture, TOC, cover, and their line warnings (flow/sectionCache.ts) */
  | 'layoutParts'
  /** section geometry (items' and notes' sizes and break rules, first page, kind, columns) + scope → its page fills, session only (flow/keptFills.ts) */
  | 'sectionFills'
  /** image path + bytes hash → prepared PNG (images/) */
  | 'images'
  /** PNG hash + bleed pad + press profile → CMYK raster for the print variant (images/printRaster.ts) */
  | 'printImages'
  /** chart key → rendered chart (charts/) */
  | 'chartRenders'
  /** one entry: the session's chart worker thread, vega and compiled specs kept in it; or a one-shot build's worker started before its plans (charts/renderInWorker.ts) */
  | 'chartWorker'
  /** Vega-Lite spec without its rows → compiled Vega spec and parsed runtime (charts/compileCache.ts) */
  | 'chartSpecs'
  /** font file + size + text → glyph outline path (charts/, PNG export) */
  | 'chartOutlines'
  /** page items, marks, variant, font bytes → compressed content stream (pdf/pageStreams.ts) */
  | 'pageStreams'
  /** one entry: page-stream cache scope → part content key, marks, place, page size → its stream key (pdf/pageStreams.ts streamKeyOf) */
  | 'pageStreamKeys'
  /** SVG + box + page height + fonts, colours, variant → its operators and effects (pdf/pageStreams.ts svgKey) */
  | 'svgDrawings'
  /** font bytes hash → the font program pdfkit parsed (pdf/writePdf.ts reuses it in the next document) */
  | 'pdfFonts'
  /** font bytes hash → what a font dictionary reads of the face, so a cached build need not open it (pdf/lazyFont.ts) */
  | 'pdfFontFacts'
  /** shipped ICC profile file → its compressed bytes (pdf/outputIntent.ts) */
  | 'pdfProfiles'
  /** font bytes hash + subset glyphs in order → embedded font streams: program, CID map, ToUnicode (pdf/embedCidFont.ts) */
  | 'pdfSubsets'
  /** font bytes hash + resource name → the last /W array and ToUnicode CMap with the glyphs, widths and texts they were made from, session only (pdf/fontTables.ts) */
  | 'pdfFontTables'
  /** one entry: drawn item object → its JSON (pdf/itemJson.ts, for the document ID and page-stream keys) */
  | 'itemJson'
  /** pack file → its loaded maps (util/diskCache.ts: load records, styled sections, broken lines, section flows, page streams, font subsets on disk; read once per session) */
  | 'packs'
  /** one entry: page parts' item objects → their content keys (pdf/partKeys.ts: page streams, document ID, watch page hashes) */
  | 'partKeys'
  /** layout's content key of a page part → its hash (pdf/partKeys.ts TrustedPartKeys; on disk in a pack) */
  | 'partHashes'
  /** one entry: the last document's pages and layout's page objects → the equal ones handed on (pdf/internPages.ts) */
  | 'internedPages'
  /** one entry: drawn glyph item object → its operators and font and glyph effects, for the scope it was drawn in (pdf/keptRuns.ts) */
  | 'keptRuns'
  /** one entry: finished page object → its parts' content keys as layout noted them (flow/sectionCache.ts notePage) */
  | 'pageKeys'
  /** Intl cache file of a content folder ('' for none) → Intl formatters and the texts they wrote (locale/intlCache.ts) */
  | 'intl'
  /** font path + device + inode + size + mtime + ctime (ns) → its SHA-256, and its bytes once read (fonts/fontFiles.ts) */
  | 'fileHashes'
  /** real path of a content file → its stat (device, inode, size, times), bytes and decoded text (load/readSources.ts) */
  | 'knownFiles'
  /** content folder → its real path (load/, reading stays inside it) */
  | 'realRoots'
  /** one entry: bound chart object → its sandboxed spec and cache key, with the theme, fonts and frame they were made for (charts/plan.ts) */
  | 'chartPlans'
  /** one entry: stage output object → the content key it was made under (util/contentKeys.ts) */
  | 'contentKeys'
  /** colour + URL → a video's QR code as SVG (flow/boxes/qr.ts; made by uqr, a pure function of both) */
  | 'qrCodes'
  /** one entry: stage output object → values scanned from it, e.g. the languages of a styled section (util/contentKeys.ts) */
  | 'derivedValues';

/** The caches of one session. */
export interface BuildContext {
  /** The named cache, created empty on first use. */
  cache<V>(name: CacheName): Map<string, V>;
  /** Empties one cache, or all of them (bench: "all charts re-rendered"). */
  clear(name?: CacheName): void;
}

/** A new, empty context: nothing is shared with any other. */
export function createBuildContext(): BuildContext {
  const maps = new Map<CacheName, Map<string, unknown>>();
  return {
    cache<V>(name: CacheName): Map<string, V> {
      let m = maps.get(name);
      if (!m) maps.set(name, (m = new Map()));
      return m as Map<string, V>;
    },
    clear(name) {
      if (name) maps.get(name)?.clear();
      else maps.clear();
    },
  };
}

/** The cached value for `key`, made by `make` on a miss (a rejected promise is not kept). */
export function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined && !cache.has(key)) {
    v = make();
    cache.set(key, v);
    if (v instanceof Promise) v.catch(() => cache.delete(key));
  }
  return v as V;
}

/**
 * Drops the least recently used entries of a session cache that the build just finished did not use, down to
 * `versions` × the number it used. A watch session's edit supersedes one entry of a cache keyed by content (the
 * edited section's flow, ≈ 0.2 MB in the bundled report) and nothing else ever asks for it again but an undo; kept
 * under a fixed bound sized for the 10× report, those versions grew the heap by ≈ 0.2 MB per save (40 edits:
 * 8 MB) and made V8's old-generation collections inside the rebuilds more frequent. The entries the build used
 * are never dropped, so the next build finds all it found in this one; a dropped version is made again if an edit
 * returns to it.
 */
export function trimToRecent<V>(entries: Map<string, V>, used: ReadonlySet<string>, versions: number): void {
  const cap = versions * used.size;
  // a build that used none (its layout did not ask this cache) says nothing about what is current
  if (used.size === 0 || entries.size <= cap) return;
  for (const key of entries.keys()) {
    if (entries.size <= cap) break;
    if (!used.has(key)) entries.delete(key);
  }
}
